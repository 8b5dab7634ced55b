package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code model-index}: evaluation results from the Trainer's results block, one suggestion per metric whose
 * key the Trainer maps to a Hub metric id (loss and other keys are not metrics). The value is one entry
 * {@code {task: {type, name}, dataset: {type, name}, metric: {type, value, name}}}; the task is the card's
 * {@code pipeline_tag} or what {@link PipelineTagExtractor} reads, the dataset that of the same opening
 * sentence. Without a dataset no valid entry can be written, so nothing is suggested.
 */
public final class ModelIndexExtractor implements MetadataExtractor {

    /** A Trainer result whose task the text's rules inferred (no pipeline_tag in the YAML). */
    private static final double TASK_INFERRED = 0.93;
    /** One without a task: proposed, not patched, since the Hub files results under a task. */
    private static final double WITHOUT_TASK = 0.8;

    public static final String FIELD = "model-index";

    private final PipelineTagExtractor pipelineTag;

    public ModelIndexExtractor(PipelineTagExtractor pipelineTag) {
        this.pipelineTag = pipelineTag;
    }

    @Override
    public String field() {
        return FIELD;
    }

    /** The Open LLM Leaderboard's results table: row label → dataset id, config and metric id. */
    private static final Map<String, String[]> LEADERBOARD = Map.of(
            "ai2 reasoning challenge (25-shot)", new String[]{"ai2_arc", "ARC-Challenge", "acc_norm", "25"},
            "hellaswag (10-shot)", new String[]{"hellaswag", null, "acc_norm", "10"},
            "mmlu (5-shot)", new String[]{"cais/mmlu", "all", "acc", "5"},
            "truthfulqa (0-shot)", new String[]{"truthful_qa", "multiple_choice", "mc2", "0"},
            "winogrande (5-shot)", new String[]{"winogrande", "winogrande_xl", "acc", "5"},
            "gsm8k (5-shot)", new String[]{"gsm8k", "main", "acc", "5"});
    private static final Pattern LEADERBOARD_ROW = Pattern.compile(
            "^\\|\\s*((?:AI2 Reasoning Challenge \\(25-Shot\\)|HellaSwag \\(10-Shot\\)|MMLU \\(5-Shot\\)|TruthfulQA \\(0-shot\\)"
                    + "|Winogrande \\(5-shot\\)|GSM8k \\(5-shot\\)))\\s*\\|\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\|",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        List<Suggestion> out = new ArrayList<>(leaderboard(text));
        out.addAll(trainer(card, text));
        return out;
    }

    /**
     * Rows of the Open LLM Leaderboard table that its bot adds to cards (text generation, the six benchmarks); a
     * benchmark once, as a card that holds the table twice (the bot's and a copy) still has one result per benchmark.
     */
    private List<Suggestion> leaderboard(BodyText text) {
        List<Suggestion> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Matcher m = LEADERBOARD_ROW.matcher(text.body());
        while (m.find()) {
            String benchmark = m.group(1).toLowerCase(Locale.ROOT);
            if (!seen.add(benchmark)) {
                continue;
            }
            String[] d = LEADERBOARD.get(benchmark);
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("type", d[0]);
            dataset.put("name", m.group(1));
            if (d[1] != null) {
                dataset.put("config", d[1]);
            }
            dataset.put("args", Map.of("num_few_shot", Long.parseLong(d[3])));
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("type", d[2]);
            metric.put("value", Double.parseDouble(m.group(2)));
            metric.put("name", d[2]);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("task", task("text-generation"));
            entry.put("dataset", dataset);
            entry.put("metric", metric);
            out.add(text.suggestion(FIELD, entry, m.start(1), m.end(2), 0.9, "leaderboard-table"));
        }
        return out;
    }

