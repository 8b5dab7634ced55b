package dev.cardminer.suggest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cardminer.core.TextLines;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.facts.Architecture;
import dev.cardminer.suggest.Evidence;
import dev.cardminer.suggest.RepoFileProblem;
import dev.cardminer.suggest.RepoFiles;
import dev.cardminer.suggest.Suggestion;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * base_model, base_model_relation, library_name and pipeline_tag as a repo's files state them: PEFT's
 * adapter_config.json, mergekit's mergekit_config.yml, transformers' config.json, and the files that only a library
 * writes (model_index.json: diffusers; config_sentence_transformers.json, modules.json: sentence-transformers;
 * adapter_model.safetensors: PEFT). These files are what the weights were saved or merged with, so their values are
 * proposed above the card's text; every value passes the checks the text's rules pass (Hub id form, vocabulary ids).
 * Methods are named {@code repo-file:<file>}.
 */
public final class RepoFileRules {

    /** What the files say, field by field, and the files that could not be read. */
    public record Reading(Map<String, List<Suggestion>> byField, List<RepoFileProblem> problems) {
        public static final Reading NONE = new Reading(Map.of(), List.of());
    }

    static final String ADAPTER_CONFIG = "adapter_config.json";
    static final String CONFIG = "config.json";

    /** PEFT's task types whose Hub task is not in doubt. */
    private static final Map<String, String> PEFT_TASKS = Map.of("CAUSAL_LM", "text-generation",
            "SEQ_CLS", "text-classification", "TOKEN_CLS", "token-classification", "QUESTION_ANS", "question-answering");
    /**
     * transformers' head suffixes whose Hub task is the same for every model that has them. Not read:
     * ForConditionalGeneration and ForSeq2SeqLM (translation, summarization, ASR, image-to-text, ... by model).
     */
    private static final Map<String, String> HEADS = Map.ofEntries(
            Map.entry("ForCausalLM", "text-generation"), Map.entry("ForMaskedLM", "fill-mask"),
            Map.entry("ForTokenClassification", "token-classification"),
            Map.entry("ForSequenceClassification", "text-classification"),
            Map.entry("ForQuestionAnswering", "question-answering"), Map.entry("ForMultipleChoice", "multiple-choice"),
            Map.entry("ForImageClassification", "image-classification"), Map.entry("ForObjectDetection", "object-detection"),
            Map.entry("ForSemanticSegmentation", "image-segmentation"), Map.entry("ForCTC", "automatic-speech-recognition"),
            Map.entry("ForAudioClassification", "audio-classification"));
    /**
     * Model families whose ForSequenceClassification classifies audio and whose ForQuestionAnswering answers on
     * documents: for them these two heads say nothing sure.
     */
    private static final Pattern OTHER_MODALITY = Pattern.compile(
            "(?i)^(?:Wav2Vec2|Hubert|WavLM|Whisper|Data2VecAudio|UniSpeech|SEW|Audio|Clap|Speech|LayoutLM|Udop|Donut)");
    /** First folders of paths that are a training machine's, not the Hub's ({@code output/checkpoint-500}). */
    private static final Set<String> LOCAL_FOLDERS = Set.of("models", "model", "output", "outputs", "checkpoints",
            "checkpoint", "data", "tmp", "content", "workspace", "home", "mnt", "results", "runs", "save", "saved");
    private static final Pattern CHECKPOINT = Pattern.compile("(?i)checkpoint[-_]?\\d+");

    private final Vocabularies vocabularies;

