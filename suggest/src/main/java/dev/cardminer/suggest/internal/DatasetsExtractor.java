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

    /**
     * "trained on [X](https://huggingface.co/datasets/X)", also "fine tuned on the [X](…) dataset", "on an [X](…)",
     * "fine-tuned version of [base](…) on [X](…)" and "trained from [base](…) on the [X](…)" (one link between).
     */
    private static final Pattern TRAINED_ON_LINK = Pattern.compile(
            "(?:fine[- ]?tuned|trained|pre-?trained)\\s+(?:\\w+\\s+){0,3}?(?:\\[[^\\]\\n]{1,200}\\]\\([^)\\s]{1,400}\\)\\s+)?"
                    + "(?:on|using|with|upon)\\s+(?:(?:the|an?)\\s+)?(?:[\\w'-]+\\s+){0,6}?"
                    + "\\[([^\\]\\n]{1,200})\\]\\(\\s*(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s]+)\\)",
            Pattern.CASE_INSENSITIVE);
    /** "Llama 2 13b fine tune using https://huggingface.co/datasets/org/x": a bare Hub dataset URL right after the verb. */
    private static final Pattern TRAINED_ON_URL = Pattern.compile(
            "(?:fine[- ]?tuned?|trained|pre-?trained)\\s+(?:\\w+\\s+){0,3}?(?:on|using|with)\\s+(?:the\\s+)?<?"
                    + "(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^\\s)>\"'`]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATASET_URL = Pattern.compile(
            "https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[\\w.-]+(?:/[\\w.-]+)?", Pattern.CASE_INSENSITIVE);
    /** A phrase that says what a model was trained on: "fine-tuned on", "trained with", "pre-trained using", "sampled from". */
    private static final Pattern TRAINING_PHRASE = Pattern.compile(
            "\\b(?:fine[- ]?tuned|trained|pre-?trained|finetuned)\\b(?:[^.\\n]|\\.(?=\\S)){0,160}?\\b(?:on|upon|using|with|from)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Where a sentence ends: a stop followed by a space or the line's end (not the dot of a host name). */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;](?=\\s|$)|\\n");
    /** Words after which a sentence speaks of other data than the training data. */
    private static final Pattern OTHER_DATA_WORDS = Pattern.compile(
            "\\b(?:evaluat\\w*|tested|test set|benchmark\\w*|compar\\w*|validat\\w*|unlike|instead of|except)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * Before a training verb, a clause about another model: "[SD v1-4](…), which is a latent diffusion model trained on
     * [LAION](…)", "the [OPT](…) model originally trained by Meta on The Pile", "By contrast, mBERT was trained on
     * Wikipedia": that model's data, not this one's ("it was originally pretrained on [X](…)" is this model's).
     */
    private static final Pattern ANOTHER_MODELS_CLAUSE = Pattern.compile(
            "\\b(?:which|(?:model|checkpoint)\\s+originally|by contrast|in contrast)\\b"
                    // "We used a model trained on [X](…) to score the outputs": a tool of the authors, not this model
                    + "|\\bused\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,2}?(?:model|classifier|detector)\\s+$",
            Pattern.CASE_INSENSITIVE);
    /**
     * In the training verb's own clause (after the last comma or semicolon), the models this one is compared with:
     * "We compare with models that were fine-tuned on the imdb dataset", "Unlike models which were trained on X".
     * Not "Compared to the base model, this model was fine-tuned on X" (the comparison is another clause).
     */
    private static final Pattern COMPARED_MODELS_CLAUSE = Pattern.compile(
            "\\b(?:compar(?:e|ed|es|ing)\\s+(?:it\\s+|this\\s+model\\s+)?(?:with|to|against)|unlike)\\s+"
                    + "(?:[\\w-]+\\s+){0,3}?models?\\b", Pattern.CASE_INSENSITIVE);
    /** A Hub dataset link or bare URL: group 1 the URL. */
    private static final Pattern DATASET_LINK_OR_URL = Pattern.compile(
            "(?:\\[[^\\]\\n]{1,200}\\]\\(\\s*)?<?(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s>\"'`]+)",
            Pattern.CASE_INSENSITIVE);
    /** What may stand between two links of one list: "[A](…), [B](…) and the [C](…)", "Adversarial-NLI ([D](…))". */
    // Atomic and possessive: a run of blanks can be split between the pieces in many ways, and the list pattern repeats
    // the gap, so a backtracking gap cost exponential time on blanks between links.
    private static final String LIST_GAP = "(?>[\\s,;&()]*+(?:(?:and|or|as well as|plus)\\b)?[\\s,]*+(?:the\\s++)?"
            + "(?:[\\w'.-]++\\s*+){0,2}+[\\s(]*+)";
    /** The same with up to three links elsewhere between: "[A](hub), [B](https://github.com/…), Adversarial-NLI ([C](hub))". */
    private static final Pattern LINK_LIST_GAP = Pattern.compile(
            LIST_GAP + "(?:\\[[^\\]\\n]{1,200}\\]\\([^)\\s]{1,400}\\)" + LIST_GAP + "){0,3}", Pattern.CASE_INSENSITIVE);
    /**
     * A line that introduces the data with a link: "Dataset is available [here](…/datasets/x)", "The dataset used is
     * the [X corpus](…)", "Pretraining Dataset: [C4](…)", "Training data: [x](…)".
     */
    private static final Pattern DATASET_INTRO_LINK = Pattern.compile(
            "^[ \\t]*(?:[-*][ \\t]+)?(?:\\*\\*)?(?:the[ \\t]+)?(?:(?:pre-?train(?:ing)?|train(?:ing)?|fine-?tuning)[ \\t]+)?"
                    + "(?:datasets?|data)(?:[ \\t]+used)?(?:[ \\t]+(?:is|was)(?:[ \\t]+available)?)?[ \\t]*+(?::[ \\t]*+(?:\\*\\*)?|\\*\\*:|(?<=[ \\t]))"
                    + "[ \\t]*+(?:(?:here|at|on|from|in|the)[ \\t]+){0,3}"
                    + "\\[[^\\]\\n]{1,200}\\]\\(\\s*(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s]+)\\)",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_THE_ID_DATASET = Pattern.compile(
            "\\bon the `?([A-Za-z0-9][\\w.-]*(?:/[\\w.-]+)?)`? (?:dataset|corpus|data set)\\b");
    /** AutoTrain names its repos {@code owner/autotrain-PROJECT-NUMBER} and the project's data {@code owner/autotrain-data-PROJECT}. */
    private static final Pattern AUTOTRAIN_ID = Pattern.compile("([^/]+)/autotrain-(.+)-\\d{6,}");
    /** AutoTrain's predecessor AutoNLP did the same: {@code owner/autonlp-PROJECT-NUMBER}, data {@code owner/autonlp-data-PROJECT}. */
    private static final Pattern AUTONLP_ID = Pattern.compile("([^/]+)/autonlp-(.+)-\\d{5,}");
    /** The XLSR fine-tuning week's template: "Fine-tuned [base](...) on Breton using the [Common Voice](.../datasets/common_voice)". */
    private static final Pattern FINETUNED_USING_LINK = Pattern.compile(
            "fine-?tuned\\s+\\[[^\\]\\n]{1,200}\\]\\([^)\\s]{1,400}\\)\\s+(?:(?:on|in)\\s+[\\w -]{1,40}?\\s+)?using\\s+(?:the\\s+)?"
                    + "\\[[^\\]\\n]{1,200}\\]\\(\\s*(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s]+)\\)",
            Pattern.CASE_INSENSITIVE);
    /** ESPnet's model cards: "This model was trained by someone using jsut/tts1 recipe in [espnet](...)"; its YAML lists the recipe. */
    private static final Pattern ESPNET_RECIPE = Pattern.compile(
            "trained by [^\\n]{1,80}? using (?:the )?(?:egs2?/)?([A-Za-z0-9][\\w.-]{0,60})(?:/\\w+)? recipe in \\[espnet\\]", Pattern.CASE_INSENSITIVE);
    /** Asteroid's model cards: "It was trained on the `sep_clean` task of the Libri2Mix dataset"; its YAML lists both. */
    private static final Pattern ASTEROID_TASK = Pattern.compile(
            "trained on the `([A-Za-z0-9][\\w-]{0,40})` task of the ([A-Za-z0-9][\\w-]{0,40})\\s+dataset");
    /** Universal Dependencies named: its site, its name, a treebank ("UD_Japanese-GSD"). */
    private static final Pattern UNIVERSAL_DEPENDENCIES = Pattern.compile(
            "universaldependencies\\.org|(?i:universal dependencies)|\\bUD_[A-Z][a-z]");
    /** A line about testing on it ("we tested ... on the UPOS benchmark of Universal Dependencies"), not training. */
    private static final Pattern TESTED = Pattern.compile("\\b(?:tested|evaluat\\w*)\\b", Pattern.CASE_INSENSITIVE);
    /** The tasks Universal Dependencies is the training data of. */
    private static final Pattern UD_TASK = Pattern.compile("dependency[- ]pars|pos[- ]tagg|\\bupos\\b|lemmati[sz]", Pattern.CASE_INSENSITIVE);
    /** ESPnet's task folders, which a recipe path may name without its corpus ("egs2/asr1"). */
    private static final Pattern ESPNET_TASK = Pattern.compile("(?:egs|asr|tts|enh|st|s2t|s2st|mt|diar|slu|lm|ssl|svs|uasr)\\d*",
            Pattern.CASE_INSENSITIVE);
    /** timm's and other templates' "- **Dataset:** ImageNet-1k", "- **Pretrain Dataset:** ImageNet-22k" lines: one name, nothing else. */
    private static final Pattern DATASET_LINE = Pattern.compile(
            "^[ \\t]*[-*][ \\t]+\\*\\*(?:Pre-?train(?:ing)? |Train(?:ing)? )?Datasets?(?::\\*\\*|\\*\\*:)[ \\t]*", Pattern.MULTILINE);
    /** "- **Data:** https://huggingface.co/datasets/org/x", "- **Training Dataset:** [X](https://huggingface.co/datasets/org/x)": one link, nothing else. */
    private static final Pattern DATA_LINE_LINK = Pattern.compile(
            "^[ \\t]*[-*][ \\t]+\\*\\*(?:Pre-?train(?:ing)? |Train(?:ing)? |Fine-?tuning )?Data(?:sets?)?(?::\\*\\*|\\*\\*:)[ \\t]*"
                    + "(?:\\[[^\\]\\n]{1,200}\\]\\(\\s*)?(https?://(?:www\\.)?(?:huggingface|hf)\\.co/datasets/[^)\\s]+)\\)?[ \\t]*\\r?$",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern DATASET_LINE_VALUE = Pattern.compile(
            "`?([A-Za-z0-9][\\w.-]{0,95}(?:/[A-Za-z0-9][\\w.-]{0,95})?)`?[ \\t]*\\r?$", Pattern.MULTILINE);
    /** The hyperparameter list of some training scripts' cards: "- dataset_name: org/name". */
    private static final Pattern DATASET_NAME_PARAMETER = Pattern.compile(
            "^[ \\t]*-[ \\t]+dataset_name:[ \\t]*([A-Za-z0-9][\\w.-]{0,95}(?:/[A-Za-z0-9][\\w.-]{0,95})?)[ \\t]*\\r?$", Pattern.MULTILINE);
    /**
     * optimum's benchmark cards list the run's dataset: "* **dataset**:" with "* **path**: `conll2003`" below it, or
     * "* **dataset**: [{'path': 'squad', ...}]".
     */
    private static final Pattern BENCHMARK_DATASET_PATH = Pattern.compile(
            "^[ \\t]*\\*[ \\t]+\\*\\*dataset\\*\\*:[ \\t]*(?:\\r?\\n[ \\t]+\\*[ \\t]+\\*\\*path\\*\\*:[ \\t]*`|\\[\\{'path':[ \\t]*')"
                    + "([A-Za-z0-9][\\w.-]{0,95}(?:/[A-Za-z0-9][\\w.-]{0,95})?)['`]", Pattern.MULTILINE);
    /**
     * AdapterHub's prediction-head adapters name their task in the repo, which their cards' headings quote: "# Adapter
     * `AdapterHub/roberta-base-pf-boolq` for roberta-base", also "# ONNX export of Adapter `…`" (the task is looked up in
     * adapterhub-datasets.tsv: "hotpotqa" is the Hub's {@code hotpot_qa}, "ud_pos" {@code universal_dependencies}).
     */
    private static final Pattern ADAPTERHUB_ADAPTER = Pattern.compile("Adapter `AdapterHub/[\\w.-]{1,100}?-pf-([a-z0-9_]{1,60})` for ");
    /**
     * BERT's card, which its family copies (ALBERT, DistilBERT): "pretrained on [BookCorpus](…), a dataset consisting of
     * 11,038 unpublished books and [English Wikipedia](…)": both are its YAML's datasets.
     */
    private static final Pattern BOOKCORPUS_AND_WIKIPEDIA = Pattern.compile("\\[BookCorpus\\]\\([^)\\s]{1,400}\\),?\\s++a\\s++dataset"
            + "\\s++consisting\\s++of\\s++[\\d,]{1,12}\\s++unpublished\\s++books\\s++and\\s++\\[English\\s++Wikipedia\\]\\(");
    /** A fine-tune's repo name: it copies its base's card, whose pre-training data is not its own. */
    private static final Pattern FINE_TUNE_NAME = Pattern.compile("fine-?tun|finetun|-ft\\b|squad|glue|sst|mnli|ner\\b", Pattern.CASE_INSENSITIVE);
    /** KoichiYasuoka's parsers are used through their own pipeline: {@code nlp=pipeline("universal-dependencies","…")}. */
    private static final Pattern UD_PIPELINE = Pattern.compile("pipeline\\(\\s*+[\"']universal-dependencies[\"']");
    /**
     * NeMo's "### Datasets" lists: "- Mozilla Common Voice 7.0 (Spanish) - 289 hours", also "- MozillaCommonVoice 7.0": a
     * versioned release is one of Mozilla's Hub datasets (a bare "Common Voice" is the legacy {@code common_voice} as often).
     */
    private static final Pattern MOZILLA_COMMON_VOICE_ITEM = Pattern.compile(
            "^[ \\t]*+[-*][ \\t]++(?:the[ \\t]++)?Mozilla[ \\t]?Common[ \\t]?Voice[ \\t]++v?(\\d{1,2})\\.(\\d)\\b",
            Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    /** A model trained on a deduplicated copy of its corpus names itself so (Pythia's "-deduped" models). */
    private static final Pattern DEDUPED_NAME = Pattern.compile("-deduped(?![a-z])", Pattern.CASE_INSENSITIVE);
    /** Headings of the sections that list what a model was trained on, and of those that list other data. */
    private static final Pattern HEADING = Pattern.compile("^[ \\t]{0,3}#{1,6}[ \\t]+([^\\n]*)$", Pattern.MULTILINE);
    private static final Pattern TRAINING_HEADING = Pattern.compile(
            "\\b(?:train\\w*|fine-?tun\\w*|pre-?train\\w*|datasets?|data|corpus|corpora)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_HEADING = Pattern.compile(
            "eval|bias|limitation|risk|performance|benchmark|result|test|usage|how to|citation", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_ITEM = Pattern.compile("[ \\t]*(?:[-*+]|\\d{1,3}[.)])[ \\t]+");
    /** A table row whose first dataset link is the link in question: "| [oasst1](https://huggingface.co/datasets/o/oasst1) | 10k |". */
    private static final Pattern TABLE_ROW = Pattern.compile("[ \\t]*\\|");
    /** A line that is one Markdown link and nothing else: what comes before the URL, and after it. */
    private static final Pattern LONE_LINK_START = Pattern.compile("[ \\t]*+\\[[^\\]\\n]{1,200}\\]\\(\\s*+");
    private static final Pattern LONE_LINK_END = Pattern.compile("[^)\\s]*\\)[ \\t.]*(?:\\r?\\n|$)");
    /** Placeholders and task names that cards write where a dataset id belongs. */
    private static final java.util.Set<String> NOT_DATASETS = java.util.Set.of("none", "custom", "ner", "pos", "translation",
            "summarization", "classification", "text-classification", "question-answering", "qa", "asr", "dataset", "data");
    /** Evaluation-only data: the XLS-R speech event's dev and eval sets, translation test sets, MTEB's tasks. */
    private static final List<String> EVALUATION_ONLY = List.of("speech-recognition-community-v2/", "flores", "facebook/flores",
            "tatoeba_mt", "helsinki-nlp/tatoeba_mt", "mteb/", "tico19");
    /**
     * Between two names of one list: ", ", " and ", ", and the ", also "the Japanese portion of": "trained on CC-100 and
     * the Japanese portion of OSCAR".
     */
    private static final Pattern NAME_LIST_GAP = Pattern.compile("(?:,[ \\t]*(?:and[ \\t]+)?|[ \\t]+and[ \\t]+|[ \\t]*&[ \\t]*)(?:the[ \\t]+)?"
            + "(?:\\w+[ \\t]+(?:portion|part|subset)[ \\t]+of[ \\t]+(?:the[ \\t]+)?)?");
    private static final Pattern TRAINING_WORDS = Pattern.compile("\\b(?:train|trained|training|fine-?tun|dataset)",
            Pattern.CASE_INSENSITIVE);

    private final Pattern namedDataset;
    /** A name of the list, matched where it starts: the further items of "trained on A, B and C". */
    private final Pattern nameAlone;
    private final Map<String, String> namesToIds = new LinkedHashMap<>();
    private final List<Pattern> namePatterns = new ArrayList<>();
    private final Map<String, String> adapterTasks = new java.util.HashMap<>();

    public DatasetsExtractor() {
        StringBuilder names = new StringBuilder();
        for (String[] row : TsvResource.rows("datasets.tsv")) {
            namePatterns.add(Pattern.compile(row[0]));
            namesToIds.put(row[0], row[1]);
            names.append(names.isEmpty() ? "" : "|").append(row[0]);
        }
        // "fine-tuned on SQuAD v2", "Fine Tuned on RACE", "fine-tuned the [base](…) model on the RACE dataset",
        // "fine-tuned from roberta-large on conll2003"; not "pre-trained on Japanese Wikipedia texts", which on dev
        // cards was mostly the pre-training of the model a tagger was derived from
        namedDataset = Pattern.compile("(?i:fine[- ]?tuned|trained|pre-?trained|distilled)\\s+(?:[\\w-]+\\s+){0,4}?"
                + "(?:\\[[^\\]\\n]{1,200}\\]\\([^)\\s]{1,400}\\)\\s+model\\s+)?(?:on|with|using)\\s+"
                // "on the non-shuffled variant of the oscar corpus", "on french part of XNLI"; not "not trained on any part of
                // Wikipedia", nor "an experimental version of SQuAD" (a translation)
                + "(?:(?:(?:the|an?)\\s+)?(?:(?!any\\b)[\\w-]+\\s+){0,2}?(?:variant|portion|part|subset|split)\\s+of\\s+)?"
                + "(?:the\\s+)?(?:\\[)?`?(" + names + ")`?(?![\\w-])");
        nameAlone = Pattern.compile("(?:" + names + ")(?![\\w-])");
        for (String[] row : TsvResource.rows("adapterhub-datasets.tsv")) {
            adapterTasks.put(row[0], row[1]);
        }
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
            // "on the CRAFT dataset": a single name with capitals is the script's local or Kaggle name (the Hub's legacy
            // datasets are lower case), which the Trainer writes into its YAML as well, but no dataset page to link
            String id = trainer.id();
            boolean localName = id.indexOf('/') < 0 && !id.equals(id.toLowerCase(Locale.ROOT));
            put(out, text.suggestion(FIELD, id, trainer.start(), trainer.end(), localName ? 0.75 : 0.93, "trainer-on-dataset"));
        }
        if (text.mentions(" datasets.")) {
            for (TrainerResults.DatasetMention each : TrainerResults.datasets(text.body())) {
                if (isDataset(each.id()) && !text.inCode(each.start())) {
                    put(out, text.suggestion(FIELD, each.id(), each.start(), each.end(), 0.93, "trainer-on-datasets"));
                }
            }
        }
        projectData(card, text, AUTOTRAIN_ID, "autotrain", "AutoTrain", out);
        projectData(card, text, AUTONLP_ID, "autonlp", "AutoNLP", out);
        String indexed = onlyModelIndexDataset(card);
        if (indexed != null) {
            put(out, new Suggestion(FIELD, indexed, BodyText.metadataKey(card, "model-index", "model-index dataset type: " + indexed),
                    0.85, "model-index-dataset"));
        }
        if (text.mentions("recipe in [espnet]")) {
            Matcher recipe = ESPNET_RECIPE.matcher(text.body());
            if (recipe.find() && !text.inCode(recipe.start())) {
                String id = HubRefs.valid(recipe.group(1));
                if (id != null && isDataset(id) && !ESPNET_TASK.matcher(id).matches()) {
                    put(out, text.suggestion(FIELD, id, recipe.start(1), recipe.end(1), 0.9, "espnet-recipe"));
                }
            }
        }
        if (text.mentions("universaldependencies.org", "universal dependencies", "ud_")) {
            Suggestion ud = universalDependencies(text);
            if (ud != null) {
                put(out, ud);
            }
        }
        if (text.mentions("` task of the")) {
            Matcher task = ASTEROID_TASK.matcher(text.body());
            while (task.find()) {
                for (int g = 2; g >= 1 && !text.inCode(task.start()); g--) {
                    String id = HubRefs.valid(task.group(g).toLowerCase(Locale.ROOT));
                    if (id != null && isDataset(id)) {
                        put(out, text.suggestion(FIELD, id, task.start(g), task.end(g), 0.88, "asteroid-task"));
                    }
                }
            }
        }
        if (text.mentions("dataset**", "dataset:**")) {
            datasetLines(text, out);
        }
        if (text.mentions("**dataset**:")) {
            each(text, BENCHMARK_DATASET_PATH, HubRefs::valid, 0.85, "benchmark-dataset-path", out);
        }
        if (text.mentions("dataset_name:")) {
            each(text, DATASET_NAME_PARAMETER, HubRefs::valid, 0.85, "dataset-name-parameter", out);
        }
        if (text.mentions("using")) {
            each(text, FINETUNED_USING_LINK, HubRefs::datasetFromUrl, 0.88, "finetuned-using-dataset-link", out);
        }
        if (text.mentions("adapterhub/")) {
            Matcher adapter = ADAPTERHUB_ADAPTER.matcher(text.body());
            if (adapter.find()) {
                String id = adapterTasks.get(adapter.group(1));
                if (id != null) {
                    put(out, text.suggestion(FIELD, id, adapter.start(1), adapter.end(1), 0.88, "adapterhub-task"));
                }
            }
        }
        if (text.mentions("unpublished books") && trainer == null && !FINE_TUNE_NAME.matcher(card.id()).find()) {
            Matcher bert = BOOKCORPUS_AND_WIKIPEDIA.matcher(text.body());
            if (bert.find() && !text.inCode(bert.start())) {
                put(out, text.suggestion(FIELD, "bookcorpus", bert.start(), bert.end(), 0.85, "bookcorpus-and-wikipedia"));
                put(out, text.suggestion(FIELD, "wikipedia", bert.start(), bert.end(), 0.85, "bookcorpus-and-wikipedia"));
            }
        }
        if (text.mentions("universal-dependencies")) {
            Matcher ud = UD_PIPELINE.matcher(text.body());
            if (ud.find()) {
                put(out, text.suggestion(FIELD, "universal_dependencies", ud.start(), ud.end(), 0.85, "universal-dependencies-pipeline"));
            }
        }
        if (text.mentions("commonvoice", "common voice")) {
            Matcher cv = MOZILLA_COMMON_VOICE_ITEM.matcher(text.body());
            TrainingLists sections = new TrainingLists(text);
            while (cv.find()) {
                if (!text.inCode(cv.start()) && sections.underTrainingHeading(cv.start())) {
                    String id = "mozilla-foundation/common_voice_" + cv.group(1) + "_" + cv.group(2);
                    put(out, text.suggestion(FIELD, id, cv.start(), cv.end(), 0.85, "mozilla-common-voice-item"));
                }
            }
        }
        Matcher named = namedDataset.matcher(text.body());
        while (named.find()) {
            String id = idOfName(named.group(1));
            if ("the_pile".equals(id) && DEDUPED_NAME.matcher(card.id()).find() && text.mentions("deduplicated")) {
                id = "EleutherAI/the_pile_deduplicated";   // Pythia's "-deduped" models: "trained on the Pile after the dataset has been globally deduplicated"
            }
            if (id != null && !text.inCode(named.start()) && !aboutAnotherModel(text, named.start())) {
                put(out, text.suggestion(FIELD, id, named.start(), named.end(), 0.82, "trained-on-named-dataset"));
                namedListItems(text, named.end(), out);
            }
        }
        Matcher onThe = ON_THE_ID_DATASET.matcher(text.body());
        TestingLines testing = new TestingLines(text);
        while (onThe.find()) {
            String raw = onThe.group(1);
            String id = HubRefs.valid(raw);
            // a gazetteer name ("the WikiText-103 corpus") is read by the named rule, as its Hub id; "Evaluation results
            // on the sts-test dataset:" names test data
            // a single name is a Hub dataset only as a legacy id, which is lower case ("the Kleister-NDA dataset" is none)
            if (id != null && isDataset(id) && (raw.contains("/") || (raw.contains("_") || raw.contains("-"))
                    && raw.equals(raw.toLowerCase(Locale.ROOT)))
                    && idOfName(raw) == null && !testing.before(onThe.start()) && !text.inCode(onThe.start())) {
                put(out, text.suggestion(FIELD, id, onThe.start(1), onThe.end(1), 0.8, "on-the-id-dataset"));
            }
        }
        each(text, TRAINED_ON_LINK, HubRefs::datasetFromUrl, 0.88, "trained-on-dataset-link", out);
        if (text.mentions("datasets/")) {
            each(text, TRAINED_ON_URL, HubRefs::datasetFromUrl, 0.88, "trained-on-dataset-link", out);
            each(text, DATA_LINE_LINK, HubRefs::datasetFromUrl, 0.88, "dataset-line", out);
            introLinks(text, out);
            trainingSentenceLinks(text, out);
        }
        Matcher url = DATASET_URL.matcher(text.body());
        TrainingLists lists = new TrainingLists(text);
        while (url.find()) {
            String id = HubRefs.datasetFromUrl(url.group());
            boolean file = text.body().startsWith("/resolve/", url.end()) || text.body().startsWith("/blob/", url.end());
            if (id == null || file || !isDataset(id) || text.inCode(url.start())) {
                continue;
            }
            if (lists.listedUnderTrainingHeading(url.start(), url.end())) {
                put(out, text.suggestion(FIELD, id, url.start(), url.end(), 0.85, "training-section-link"));
                continue;
            }
            Suggestion s = text.suggestion(FIELD, id, url.start(), url.end(), 0.6, "dataset-link");
            if (TRAINING_WORDS.matcher(s.evidence().text()).find()) {
                put(out, s);
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The data of an AutoTrain or AutoNLP project, named by the repo's id, on a card that names the tool. */
    private static void projectData(ModelCard card, BodyText text, Pattern repoId, String tool, String toolName,
                                    Map<String, Suggestion> out) {
        Matcher m = repoId.matcher(card.id());
        if (m.matches() && text.mentions(tool)) {
            String id = HubRefs.valid(m.group(1) + "/" + tool + "-data-" + m.group(2));
            if (id != null) {
                put(out, new Suggestion(FIELD, id, BodyText.repoId(toolName + " repo id: " + card.id()), 0.85,
                        "autotrain-project-data"));
            }
        }
    }

    /** "Dataset is available [here](…)": unless the rest of the line turns to other data ("… was used for evaluation"). */
    private static void introLinks(BodyText text, Map<String, Suggestion> out) {
        String body = text.body();
        Matcher m = DATASET_INTRO_LINK.matcher(body);
        while (m.find()) {
            int lineEnd = body.indexOf('\n', m.end());
            if (OTHER_DATA_WORDS.matcher(body).region(m.end(), lineEnd < 0 ? body.length() : lineEnd).find()) {
                continue;
            }
            String id = HubRefs.datasetFromUrl(m.group(1));
            if (id != null && isDataset(id) && !text.inCode(m.start())) {
                put(out, text.suggestion(FIELD, id, m.start(), m.end(), 0.85, "dataset-intro-link"));
            }
        }
    }

    /**
     * Every Hub dataset link of a sentence that says what the model was trained on, after that phrase and before any word
     * that turns to other data ("fine-tuned on [A](…), [B](…) and [C](…)", "fine-tuned on a set of posts sampled from
     * [X](…)", "trained with the x-dataset (https://huggingface.co/datasets/org/x)"; not "… and evaluated on [Y](…)").
     */
    private static void trainingSentenceLinks(BodyText text, Map<String, Suggestion> out) {
        String body = text.body();
        Matcher phrase = TRAINING_PHRASE.matcher(body);
        int from = 0;
        while (from < body.length() && phrase.find(from)) {
            Matcher end = SENTENCE_END.matcher(body);
            int sentenceEnd = end.find(phrase.end()) ? end.start() : body.length();
            from = Math.max(phrase.end(), sentenceEnd);
            if (text.inCode(phrase.start()) || aboutAnotherModel(text, phrase.start())) {
                continue;
            }
            Matcher other = OTHER_DATA_WORDS.matcher(body).region(phrase.start(), sentenceEnd);
            int stop = other.find() ? other.start() : sentenceEnd;
            if (stop < phrase.end()) {
                continue;   // "trained and evaluated on [X](…)": not only training data
            }
            Matcher link = DATASET_LINK_OR_URL.matcher(body).region(phrase.end(), stop);
            int previousEnd = -1;
            while (link.find()) {
                if (previousEnd >= 0 && !LINK_LIST_GAP.matcher(body).region(previousEnd, link.start()).matches()) {
                    break;   // "… [X](…), a dataset mined from the existing [Y](…)": Y is where X came from
                }
                previousEnd = link.end() + (body.startsWith(")", link.end()) ? 1 : 0);
                String id = HubRefs.datasetFromUrl(link.group(1));
                boolean file = body.startsWith("/resolve/", link.end(1)) || body.startsWith("/blob/", link.end(1));
                if (id != null && !file && isDataset(id)) {
                    put(out, text.suggestion(FIELD, id, link.start(), link.end(), 0.85, "training-sentence-link"));
                }
            }
        }
    }

    /**
     * What the link rule asks of the lines and sections of one card, for each of its Hub dataset links in the order of
     * the body: each line's shape, each list's introduction and the headings are read once, not once per link (a long
     * list, a long line of links, many headings: each was quadratic).
     */
    private static final class TrainingLists {
        private final BodyText text;
        private final String body;
        private final Map<Integer, String> intros = new java.util.HashMap<>();
        private int scanned;           // the body before this holds no newline after lastNewline
        private int lastNewline = -1;
        private int line = -1;         // the line (its start) of the facts below
        private int loneLinkUrl;       // where the URL of a line that is one link starts, else -1
        private boolean listItem;
        private boolean tableRow;
        private int firstDatasetPath;  // the line's first "/datasets/" (from its start), or -1
        private int[] headings;        // starts of the headings outside code, and whether each is about training data
        private boolean[] training;

        TrainingLists(BodyText text) {
            this.text = text;
            this.body = text.body();
        }

        /**
         * Whether the link at {@code offset} is the first dataset link of a list item or table row in a section about
         * training data ("## Training data", "### Datasets"), not one about evaluation, bias or usage, or of a list that
         * a line about training introduces ("It was pretrained on these datasets:"). Asked in increasing offsets.
         */
        boolean listedUnderTrainingHeading(int offset, int end) {
            int lineStart = lineStart(offset);
            if (lineStart != line) {
                readLine(lineStart);
            }
            if (loneLinkUrl == offset && LONE_LINK_END.matcher(body).region(end, body.length()).lookingAt()) {
                return underTrainingHeading(lineStart);   // "## Training data\n\n[x](…/datasets/org/x)": the section is the link
            }
            if (!(listItem || tableRow) || firstDatasetPath >= 0 && firstDatasetPath + "/datasets/".length() <= offset) {
                return false;
            }
            if (introducesTrainingData(listIntro(lineStart))) {
                return true;
            }
            return underTrainingHeading(lineStart);
        }

        /** {@code body.lastIndexOf('\n', offset - 1) + 1}, for increasing offsets in time linear in the body. */
        private int lineStart(int offset) {
            if (offset < scanned) {
                return body.lastIndexOf('\n', offset - 1) + 1;
            }
            for (int i = scanned; i < offset; i++) {
                if (body.charAt(i) == '\n') {
                    lastNewline = i;
                }
            }
            scanned = offset;
            return lastNewline + 1;
        }

        /**
         * A line's shape, as the link patterns read it from the line's start to a link's URL: a link's URL can stand
         * neither in a list item's bullet nor in the blanks and brackets before a lone link's URL, so what they match up
         * to any link of the line is what they match on the line.
         */
        private void readLine(int lineStart) {
            line = lineStart;
            Matcher lone = LONE_LINK_START.matcher(body).region(lineStart, body.length());
            loneLinkUrl = lone.lookingAt() ? lone.end() : -1;
            listItem = LIST_ITEM.matcher(body).region(lineStart, body.length()).lookingAt();
            tableRow = TABLE_ROW.matcher(body).region(lineStart, body.length()).lookingAt();
            firstDatasetPath = body.indexOf("/datasets/", lineStart);
        }

        /** Whether the last heading above {@code lineStart} is about training data, not evaluation, bias or usage. */
        private boolean underTrainingHeading(int lineStart) {
            if (headings == null) {
                List<Integer> starts = new ArrayList<>();
                List<Boolean> about = new ArrayList<>();
                Matcher h = HEADING.matcher(body);
                while (h.find()) {
                    if (!text.inCode(h.start())) {
                        starts.add(h.start());
                        String heading = h.group(1);
                        about.add(TRAINING_HEADING.matcher(heading).find() && !OTHER_HEADING.matcher(heading).find());
                    }
                }
                headings = starts.stream().mapToInt(Integer::intValue).toArray();
                training = new boolean[about.size()];
                for (int i = 0; i < training.length; i++) {
                    training[i] = about.get(i);
                }
            }
            // a heading is one line, so those before the line's start are those of the text before it
            int at = java.util.Arrays.binarySearch(headings, lineStart);
            int last = (at >= 0 ? at : -at - 1) - 1;
            return last >= 0 && training[last];
        }

        /**
         * The line a list is introduced by: the first line above {@code lineStart} that is neither blank nor a list item.
         * Every blank or item line passed on the way up has the same introduction, kept so that no line is read twice.
         */
        private String listIntro(int lineStart) {
            List<Integer> passed = new ArrayList<>();
            String intro = "";
            int end = lineStart - 1;
            while (end > 0) {
                int start = body.lastIndexOf('\n', end - 1) + 1;
                String line = body.substring(start, end);
                if (!line.isBlank() && !LIST_ITEM.matcher(line).lookingAt()) {
                    intro = line.strip();
                    break;
                }
                String known = intros.get(start);   // the introduction of the lines above this one
                if (known != null) {
                    intro = known;
                    break;
                }
                passed.add(start);
                end = start - 1;
            }
            for (int start : passed) {
                intros.put(start, intro);
            }
            return intro;
        }
    }

    /** "This model was pretrained on the combination of six datasets:", not a heading and not about evaluation. */
    private static boolean introducesTrainingData(String line) {
        return line.endsWith(":") && !line.startsWith("#") && TRAINING_WORDS.matcher(line).find()
                && !OTHER_HEADING.matcher(line).find();
    }

    /** Every match of {@code pattern} outside code whose last group reads as a dataset id. */
    private static void each(BodyText text, Pattern pattern, java.util.function.UnaryOperator<String> toId, double confidence,
                             String method, Map<String, Suggestion> out) {
        Matcher m = pattern.matcher(text.body());
        while (m.find()) {
            String id = toId.apply(m.group(m.groupCount()));
            if (id != null && isDataset(id) && !text.inCode(m.start()) && !aboutAnotherModel(text, m.start())) {
                put(out, text.suggestion(FIELD, id, m.start(), m.end(), confidence, method));
            }
        }
    }

    /**
     * The dataset type of a card's model-index when it names one dataset only (several are evaluation sets as
     * often as not; one is the training set's test split in most cards: 174 right of 200 on the dev split), and
     * not evaluation-only data; null otherwise.
     */
    private static String onlyModelIndexDataset(ModelCard card) {
        // sentence-transformers writes a Hub dataset as its id and any other evaluation data under its evaluator's
        // name ("eval_finetune_embed"): on its cards a single name is no Hub dataset, and says the results are not
        // about one Hub dataset
        boolean evaluatorNames = card.metadata().libraryName().map("sentence-transformers"::equalsIgnoreCase).orElse(false)
                || card.metadata().tags().stream().anyMatch("sentence-transformers"::equalsIgnoreCase);
        String only = null;
        for (EvalResult r : card.evalResults()) {
            if ("reinforcement-learning".equalsIgnoreCase(r.taskType())) {
                return null;   // its "dataset" is the agent's environment (LunarLander-v2), not a Hub dataset
            }
            String id = r.datasetType() == null ? null : HubRefs.valid(r.datasetType());
            String lower = id == null ? "" : id.toLowerCase(Locale.ROOT);
            if (evaluatorNames && id != null && id.indexOf('/') < 0) {
                return null;   // evaluation data of its own: the card's results are not about one Hub dataset
            }
            if (id == null || !isDataset(id) || EVALUATION_ONLY.stream().anyMatch(lower::startsWith)) {
                continue;
            }
            if (only != null && !only.equalsIgnoreCase(id)) {
                return null;
            }
            only = id;
        }
        return only;
    }

    /**
     * A tagger or parser whose card names Universal Dependencies (its site, its name or a treebank) is trained on it:
     * 47 of 52 such dev cards list {@code universal_dependencies}; the others list their own treebanks.
     */
    private static Suggestion universalDependencies(BodyText text) {
        if (!UD_TASK.matcher(text.body()).find()) {
            return null;
        }
        Matcher m = UNIVERSAL_DEPENDENCIES.matcher(text.body());
        // "We tested it on UPOS, XPOS and NER. For UPOS we used the data of Universal Dependencies": the line, not only
        // the sentence, says it is about testing
        TestingLines testing = new TestingLines(text);
        while (m.find()) {
            Suggestion s = text.suggestion(FIELD, "universal_dependencies", m.start(), m.end(), 0.82, "universal-dependencies");
            if (!text.inCode(m.start()) && !TESTED.matcher(s.evidence().text()).find() && !testing.before(m.start())) {
                return s;
            }
        }
        return null;
    }

    /** "- **Dataset:** ImageNet-1k": a line whose whole value is one dataset name (single names lower-cased, as the Hub's canonical ids). */
    private static void datasetLines(BodyText text, Map<String, Suggestion> out) {
        Matcher line = DATASET_LINE.matcher(text.body());
        while (line.find()) {
            Matcher value = DATASET_LINE_VALUE.matcher(text.body());
            int lineEnd = text.body().indexOf('\n', line.end());
            value.region(line.end(), lineEnd < 0 ? text.body().length() : lineEnd);
            if (!value.lookingAt() || text.inCode(line.start())) {
                continue;
            }
            String raw = value.group(1);
            String id = HubRefs.valid(raw.indexOf('/') < 0 ? raw.toLowerCase(Locale.ROOT) : raw);
            if (id != null && isDataset(id)) {
                put(out, text.suggestion(FIELD, id, value.start(1), value.end(1), 0.88, "dataset-line"));
            }
        }
    }

    /**
     * The names that follow the first one in one list ("Trained on mTEDx, CoVoST 2, Europarl-ST and VoxPopuli"), up to the
     * first item that is not a known name: after it the sentence may speak of other data ("and evaluated on X").
     */
    private void namedListItems(BodyText text, int from, Map<String, Suggestion> out) {
        String body = text.body();
        int lineEnd = body.indexOf('\n', from);
        int end = lineEnd < 0 ? body.length() : lineEnd;
        Matcher gap = NAME_LIST_GAP.matcher(body);
        Matcher name = nameAlone.matcher(body);
        int pos = from;
        while (pos < end && gap.region(pos, end).lookingAt() && name.region(gap.end(), end).lookingAt()) {
            String id = idOfName(name.group());
            if (id == null) {
                return;
            }
            put(out, text.suggestion(FIELD, id, name.start(), name.end(), 0.82, "trained-on-named-dataset"));
            pos = name.end();
        }
    }

    /** Whether the line before {@code offset} speaks of testing or evaluation. */
    /**
     * Whether a line speaks of testing before an offset in it ("Evaluation results on the sts-test dataset:"), asked
     * for offsets in increasing order: each line is searched once, so a long line of many matches costs no more.
     */
    private static final class TestingLines {
        private final BodyText text;
        private int line = -1;
        private int firstEnd = -1;

        TestingLines(BodyText text) {
            this.text = text;
        }

        boolean before(int offset) {
            int l = text.line(offset);
            if (l != line) {
                line = l;
                Matcher m = TESTED.matcher(text.body()).region(text.lineStart(l), text.lineEnd(l));
                firstEnd = m.find() ? m.end() : -1;
            }
            return firstEnd >= 0 && firstEnd <= offset;
        }
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
        return !lower.contains("embedding") && !NOT_DATASETS.contains(lower)
                && !lower.endsWith(".json") && !lower.endsWith(".csv") && !lower.endsWith(".txt")
                && !lower.endsWith(".jsonl") && !lower.endsWith(".parquet");
    }

    /** Whether the sentence up to a training verb at {@code offset} speaks of another model (its relative clause). */
    private static boolean aboutAnotherModel(BodyText text, int offset) {
        String clause = BodyText.clauseBefore(text.body(), offset);
        if (ANOTHER_MODELS_CLAUSE.matcher(clause).find()) {
            return true;
        }
        int cut = Math.max(clause.lastIndexOf(','), clause.lastIndexOf(';'));
        return COMPARED_MODELS_CLAUSE.matcher(clause.substring(cut + 1)).find();
    }

    private static void put(Map<String, Suggestion> out, Suggestion s) {
        out.putIfAbsent(((String) s.value()).toLowerCase(Locale.ROOT), s);
    }
}
