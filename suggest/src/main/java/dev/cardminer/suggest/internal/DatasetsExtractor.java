package dev.cardminer.suggest.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code datasets}: the Trainer's "on the X dataset" ("on the None dataset" gives nothing), "trained /
 * fine-tuned on [X](https://huggingface.co/datasets/X)", the dataset types of {@code model-index}, and
 * Hub dataset links in prose that speaks of training. Never an embedding, a local path or prose.
 */
public final class DatasetsExtractor implements MetadataExtractor {

    public static final String FIELD = "datasets";

    private static final Pattern TRAINED_ON_LINK = Pattern.compile(
            "(?:fine-?tuned|trained|pre-?trained)\\s+(?:\\w+\\s+){0,3}?(?:on|using|with)\\s+(?:the\\s+)?"
                    + "\\[([^\\]\\n]{1,200})\\]\\(\\s*(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s]+)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATASET_URL = Pattern.compile(
            "https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[\\w.-]+(?:/[\\w.-]+)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_THE_ID_DATASET = Pattern.compile(
            "\\bon the `?([A-Za-z0-9][\\w.-]*(?:/[\\w.-]+)?)`? (?:dataset|corpus|data set)\\b");
    /** AutoTrain names its repos {@code owner/autotrain-PROJECT-NUMBER} and the project's data {@code owner/autotrain-data-PROJECT}. */
    private static final Pattern AUTOTRAIN_ID = Pattern.compile("([^/]+)/autotrain-(.+)-\\d{6,}");
    private static final Pattern TRAINING_WORDS = Pattern.compile("\\b(?:train|trained|training|fine-?tun|dataset)",
            Pattern.CASE_INSENSITIVE);

    private final Pattern namedDataset;
    private final Map<String, String> namesToIds = new LinkedHashMap<>();
    private final List<Pattern> namePatterns = new ArrayList<>();

    public DatasetsExtractor() {
        StringBuilder names = new StringBuilder();
        for (String[] row : TsvResource.rows("datasets.tsv")) {
            namePatterns.add(Pattern.compile(row[0]));
            namesToIds.put(row[0], row[1]);
            names.append(names.isEmpty() ? "" : "|").append(row[0]);
        }
        namedDataset = Pattern.compile("(?:fine-?tuned|trained|pre-?trained|distilled)\\s+(?:\\w+\\s+){0,4}?(?:on|with|using)\\s+"
                + "(?:the\\s+)?(?:\\[)?`?(" + names + ")`?(?![\\w-])");
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        Map<String, Suggestion> out = new LinkedHashMap<>();
        TrainerResults.DatasetMention trainer = TrainerResults.dataset(text.body());
        if (trainer != null && !text.inCode(trainer.start())) {
            put(out, text.suggestion(FIELD, trainer.id(), trainer.start(), trainer.end(), 0.93, "trainer-on-dataset"));
        }
        Matcher autotrain = AUTOTRAIN_ID.matcher(card.id());
        if (autotrain.matches() && text.mentions("autotrain")) {
            String id = HubRefs.valid(autotrain.group(1) + "/autotrain-data-" + autotrain.group(2));
            if (id != null) {
                put(out, new Suggestion(FIELD, id, BodyText.metadata(card, "AutoTrain repo id: " + card.id()), 0.85,
                        "autotrain-project-data"));
            }
        }
        boolean trainerCard = trainer != null || card.metadata().tags().contains("generated_from_trainer");
        for (EvalResult r : trainerCard ? card.evalResults() : List.<EvalResult>of()) {
            String id = r.datasetType() == null ? null : HubRefs.valid(r.datasetType());
            if (id != null && isDataset(id)) {
                put(out, new Suggestion(FIELD, id, BodyText.metadata(card, "model-index dataset type: " + id),
                        0.9, "model-index-dataset"));
            }
        }
        Matcher named = namedDataset.matcher(text.body());
        while (named.find()) {
            String id = idOfName(named.group(1));
            if (id != null && !text.inCode(named.start())) {
                put(out, text.suggestion(FIELD, id, named.start(), named.end(), 0.82, "trained-on-named-dataset"));
            }
        }
        Matcher onThe = ON_THE_ID_DATASET.matcher(text.body());
        while (onThe.find()) {
            String raw = onThe.group(1);
            String id = HubRefs.valid(raw);
            if (id != null && isDataset(id) && (raw.contains("/") || raw.contains("_") || raw.contains("-"))
                    && !text.inCode(onThe.start())) {
                put(out, text.suggestion(FIELD, id, onThe.start(1), onThe.end(1), 0.8, "on-the-id-dataset"));
            }
        }
        Matcher m = TRAINED_ON_LINK.matcher(text.body());
        while (m.find()) {
            String id = HubRefs.datasetFromUrl(m.group(2));
            if (id != null && isDataset(id) && !text.inCode(m.start())) {
                put(out, text.suggestion(FIELD, id, m.start(), m.end(), 0.88, "trained-on-dataset-link"));
            }
        }
        Matcher url = DATASET_URL.matcher(text.body());
        while (url.find()) {
            String id = HubRefs.datasetFromUrl(url.group());
            boolean file = text.body().startsWith("/resolve/", url.end()) || text.body().startsWith("/blob/", url.end());
            if (id == null || file || !isDataset(id) || text.inCode(url.start())) {
                continue;
            }
            Suggestion s = text.suggestion(FIELD, id, url.start(), url.end(), 0.6, "dataset-link");
            if (TRAINING_WORDS.matcher(s.evidence().text()).find()) {
                put(out, s);
            }
        }
        return new ArrayList<>(out.values());
    }

    private String idOfName(String name) {
        for (Pattern p : namePatterns) {
            if (p.matcher(name).matches()) {
                return namesToIds.get(p.pattern());
            }
        }
        return null;
    }

    /** Not an embedding, a model-looking name or a placeholder. */
    private static boolean isDataset(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.startsWith("open-llm-leaderboard/") || lower.contains("/details_") || lower.endsWith("/logos")
                || lower.endsWith("-images") || lower.endsWith("/documentation-images")) {
            return false;
        }
        return !lower.contains("embedding") && !lower.equals("none") && !lower.equals("custom")
                && !lower.endsWith(".json") && !lower.endsWith(".csv") && !lower.endsWith(".txt")
                && !lower.endsWith(".jsonl") && !lower.endsWith(".parquet");
    }

    private static void put(Map<String, Suggestion> out, Suggestion s) {
        out.putIfAbsent(((String) s.value()).toLowerCase(Locale.ROOT), s);
    }
}