    public RepoFileRules(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** What {@code files} say about the model {@code repoId}. */
    public Reading read(String repoId, RepoFiles files) {
        if (files.isEmpty()) {
            return Reading.NONE;
        }
        Map<String, List<Suggestion>> out = new LinkedHashMap<>();
        List<RepoFileProblem> problems = new ArrayList<>();
        files.unread().forEach((path, why) -> problems.add(new RepoFileProblem(path, 0, 0, "not read: " + why)));
        JsonFile adapter = json(files, ADAPTER_CONFIG, problems);
        JsonFile config = json(files, CONFIG, problems);

        if (adapter != null) {
            baseModelOfAdapter(repoId, files, adapter, out);
        }
        if (!out.containsKey("base_model")) {
            merge(repoId, files, problems, out);
        }
        library(files, adapter, config).ifPresent(s -> out.put("library_name", List.of(s)));
        Suggestion task = config == null ? null : headTask(files, config);
        if (task == null && adapter != null) {
            task = stringValue(files, ADAPTER_CONFIG, adapter, "task_type", 0.9)
                    .filter(s -> vocabularies.pipelineTags().contains(PEFT_TASKS.getOrDefault(s.value().toString(), "")))
                    .map(s -> retarget(s, "pipeline_tag", PEFT_TASKS.get(s.value().toString()))).orElse(null);
        }
        if (task != null) {
            out.put("pipeline_tag", List.of(task));
        }
        return new Reading(out, problems);
    }

    private void baseModelOfAdapter(String repoId, RepoFiles files, JsonFile adapter, Map<String, List<Suggestion>> out) {
        Optional<Suggestion> base = stringValue(files, ADAPTER_CONFIG, adapter, "base_model_name_or_path", 0.98);
        String id = base.map(s -> hubModel(s.value().toString(), repoId)).orElse(null);
        if (id != null) {
            out.put("base_model", List.of(retarget(base.get(), "base_model", id)));
            out.put("base_model_relation", List.of(retarget(base.get(), "base_model_relation", "adapter")));
        }
    }

    /** A mergekit configuration: every model it names, and merge; read as the card's code blocks are. */
    private void merge(String repoId, RepoFiles files, List<RepoFileProblem> problems, Map<String, List<Suggestion>> out) {
        for (String name : List.of("mergekit_config.yml", "mergekit_config.yaml")) {
            String text = files.texts().get(name);
            if (text == null || !yaml(name, text, problems)) {
                continue;
            }
            List<Suggestion> values = new ArrayList<>();
            for (BaseModelExtractor.MergeModel m : BaseModelExtractor.mergekitModels(text, repoId)) {
                values.add(at(name, text, m.start(), "base_model", m.id(), 0.95));
            }
            if (!values.isEmpty()) {
                out.put("base_model", values);
                out.put("base_model_relation", List.of(retarget(values.get(0), "base_model_relation", "merge")));
                return;
            }
        }
    }

    /** The most specific library the files name: PEFT, diffusers, sentence-transformers, transformers, GGUF. */
    private Optional<Suggestion> library(RepoFiles files, JsonFile adapter, JsonFile config) {
        List<Suggestion> found = new ArrayList<>();
        if (adapter != null) {
            stringValue(files, ADAPTER_CONFIG, adapter, "peft_type", 0.98).ifPresent(s -> found.add(retarget(s, "library_name", "peft")));
        }
        named(files, "adapter_model.safetensors", "peft", 0.95).ifPresent(found::add);
        named(files, "adapter_model.bin", "peft", 0.95).ifPresent(found::add);
        named(files, "model_index.json", "diffusers", 0.97).ifPresent(found::add);
        named(files, "config_sentence_transformers.json", "sentence-transformers", 0.97).ifPresent(found::add);
        named(files, "modules.json", "sentence-transformers", 0.95).ifPresent(found::add);
        if (config != null) {
            // transformers writes its version into every config.json it saves; timm's and others' configs lack it
            stringValue(files, CONFIG, config, "transformers_version", 0.95)
                    .ifPresent(s -> found.add(retarget(s, "library_name", "transformers")));
        }
        files.paths().stream().filter(p -> p.toLowerCase(Locale.ROOT).endsWith(".gguf")).findFirst()
                .ifPresent(p -> found.add(new Suggestion("library_name", "gguf", Evidence.inFile(p, p, 0, 0), 0.9, "repo-file:*.gguf")));
        return found.stream().filter(s -> vocabularies.libraries().contains(s.value().toString())).findFirst();
    }

    private static Optional<Suggestion> named(RepoFiles files, String path, String library, double confidence) {
        return files.has(path)
                ? Optional.of(new Suggestion("library_name", library, Evidence.inFile(path, path, 0, 0), confidence, method(path)))
                : Optional.empty();
    }

    /** The task of config.json's architectures when every one has a head of the same, sure task. */
    private Suggestion headTask(RepoFiles files, JsonFile config) {
        List<String> architectures = Architecture.fromConfig(config.root()).architectures();
        String task = null;
        for (String a : architectures) {
            String t = HEADS.entrySet().stream().filter(e -> a.endsWith(e.getKey()) && a.length() > e.getKey().length())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if ((a.endsWith("ForSequenceClassification") || a.endsWith("ForQuestionAnswering"))
                    && OTHER_MODALITY.matcher(a).find()) {
                t = null;
            }
            if (t == null || task != null && !task.equals(t)) {
                return null;
            }
            task = t;
        }
        if (task == null || !vocabularies.pipelineTags().contains(task)) {
            return null;
        }
        String text = files.texts().get(CONFIG);
        JsonFile.At at = config.item("architectures", 0);
        return new Suggestion("pipeline_tag", task, evidence(CONFIG, text, at), 0.95, method(CONFIG));
    }

    /** The top-level string {@code key} of a JSON file, as a suggestion of its own text (retarget it). */
    private static Optional<Suggestion> stringValue(RepoFiles files, String path, JsonFile file, String key, double confidence) {
        JsonNode v = file.root().get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Suggestion(key, v.asText().strip(), evidence(path, files.texts().get(path), file.value(key)),
                confidence, method(path)));
    }

