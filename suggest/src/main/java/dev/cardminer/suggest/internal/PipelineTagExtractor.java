package dev.cardminer.suggest.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;
import dev.cardminer.suggest.TaskClassifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pipeline_tag}: the task of {@code model-index}, usage snippets ({@code AutoModelForTokenClassification},
 * {@code pipeline("summarization")}, {@code SentenceTransformer(}, diffusers pipelines, RL libraries) and
 * tags that name a task. One value, the best reading; only ids of the Hub's task list. When none of these
 * finds anything and a {@link TaskClassifier} is plugged in, its task is proposed if its score reaches the
 * minimum (method {@code classifier:<name>}, the score as confidence).
 */
public final class PipelineTagExtractor implements MetadataExtractor {

    public static final String FIELD = "pipeline_tag";

    private static final Pattern PIPELINE_CALL = Pattern.compile(
            "\\bpipeline\\(\\s*(?:task\\s*=\\s*)?[\"']([a-z0-9-]+)[\"']");
    /** "**task**: `token-classification`", "Task: text-classification": a line that names the task by its id. */
    private static final Pattern TASK_LINE = Pattern.compile(
            "^[ \\t>*_-]*+\\**(?:pipeline[ _]tag|task)\\**\\s*:\\s*\\**`?([a-z0-9]+(?:-[a-z0-9]+)+)`?\\**\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    private static final Pattern AUTO_CLASS = Pattern.compile(
            "\\b[A-Z]\\w*?For([A-Z]\\w+)\\b");
    private static final Map<String, String> PIPELINE_ALIASES = Map.of(
            "sentiment-analysis", "text-classification", "ner", "token-classification",
            "vqa", "visual-question-answering", "feature-extraction", "feature-extraction");
    private static final Map<String, String> HEADS = Map.ofEntries(
            Map.entry("SequenceClassification", "text-classification"),
            Map.entry("TokenClassification", "token-classification"),
            Map.entry("QuestionAnswering", "question-answering"),
            Map.entry("CausalLM", "text-generation"),
            Map.entry("MaskedLM", "fill-mask"),
            Map.entry("Seq2SeqLM", "text2text-generation"),
            Map.entry("ConditionalGeneration", "text2text-generation"),
            Map.entry("ImageClassification", "image-classification"),
            Map.entry("CTC", "automatic-speech-recognition"),
            Map.entry("SpeechSeq2Seq", "automatic-speech-recognition"),
            Map.entry("AudioClassification", "audio-classification"),
            Map.entry("ObjectDetection", "object-detection"),
            Map.entry("SemanticSegmentation", "image-segmentation"),
            Map.entry("ImageSegmentation", "image-segmentation"),
            Map.entry("MultipleChoice", "multiple-choice"),
            Map.entry("TableQuestionAnswering", "table-question-answering"),
            Map.entry("DepthEstimation", "depth-estimation"),
            Map.entry("ZeroShotImageClassification", "zero-shot-image-classification"),
            Map.entry("VideoClassification", "video-classification"),
            Map.entry("Vision2Seq", "image-to-text"),
            Map.entry("DocumentQuestionAnswering", "document-question-answering"),
            Map.entry("TextToSpectrogram", "text-to-speech"),
            Map.entry("TextToWaveform", "text-to-speech"));
    private static final List<Rule> SNIPPETS = List.of(
            new Rule(Pattern.compile("\\bSentenceTransformer\\s*\\("), "sentence-similarity", 0.85, "sentence-transformer-snippet"),
            new Rule(Pattern.compile("\\bStableDiffusion(?:XL)?Img2ImgPipeline\\b"), "image-to-image", 0.85, "diffusers-pipeline"),
            new Rule(Pattern.compile("\\b(?:StableDiffusion(?:XL)?Pipeline|DiffusionPipeline|AutoPipelineForText2Image)\\b"),
                    "text-to-image", 0.88, "diffusers-pipeline"),
            new Rule(Pattern.compile("\\b(?:stable[-_]baselines3|mlagents-learn|ml-agents|sample[-_]factory|load_from_hub\\(\\s*repo_id)",
                    Pattern.CASE_INSENSITIVE), "reinforcement-learning", 0.9, "rl-library"),
            new Rule(Pattern.compile("\\bfrom setfit\\b|\\bSetFitModel\\b"), "text-classification", 0.85, "setfit-snippet"));
    private static final Map<String, String> TAG_TASKS = Map.of(
            "stable-diffusion", "text-to-image", "text-to-image", "text-to-image",
            "sentence-transformers", "sentence-similarity", "reinforcement-learning", "reinforcement-learning",
            "deep-reinforcement-learning", "reinforcement-learning", "setfit", "text-classification");

    /**
     * Words of repo names that name a task (on the dev split of hub-2023, each was the Hub's task for at least 94%
     * of the repos whose name holds it): NER and POS taggers, SQuAD readers, GLUE classifiers, speech and image
     * model families whose task is one.
     */
    /** Words of a repo name that say the model classifies (keyword spotting, emotion, speaker, intent). */
    private static final Set<String> CLASSIFYING_WORDS = Set.of("keyword", "kws", "spotting", "emotion", "speaker",
            "spoof", "intent", "gender", "classification", "classifier", "cls");
    private static final Map<String, String> NAME_WORDS = Map.ofEntries(
            Map.entry("ner", "token-classification"), Map.entry("pos", "token-classification"),
            Map.entry("token", "token-classification"), Map.entry("conll2003", "token-classification"),
            Map.entry("wikiann", "token-classification"),
            Map.entry("squad", "question-answering"), Map.entry("squad2", "question-answering"),
            Map.entry("squadv2", "question-answering"),
            Map.entry("sst2", "text-classification"), Map.entry("cola", "text-classification"),
            Map.entry("mrpc", "text-classification"), Map.entry("qnli", "text-classification"),
            Map.entry("rte", "text-classification"), Map.entry("sst", "text-classification"),
            Map.entry("wav2vec2", "automatic-speech-recognition"), Map.entry("xlsr", "automatic-speech-recognition"),
            Map.entry("asr", "automatic-speech-recognition"), Map.entry("stt", "automatic-speech-recognition"),
            Map.entry("tts", "text-to-speech"), Map.entry("vits", "text-to-speech"),
            Map.entry("vit", "image-classification"), Map.entry("convnext", "image-classification"),
            Map.entry("beit", "image-classification"), Map.entry("swin", "image-classification"),
            Map.entry("mpnet", "sentence-similarity"), Map.entry("sbert", "sentence-similarity"),
            Map.entry("codegen", "text-generation"), Map.entry("detr", "object-detection"));

    private final Vocabularies vocabularies;
    private final TaskClassifier classifier;
    private final double minScore;

    public PipelineTagExtractor(Vocabularies vocabularies) {
        this(vocabularies, null, 1.0);
    }

    /** With a task classifier (may be null) consulted when the patterns find nothing. */
    public PipelineTagExtractor(Vocabularies vocabularies, TaskClassifier classifier, double minScore) {
        this.vocabularies = vocabularies;
        this.classifier = classifier;
        this.minScore = minScore;
    }

    private record Rule(Pattern pattern, String task, double confidence, String method) {
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        Map<String, Suggestion> found = new LinkedHashMap<>();
        for (EvalResult r : card.evalResults()) {
            if (r.taskType() != null && vocabularies.pipelineTags().contains(r.taskType())) {
                offer(found, new Suggestion(FIELD, r.taskType(),
                        BodyText.metadataKey(card, "model-index", "model-index task: " + r.taskType()), 0.92, "model-index-task"));
                break;
            }
        }
        Matcher call = PIPELINE_CALL.matcher(text.body());
        while (call.find()) {
            String task = PIPELINE_ALIASES.getOrDefault(call.group(1), call.group(1));
            if (vocabularies.pipelineTags().contains(task)) {
                offer(found, text.suggestion(FIELD, task, call.start(), call.end(), 0.9, "pipeline-call"));
                break;
            }
        }
        Matcher auto = AUTO_CLASS.matcher(text.body());
        while (auto.find()) {
            String task = HEADS.get(auto.group(1));
            if (task != null && vocabularies.pipelineTags().contains(task)) {
                double confidence = task.equals("text2text-generation") ? 0.6 : 0.85;
                offer(found, text.suggestion(FIELD, task, auto.start(), auto.end(), confidence, "auto-class"));
                break;
            }
        }
        for (Rule rule : SNIPPETS) {
            Matcher m = rule.pattern().matcher(text.body());
            if (m.find() && vocabularies.pipelineTags().contains(rule.task())) {
                offer(found, text.suggestion(FIELD, rule.task(), m.start(), m.end(), rule.confidence(), rule.method()));
            }
        }
        Matcher taskLine = TASK_LINE.matcher(text.body());
        while (taskLine.find()) {
            if (vocabularies.pipelineTags().contains(taskLine.group(1))) {
                offer(found, text.suggestion(FIELD, taskLine.group(1), taskLine.start(), taskLine.end(), 0.85, "task-line"));
                break;
            }
        }
        for (String tag : card.metadata().tags()) {
            String lower = tag.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            String task = vocabularies.pipelineTags().contains(lower) ? lower : TAG_TASKS.get(lower);
            // a task found as surely already keeps its evidence (offer keeps the first of equal confidence): finding the
            // tag's line again for each of many copies of a tag would read the YAML once per copy
            Suggestion known = task == null ? null : found.get(task);
            if (task != null && vocabularies.pipelineTags().contains(task) && (known == null || known.confidence() < 0.8)) {
                offer(found, new Suggestion(FIELD, task, BodyText.metadataItem(card, "tags", tag, "tags: " + tag), 0.8, "task-tag"));
            }
        }
        if (found.isEmpty()) {
            String name = card.id().substring(card.id().indexOf('/') + 1).toLowerCase(Locale.ROOT);
            List<String> words = List.of(name.split("[-_.]"));
            // "wav2vec2-base-ft-keyword-spotting": the name says the model classifies, whatever its backbone does
            boolean classifies = words.stream().anyMatch(CLASSIFYING_WORDS::contains);
            for (String word : words) {
                String task = NAME_WORDS.get(word);
                if (task != null && (classifies && !task.endsWith("classification")
                        || task.equals("automatic-speech-recognition") && classifierResults(text))) {
                    break;
                }
                if (task != null && vocabularies.pipelineTags().contains(task)) {
                    offer(found, new Suggestion(FIELD, task, BodyText.repoId("repo id: " + card.id()), 0.8, "task-word-in-id"));
                    break;
                }
            }
        }
        if (found.isEmpty() && classifier != null) {
            Optional<TaskClassifier.Guess> guess = classifier.classify(card);
            if (guess.isPresent() && guess.get().score() >= minScore && vocabularies.pipelineTags().contains(guess.get().task())) {
                TaskClassifier.Guess g = guess.get();
                String why = "classifier " + classifier.name() + ": " + g.task()
                        + String.format(Locale.ROOT, " %.2f", g.score()) + (g.evidence().isEmpty() ? "" : " (" + g.evidence() + ")");
                if (why.length() > 300) {
                    why = why.substring(0, 299) + "…";
                }
                return List.of(new Suggestion(FIELD, g.task(), BodyText.metadata(card, why), Math.min(1, g.score()),
                        "classifier:" + classifier.name()));
            }
        }
        List<Suggestion> all = new ArrayList<>(found.values());
        all.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
        return all.isEmpty() ? List.of() : List.of(all.get(0));
    }

    /**
     * Whether the Trainer's results block reports a classifier's scores (accuracy or F1) and no error rate: a
     * "wav2vec2-…-ks" or "xlsr-…-minds14" model classifies audio, whatever its backbone's name says (a "squad" model's
     * F1 is a reader's, so only the speech words give way).
     */
    private static boolean classifierResults(BodyText text) {
        if (!text.mentions("accuracy", "f1")) {
            return false;
        }
        boolean scores = false;
        for (TrainerResults.Item item : TrainerResults.items(text.body())) {
            String type = item.metricType();
            if ("wer".equals(type) || "cer".equals(type)) {
                return false;
            }
            scores |= "accuracy".equals(type) || "f1".equals(type);
        }
        return scores;
    }

    private static void offer(Map<String, Suggestion> found, Suggestion s) {
        found.merge((String) s.value(), s, (a, b) -> b.confidence() > a.confidence() ? b : a);
    }
}