    private List<Suggestion> trainer(ModelCard card, BodyText text) {
        List<TrainerResults.Item> items = TrainerResults.items(text.body());
        if (items.isEmpty()) {
            return List.of();
        }
        TrainerResults.DatasetMention dataset = TrainerResults.dataset(text.body());
        String method = "trainer-results";
        if (dataset == null) {
            // "on the None dataset": the card's own datasets key, when it names one dataset, is the one the block is about
            String only = onlyYamlDataset(card);
            if (only == null) {
                return List.of();
            }
            dataset = new TrainerResults.DatasetMention(only, null, -1, -1);
            method = "trainer-results-yaml-dataset";
        }
        String task = card.metadata().pipelineTag().orElse(null);
        double confidence = 0.95;
        if (task == null) {
            List<Suggestion> tasks = pipelineTag.extract(card);
            task = tasks.isEmpty() ? null : (String) tasks.get(0).value();
            confidence = tasks.isEmpty() ? WITHOUT_TASK : TASK_INFERRED;
        }
        if (text.mentions("eval.py") || card.metadata().tags().stream().anyMatch("robust-speech-event"::equalsIgnoreCase)) {
            // the speech event's cards: the block is the validation set during training, while the card's own
            // evaluation script gives the test results the card reports; a card tagged for the event holds them
            // even when it does not name the script (11 of 11 such values were not the model-index's on dev)
            confidence = Math.min(confidence, 0.6);
        }
        List<Suggestion> out = new ArrayList<>();
        for (TrainerResults.Item item : items) {
            if (item.metricType() == null) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            if (task != null) {
                entry.put("task", task(task));
            }
            Map<String, Object> datasetEntry = new LinkedHashMap<>();
            datasetEntry.put("type", dataset.id());
            datasetEntry.put("name", dataset.config() == null ? dataset.id() : dataset.id() + " " + dataset.config());
            if (dataset.config() != null) {
                datasetEntry.put("args", dataset.config());
            }
            entry.put("dataset", datasetEntry);
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("type", item.metricType());
            metric.put("value", item.value());
            metric.put("name", item.key());
            entry.put("metric", metric);
            // transformers writes no cer into the model-index it generates (cer is not one of its metric tags): a
            // card's YAML holds the block's Cer only where someone added it by hand (2 of 6 on hub-2023's dev split)
            double itemConfidence = item.metricType().equals("cer") ? Math.min(confidence, 0.6) : confidence;
            out.add(text.suggestion(FIELD, entry, item.start(), item.end(), itemConfidence, method));
        }
        return out;
    }

    /** The one valid dataset id of the card's {@code datasets} key, or null when it has none or several. */
    private static String onlyYamlDataset(ModelCard card) {
        List<String> ids = card.metadata().strings(DatasetsExtractor.FIELD).stream()
                .map(HubRefs::valid).filter(java.util.Objects::nonNull).distinct().toList();
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /**
     * A Trainer result filed under {@code type}, a task the repo's files state (config.json's head), for a card whose
     * YAML gives no task: the files say what the weights' head does, so their task replaces one the text's rules
     * inferred, and a result without a task gets one at the confidence a task from the text gives (or lower where it
     * was capped). Other suggestions are returned as they are.
     */
    public static Suggestion filedUnder(Suggestion s, String type) {
        if (!(s.value() instanceof Map<?, ?> m) || !s.method().startsWith("trainer-results")) {
            return s;
        }
        boolean hadTask = m.get("task") != null;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("task", task(type));
        m.forEach((k, v) -> {
            if (!k.equals("task")) {
                entry.put((String) k, v);
            }
        });
        double confidence = hadTask || s.confidence() < WITHOUT_TASK ? s.confidence() : TASK_INFERRED;
        return new Suggestion(s.field(), entry, s.evidence(), confidence, s.method());
    }

    /** {@code {name, type}} in the Trainer's order (a fixed order: patches must be reproducible). */
    private static Map<String, Object> task(String type) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", taskName(type));
        task.put("type", type);
        return task;
    }

    /** "text-classification" → "Text Classification", as the Trainer names tasks. */
    static String taskName(String type) {
        StringBuilder sb = new StringBuilder();
        for (String word : type.split("-")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return sb.toString();
    }
}