    private static Suggestion retarget(Suggestion s, String field, String value) {
        return new Suggestion(field, value, s.evidence(), s.confidence(), s.method());
    }

    /**
     * A Hub model id, or null: a local path ({@code /content/llama}, {@code ./out}, {@code output/checkpoint-500}), a
     * word, or the repo itself names nothing on the Hub.
     */
    static String hubModel(String value, String self) {
        String v = value.strip();
        if (v.startsWith("/") || v.startsWith(".") || v.startsWith("~") || v.contains("\\") || v.contains(":")) {
            return null;
        }
        int slash = v.indexOf('/');
        if (slash > 0 && (LOCAL_FOLDERS.contains(v.substring(0, slash).toLowerCase(Locale.ROOT))
                || CHECKPOINT.matcher(v.substring(slash + 1)).matches())) {
            return null;
        }
        String id = HubRefs.valid(v);
        return id == null || id.equalsIgnoreCase(self) ? null : id;
    }

    private static JsonFile json(RepoFiles files, String path, List<RepoFileProblem> problems) {
        String text = files.texts().get(path);
        if (text == null) {
            return null;
        }
        try {
            return JsonFile.parse(text);
        } catch (JsonFile.Invalid e) {
            problems.add(new RepoFileProblem(path, e.line, e.column, e.getMessage()));
            return null;
        }
    }

    /** Whether {@code text} is YAML; if not, a problem at the place the reader stopped. */
    private static boolean yaml(String path, String text, List<RepoFileProblem> problems) {
        try {
            new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(d -> { });
            return true;
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(null);
            problems.add(new RepoFileProblem(path, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                    "not valid YAML: " + e.getProblem()));
        } catch (YamlEngineException e) {
            problems.add(new RepoFileProblem(path, 0, 0, "not valid YAML: " + e.getMessage()));
        }
        return false;
    }

    private static Suggestion at(String path, String text, int offset, String field, String value, double confidence) {
        TextLines lines = TextLines.of(text);
        return new Suggestion(field, value, evidence(path, text, new JsonFile.At(lines.line(offset), lines.column(offset))),
                confidence, method(path));
    }

    /** The file's line at {@code at}, as written (at most 300 characters); the file's name when {@code at} is unknown. */
    private static Evidence evidence(String path, String text, JsonFile.At at) {
        if (at == null || text == null) {
            return Evidence.inFile(path, path, 0, 0);
        }
        TextLines lines = TextLines.of(text);   // lines as Jackson and the parser count them: \n, \r\n, a lone \r
        String line = at.line() >= 1 && at.line() <= lines.lineCount()
                ? text.substring(lines.lineStart(at.line()), lines.lineEnd(at.line())).strip() : "";
        if (line.length() > 300) {
            line = line.substring(0, Character.isLowSurrogate(line.charAt(300)) ? 299 : 300) + "…";
        }
        return Evidence.inFile(path, line, at.line(), at.column());
    }

    private static String method(String path) {
        return "repo-file:" + path.substring(path.lastIndexOf('/') + 1);
    }
}
