package dev.cardminer.suggest.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.Evidence;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code language}: language names where they say what the model handles ("for Persian", "German BERT",
 * "trained on Finnish", "English-to-German"), the language pair of an {@code opus-mt-xx-yy} id, and the
 * language config of a Common Voice or similar dataset in {@code model-index}. Codes as the Hub takes them
 * (ISO 639-1 where there is one); only codes of the ISO 639 list.
 */
public final class LanguageExtractor implements MetadataExtractor {

    public static final String FIELD = "language";

    private static final String MODEL_WORDS = "(?:BERT|RoBERTa|GPT-?\\d?|T5|mT5|BART|ELECTRA|DistilBERT|ALBERT|XLNet|Wav2Vec2|wav2vec2|"
            + "Whisper|LLaMA|Llama|Mistral|language model|LM|ASR|speech recognition|speech|text|texts|tweets|news|corpus|"
            + "Wikipedia|sentiment|NER|question answering|summari[sz]ation|transcription|tokenizer|version|model|data|dataset)";
    private static final Pattern ENGLISH_BASE = Pattern.compile(
            "fine-?tuned version of \\[(?:[\\w.-]+/)?((?:distil)?(?:bert|roberta|gpt2|albert|electra|deberta(?:-v3)?|xlnet|bart|longformer|mpnet|"
                    + "bigbird-roberta|funnel-transformer|pegasus|wav2vec2-base-960h|wav2vec2-large-960h(?:-lv60(?:-self)?)?|hubert-large-ls960-ft)"
                    + "(?:-(?:base|large|small|medium|xl|tiny|mini|cased|uncased|v\\d|\\d+))*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPUS = Pattern.compile("opus-mt-(?:tc-(?:big|base)-)?([a-z]{2,3})-([a-z]{2,3})$");

    /** The Tatoeba-Challenge template's system info line: {@code - languages: ['ms', 'fr']}. */
    private static final Pattern LANGUAGES_LIST = Pattern.compile("^[ \\t*-]*languages:\\s*\\[([^\\]\\n]{1,3000})\\]", Pattern.MULTILINE);
    /** "17 African languages (Afrikaans, Amharic, ...)", "The languages in the data are: ['ar', 'bn']": a list of two or more. */
    private static final Pattern LANGUAGE_ENUMERATION = Pattern.compile(
            "\\blanguages(?:[ \\t]+(?:in[ \\t]+the[ \\t]+\\w+[ \\t]+)?(?:are|include|including))?[ \\t]*[:(](?:[ \\t]*+|[ \\t]*(?=[ \\t]{1,3}+(?![ \\t])))\\[?([^\\n()\\[\\]]{3,1500}?)(?:[)\\]]|\\.(?:\\s|$)|\\n)");
    /** Translation cards' "Source Language(s): deu fra_Latn" and "Target Language(s): eng" lines (ISO 639-3 codes). */
    private static final Pattern TRANSLATION_LINE = Pattern.compile(
            "^[ \\t*-]*+\\**(?:[Ss]ource|[Tt]arget) [Ll]anguage\\(s\\):\\**[ \\t]*([^\\n]{1,3000})", Pattern.MULTILINE);
    private static final Pattern CODE_TOKEN = Pattern.compile("([a-z]{2,3})(?:_[A-Z][a-z]{3})?");
    private static final Pattern QUOTED_CODE = Pattern.compile("'([a-z]{2,3})'");
    /**
     * A line that says the card's languages: "- **Language(s) (NLP):** en", "Language: German", "Handled languages: en,
     * fr, es and ja", "Supported languages: Assamese, Bengali, and Telugu". Not "Language model: ...", not the
     * source/target lines of translation cards (ISO 639-3 codes: {@link #TRANSLATION_LINE} reads them, normalised).
     */
    private static final Pattern LANGUAGE_LINE = Pattern.compile(
            "^[ \\t>*_-]*+(?:<li>\\s*)?\\**((?:[A-Za-z]+[ \\t]){0,2}?)[Ll]anguages?(?:\\(s\\))?(?:[ \\t]*\\(NLP\\))?\\**[ \\t]*:[ \\t]*\\**[ \\t]*([^\\n]{1,400})",
            Pattern.MULTILINE);
    private static final Pattern LINE_LABEL_OK = Pattern.compile("(?i)(?:(?:supported|handled|covered|main|primary|model|input)\\s+)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*(?:,|;|/|\\band\\b|&)\\s*");
    /** A language badge: shields.io escapes a dash as two, {@code Language-en--US}. */
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]");
    /** Headings of sections about the authors, not the model. */
    private static final Pattern ASIDE_HEADING = Pattern.compile(
            "(?im)^#{1,6}[ \\t]++[^\\w\\n]{0,3}+[ \\t]*+(?:about(?:\\s+(?:us|the\\s+authors?|the\\s+team|me))|authors?\\b|citation|cite\\b|bibtex"
                    + "|acknowledge?ments?|contact|the\\s+team|team\\b|who\\s+we\\s+are|funding)");
    /** A translation dataset's config that is its language pair: "ro-en", "en-de". */
    private static final Pattern LANGUAGE_PAIR_CONFIG = Pattern.compile("([a-z]{2,3})-([a-z]{2,3})");
    private static final Pattern TRANSLATION_DATASET = Pattern.compile(
            "(?i)wmt|iwslt|opus|europarl|kde4|tatoeba|ted_(?:talks|hrlr|multi)|news_commentary|un_pc|un_multi|flores|ccmatrix|bible_para");
    /** The speech scripts' Trainer sentence "on the MOZILLA-FOUNDATION/COMMON_VOICE_8_0 - NL dataset": a corpus of many languages and its config. */
    private static final Pattern SPEECH_DATASET_CONFIG = Pattern.compile(
            "(?i)\\bon the (?:[\\w.-]+/)?(?:common_voice|fleurs|voxpopuli|multilingual_librispeech)[\\w.]* - ([a-z]{2,3}(?:-[a-z]{2,4})?) dataset\\b");
    /** "config: hi, split: test" in a model-index {@code args}. */
    private static final Pattern CONFIG_IN_ARGS = Pattern.compile("\\bconfig:\\s*([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\\b");
    private static final Pattern LANGUAGE_BADGE = Pattern.compile("img\\.shields\\.io/badge/[Ll]anguage-([a-z]{2,3})(?:--[A-Za-z]{2,4})?-");

    /**
     * A sentence about languages that only the (pre-)training data had besides the model's own: "Pre-training data
     * additionally included the following 13 languages: ...", "The model was also trained on data in Polish".
     */
    private static final Pattern ADDITIONALLY = Pattern.compile("(?i)\\b(?:additionally|also|in addition|besides|as well)\\b");
    private static final Pattern TRAINING_DATA = Pattern.compile("(?i)\\b(?:pre-?train\\w*|train(?:ed|ing)|data|dataset|corpus|corpora)\\b");
    private static final java.util.Set<String> SENTENCE_RULES = java.util.Set.of("languages-enumeration", "language-line",
            "for-language", "language-model-name", "language-pair");
    /** A gloss: "(Treasure in Italian)", "means 'star' in Persian", "the word for cat in Welsh": the name's language, not the model's. */
    private static final Pattern GLOSS = Pattern.compile("(?i)(?:\\(\\s*[\\w'\".-]{1,20}(?:\\s+[\\w'\".-]{1,20})?\\s+|\\bmeans?\\b[^.\\n]{0,40}\\b"
            + "|\\bmeaning\\b[^.\\n]{0,40}\\b|\\bword for\\b[^.\\n]{0,40}\\b|\\bstands? for\\b[^.\\n]{0,40}\\b)in\\s+$");
    /**
     * Table rows and chat transcripts ("| How do you say it in French? | ...", ">USER: describe Chinese cuisine"): the
     * examples and comparisons of a card, not what it says of its model (no such line counted on the dev split).
     */
    private static final Pattern EXAMPLE_LINE = Pattern.compile(
            "^\\s*+(?:\\||>?\\s*+(?:USER|User|ASSISTANT|Assistant|Human|HUMAN|GPT|Bot|Question|Prompt|Input|Output)\\s*+:|<\\|(?:user|assistant)\\|>|###\\s*+(?:Instruction|Input|Response))");
    private static final Pattern BEFORE = Pattern.compile("\\b(?:for|in|on|to|into|from|of)\\s+(?:the\\s+)?$");
    private static final Pattern AFTER_MODEL = Pattern.compile("^[ -]" + MODEL_WORDS + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER_PAIR = Pattern.compile("^[ -](?:to|→|->)[ -]");
    /** "English version is [here](README_en.md)", "English version: README_en.md": the card in another language. */
    private static final Pattern CARD_TRANSLATION = Pattern.compile(
            "^[ -]version\\b[^\\n]{0,25}?(?:\\]\\(|\\bhere\\b|readme|\\.md\\b)", Pattern.CASE_INSENSITIVE);

    /**
     * Two-letter tokens of repo names that are ISO 639-1 codes but, on the dev split, more often mean something
     * else (mt: machine translation, lm, qa, ft, tf, sd, ml, bn: batch norm, yi: the Yi models, ...) or were right
     * less than 80% of the time (no, hi, nb, sv); sh (Serbo-Croatian, withdrawn from ISO 639-1) is a variant suffix
     * ("t5-efficient-base-sh": shared heads), si a metric ("valid.si_snr.ave").
     */
    private static final java.util.Set<String> AMBIGUOUS_CODES = java.util.Set.of("mt", "no", "br", "sa", "sm", "lg", "sd",
            "md", "to", "tf", "qa", "ft", "sp", "ml", "lm", "tc", "pf", "ud", "ai", "am", "an", "as", "my", "or", "so",
            "cv", "go", "do", "me", "ha", "la", "ne", "pa", "st", "tn", "ts", "ti", "tt", "ln", "gd", "ku", "bn", "nb",
            "sv", "hi", "ig", "ii", "io", "ia", "ie", "ak", "av", "ce", "ch", "co", "cr", "cu", "ee", "ff", "fj", "gn",
            "gv", "ho", "ht", "hz", "ik", "iu", "kg", "ki", "kj", "kl", "kr", "kv", "kw", "li", "lu", "mh", "mi", "na",
            "nd", "ng", "nr", "nv", "ny", "oj", "om", "os", "pi", "qu", "rm", "rn", "sc", "se", "sg", "sn", "ss", "su",
            "tw", "ty", "ve", "vo", "wa", "za", "yi", "sh", "si");
    /** Names of speech models, where a language code is the model's language: "whisper-small-hi", "wav2vec2-large-xlsr-sv". */
    /** Two-letter codes that are English words in repo names ("this_is_my_model"), never taken from a name. */
    private static final java.util.Set<String> ENGLISH_WORD_CODES = java.util.Set.of("is", "my", "el", "aa", "an", "am",
            "as", "or", "so", "to", "we", "me", "in", "on", "of", "at", "by", "do", "go", "if", "up", "us");
    /** Known names whose parts look like codes (MS MARCO), which make every two-letter token of the name unreliable. */
    private static final Pattern NON_LANGUAGE_NAME = Pattern.compile("ms[-_]?marco"
            // CodeGen's "-nl" checkpoints: natural language (pre-trained on the Pile), not Dutch
            + "|codegen.*\\bnl\\b");
    /**
     * Tasks, libraries and tags of models without a human language (reinforcement learning, image classification and
     * detection, tabular, audio classification): on hub-2023's dev split 1 of 4,150 RL cards and 13 of 414 image
     * classifiers carry {@code language}, so neither a code in the name nor English prose is read there.
     */
    private static final java.util.Set<String> NON_LANGUAGE_TASKS = java.util.Set.of("reinforcement-learning",
            "unconditional-image-generation", "image-classification", "object-detection",
            "image-segmentation", "depth-estimation", "video-classification", "tabular-classification",
            "tabular-regression", "keypoint-detection", "mask-generation", "robotics", "time-series-forecasting",
            "audio-classification", "voice-activity-detection");
    private static final java.util.Set<String> NON_LANGUAGE_LIBRARIES = java.util.Set.of("stable-baselines3", "ml-agents",
            "timm", "sample-factory", "deep-rl-course", "cleanrl", "rl-zoo", "unity-ml-agents");
    private static final java.util.Set<String> NON_LANGUAGE_TAGS = java.util.Set.of("deep-reinforcement-learning",
            "image-classification", "keyword-spotting");
    /**
     * Image generation: prompts are English (on the dev split 214 of 848 text-to-image cards carry {@code language}, 200
     * of them just {@code en}), so English prose counts, but a two-letter token of the name is a style or a checkpoint
     * ("plushies-pt"), not a language.
     */
    private static final java.util.Set<String> IMAGE_GENERATION = java.util.Set.of("text-to-image", "image-to-image",
            "stable-diffusion", "stable-diffusion-diffusers", "diffusers", "dreambooth");
    private static final Pattern VISION_NAME = Pattern.compile("(?:^|[-_.])(?:vit|swin|swinv2|convnext|convnextv2|beit|deit|resnet\\d*"
            + "|dinov2|segformer|detr|yolos|mobilevit|mobilevitv2|efficientnet|regnet|levit|cvt|poolformer|mask2former|maskformer|dpt"
            + "|videomae|upernet|mobilenet|mobilenet_v2|yolov\\d+)(?:$|[-_.])");
    private static final Pattern IMAGE_TEXT_NAME = Pattern.compile("clip|blip|siglip|llava|vilt|pix2struct|donut|trocr|git-|ocr|caption|vqa|layoutlm");
    /** Multilingual base models in a repo's name (mBART, mT5, XLM-R, MuRIL, BLOOM): English prose does not say the language. */
    private static final Pattern MULTILINGUAL_NAME = Pattern.compile(
            "(?:^|[-_.])(?:mbart|mt5|mt0|xlm|muril|bloom|bloomz|mbert|byt5|labse|mdeberta|mgpt|m2m|nllb|mluke|xglm|rembert|multilingual)(?:$|[-_.\\d])");
    private static final Pattern SENTENCE_END = Pattern.compile("[A-Za-z0-9)\\]`*][.!?](?:\\s|$)");
    private static final Pattern SPEECH_MODEL_NAME = Pattern.compile(
            "whisper|wav2vec|xlsr|xls-r|hubert|w2v|speecht5|(?:^|[-_])(?:asr|stt|tts)(?:$|[-_])|vits|conformer|citrinet|quartznet|fastspeech|tacotron");
    /**
     * Of the ambiguous codes, those that in a speech model's name are its language; not "lm" ("with-lm"), "cv" (Common
     * Voice), "no" ("g2p_en_no_space"), "br" ("pt-br"), "ml" (multilingual), "sv" (right 1 in 3 on the dev split).
     */
    private static final java.util.Set<String> SPEECH_NAME_CODES = java.util.Set.of("hi", "bn", "nb", "pa", "ne", "or", "as",
            "ha", "am", "my", "so", "tt", "ku", "gd", "ln", "lg", "ig", "mi", "sa", "mt");
    /** spaCy pipelines are named for their language: "en_core_web_sm", "hi_ud_hi_ewt". */
    private static final Pattern SPACY_NAME = Pattern.compile("^([a-z]{2,3})_[a-z0-9]");
    /** Stanza's models are named for their language: "stanza-nb", "stanza-grc". */
    private static final Pattern STANZA_NAME = Pattern.compile("^stanza-([a-z]{2,3})$");

    /** Names of large language models, where "-it" means instruction-tuned, not Italian. */
    private static final Pattern LLM_NAME = Pattern.compile("\\d+(?:\\.\\d+)?b\\b|llama|gemma|mistral|mixtral|qwen|phi|instruct|chat");

    /** Speech corpora of ESPnet, SpeechBrain and Asteroid recipes, whose names their repo names carry, and their language. */
    private static final Map<String, String> SPEECH_CORPORA = Map.ofEntries(
            Map.entry("an4", "en"), Map.entry("vctk", "en"), Map.entry("libritts", "en"), Map.entry("ljspeech", "en"),
            Map.entry("librispeech", "en"), Map.entry("wsj", "en"), Map.entry("wsj0", "en"), Map.entry("gigaspeech", "en"),
            Map.entry("tedlium2", "en"), Map.entry("tedlium3", "en"), Map.entry("swbd", "en"), Map.entry("chime4", "en"),
            Map.entry("spgispeech", "en"), Map.entry("libri2mix", "en"), Map.entry("libri3mix", "en"), Map.entry("wham", "en"),
            Map.entry("whamr", "en"), Map.entry("jsut", "ja"), Map.entry("jvs", "ja"), Map.entry("csj", "ja"),
            Map.entry("reazonspeech", "ja"), Map.entry("csmsc", "zh"), Map.entry("kss", "ko"), Map.entry("ksponspeech", "ko"),
            Map.entry("aishell", "zh"), Map.entry("aishell2", "zh"), Map.entry("aishell3", "zh"), Map.entry("aishell4", "zh"),
            Map.entry("thchs30", "zh"), Map.entry("hkust", "zh"), Map.entry("aidatatang", "zh"), Map.entry("magicdata", "zh"),
            Map.entry("wenetspeech", "zh"), Map.entry("opencpop", "zh"), Map.entry("m4singer", "zh"), Map.entry("timit", "en"),
            Map.entry("tedlium", "en"), Map.entry("chime6", "en"), Map.entry("librilight", "en"), Map.entry("slurp", "en"),
            Map.entry("laborotv", "ja"), Map.entry("kiritan", "ja"), Map.entry("ofuton", "ja"), Map.entry("zeroth", "ko"),
            Map.entry("siwis", "fr"));
    /** ESPnet's and similar cards' "trained by X using aishell recipe", "using jsut/tts1 recipe": the recipe's corpus. */
    private static final Pattern RECIPE = Pattern.compile("\\busing\\s+([a-z][a-z0-9_]{1,30})(?:/[a-z0-9_]{1,10})?\\s+recipe\\b");
    private static final java.util.Set<String> ID_RULES = java.util.Set.of("opus-mt-id", "language-code-in-id",
            "language-name-in-id", "speech-corpus-in-id", "language-model-family-in-id", "tool-language-name");
    private static final java.util.Set<String> TEXT_RULES = java.util.Set.of("for-language", "language-model-name");

    private final Vocabularies vocabularies;
    private final ProseLanguage proseLanguage;
    private final BaseModelExtractor baseModels;
    private final Map<String, String> codes;
    private final Map<String, String> lowerCaseCodes = new java.util.HashMap<>();
    private final Map<Pattern, String> modelFamilies = new LinkedHashMap<>();
    private final Map<String, String> threeToTwo = new java.util.HashMap<>();

    /** @param proseLanguage tells the languages of a card's prose; build one ({@link ProseLanguage#bundled()}) and share it */
    public LanguageExtractor(Vocabularies vocabularies, ProseLanguage proseLanguage) {
        this(vocabularies, proseLanguage, new BaseModelExtractor());
    }

    /** With the base model extractor the other extractors of a card share (it reads each card once). */
    public LanguageExtractor(Vocabularies vocabularies, ProseLanguage proseLanguage, BaseModelExtractor baseModels) {
        this.baseModels = baseModels;
        this.vocabularies = vocabularies;
        this.proseLanguage = proseLanguage;
        this.codes = readNames();
        for (String[] row : TsvResource.rows("iso639-3-to-1.tsv")) {
            threeToTwo.put(row[0], row[1]);
        }
        for (String[] row : TsvResource.rows("language-models.tsv")) {
            modelFamilies.put(Pattern.compile(row[0]), row[1]);
        }
        codes.forEach((name, code) -> {
            if (!name.contains(" ")) {
                lowerCaseCodes.put(name.toLowerCase(java.util.Locale.ROOT), code);
            }
        });
    }

    @Override
    public String field() {
        return FIELD;
    }

    /** ISO 639-1, 639-2 (T and B) and 639-3 codes of one language are one value: {@code jpn}, {@code ja}; {@code ger}, {@code de}. */
    @Override
    public boolean sameValue(String yamlValue, Object suggested) {
        return canonicalCode(yamlValue).equals(canonicalCode(suggested.toString()));
    }

    /** A code as the Hub keeps it: the two-letter code where the language has one, otherwise the code in lower case. */
    private String canonicalCode(String code) {
        String c = code.strip().toLowerCase(java.util.Locale.ROOT);
        return threeToTwo.getOrDefault(c, c);
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        Map<String, Suggestion> out = new LinkedHashMap<>();
        Matcher opus = OPUS.matcher(card.id());
        if (opus.find()) {
            for (int g = 1; g <= 2; g++) {
                String code = opus.group(g);
                if (vocabularies.languages().contains(code)) {
                    out.putIfAbsent(code, new Suggestion(FIELD, code, BodyText.repoId("repo id: " + card.id()),
                            0.85, "opus-mt-id"));
                }
            }
        }
        Evidence repoId = BodyText.repoId("repo id: " + card.id());
        boolean noLanguage = nonLanguageModel(card) || visionModel(card);
        // A language's name, a model family or a speech corpus in the name is specific ("korean-stable-diffusion"); a
        // two-letter code of a model without text is most often something else.
        boolean readCodes = !noLanguage && !tagged(card, IMAGE_GENERATION);
        nameLanguages(card.id()).forEach((code, method) -> {
            if (readCodes || !method.equals("language-code-in-id")) {
                out.putIfAbsent(code, new Suggestion(FIELD, code, repoId, 0.85, method));
            }
        });
        Matcher spacy = SPACY_NAME.matcher(card.id().substring(card.id().indexOf('/') + 1));
        if (spacy.find() && card.metadata().tags().stream().anyMatch(t -> t.equalsIgnoreCase("spacy"))
                && vocabularies.languages().contains(spacy.group(1))) {
            out.putIfAbsent(spacy.group(1), new Suggestion(FIELD, spacy.group(1), repoId, 0.85, "tool-language-name"));
        }
        for (EvalResult r : card.evalResults()) {
            String config = datasetConfig(r);
            String type = r.datasetType() == null ? "" : r.datasetType();
            Matcher pair = config == null ? null : LANGUAGE_PAIR_CONFIG.matcher(config);
            if (pair != null && pair.matches() && ("translation".equals(r.taskType()) || TRANSLATION_DATASET.matcher(type).find())) {
                // a translation model's data is a language pair, "wmt16" config "ro-en": both are its languages
                for (int g = 1; g <= 2; g++) {
                    String code = canonicalCode(pair.group(g));
                    if (vocabularies.languages().contains(code)) {
                        out.putIfAbsent(code, new Suggestion(FIELD, code, BodyText.metadataKey(card, "model-index",
                                "model-index dataset " + type + " config " + config), 0.85, "translation-dataset-config"));
                    }
                }
                continue;
            }
            if (config != null && config.matches("[a-z]{2,3}-[A-Za-z]{2,4}")) {
                config = config.substring(0, config.indexOf('-'));   // Common Voice's "sv-SE", "zh-HK"
            }
            if (config != null && type.matches("(?i).*(common_voice|fleurs|voxpopuli|mls|cc100|oscar|xnli|wikiann|mc4).*")
                    && config.matches("[a-z]{2,3}") && vocabularies.languages().contains(config)) {
                out.putIfAbsent(config, new Suggestion(FIELD, config,
                        BodyText.metadataKey(card, "model-index", "model-index dataset " + type + " config " + config), 0.85, "dataset-language-config"));
            }
        }
        if (out.isEmpty() && text.mentions(" - ")) {
            // only when neither the name nor model-index says a language: the sentence is the template's, and stale
            // when a card was copied from a run on another language
            Matcher named = SPEECH_DATASET_CONFIG.matcher(text.body());
            if (named.find()) {
                String code = named.group(1).toLowerCase(java.util.Locale.ROOT).replaceFirst("-.*", "");
                if (vocabularies.languages().contains(code)) {
                    out.putIfAbsent(code, text.suggestion(FIELD, code, named.start(1), named.end(1), 0.85, "dataset-language-config"));
                }
            }
        }
        if (text.mentions("language")) {
            listedLanguages(text, out);
        }
        if (text.mentions("recipe")) {
            Matcher recipe = RECIPE.matcher(text.body());
            if (recipe.find()) {
                String corpus = SPEECH_CORPORA.get(recipe.group(1));
                if (corpus != null && vocabularies.languages().contains(corpus)) {
                    out.putIfAbsent(corpus, text.suggestion(FIELD, corpus, recipe.start(1), recipe.end(1), 0.85, "speech-corpus-recipe"));
                }
            }
        }
        scan(text, out);
        List<ProseLanguage.Share> prose = proseLanguage.shares(text.body());
        if (out.isEmpty() && !imageGeneration(card)) {
            for (ProseLanguage.Share share : prose) {
                if (!share.code().equals("en") && share.weight() >= 20 && share.share() >= (share.latin() ? 0.6 : 0.5)
                        && vocabularies.languages().contains(share.code())) {
                    out.putIfAbsent(share.code(), proseSuggestion(text, share, 0.75, "prose-language"));
                }
            }
        }
        if (out.isEmpty()) {
            // A fine-tune keeps its base model's language: "fine-tuned version of [dbmdz/bert-base-turkish-cased](...)".
            for (Suggestion base : baseModels.extract(card)) {
                if (base.method().equals("trainer-finetuned-version")) {
                    nameLanguages(base.value().toString()).forEach((code, method) -> out.putIfAbsent(code,
                            new Suggestion(FIELD, code, base.evidence(), 0.8, "base-model-" + method)));
                }
            }
        }
        out.replaceAll((code, v) -> SENTENCE_RULES.contains(v.method()) && v.evidence().start() >= 0
                && extraTrainingLanguages(sentenceAround(text.body(), v.evidence().start()))
                ? new Suggestion(FIELD, code, v.evidence(), 0.6, "pretraining-data-languages") : v);
        if (out.values().stream().anyMatch(v -> ID_RULES.contains(v.method()))) {
            // The repo's name says the language: other languages named in the text are most often a contrast, a
            // source of transfer or a template's stale sentence ("evaluated on the Turkish test data" on a Polish model).
            out.values().removeIf(v -> TEXT_RULES.contains(v.method()));
        }
        Suggestion mentionedEnglish = out.get("en");
        if (mentionedEnglish != null && out.size() > 1 && TEXT_RULES.contains(mentionedEnglish.method())) {
            out.remove("en");   // English named beside another language is most often the contrast ("unlike English models")
        }
        Matcher english = ENGLISH_BASE.matcher(text.body());
        if (out.isEmpty() && english.find() && vocabularies.languages().contains("en")) {
            out.put("en", text.suggestion(FIELD, "en", english.start(), english.end(), 0.8, "english-base-model"));
        }
        if (out.isEmpty() && !noLanguage && !prose.isEmpty() && prose.get(0).code().equals("en") && prose.get(0).share() >= 0.7
                && enoughProse(text.body()) && !speaksOfOtherLanguages(text) && !namesOtherLanguage(card)) {
            out.put("en", proseSuggestion(text, prose.get(0), 0.8, "prose-english"));
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Finds capitalised words that name a language (one scan of the body, not one pattern per name) and keeps
     * those whose context says what the model handles: "for/in/on ... X", "X BERT/text/speech...", "X-to-Y".
     */
    private void scan(BodyText text, Map<String, Suggestion> out) {
        String body = text.body();
        int n = body.length();
        int[] asides = asideSections(body);
        int nextAside = 0;
        int line = -1;
        boolean exampleLine = false;
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c < 'A' || c > 'Z' || (i > 0 && Character.isLetterOrDigit(body.charAt(i - 1)))) {
                continue;
            }
            int end = i + 1;
            while (end < n && Character.isLowerCase(body.charAt(end))) {
                end++;
            }
            String name = body.substring(i, end);
            if (end + 1 < n && body.charAt(end) == ' ' && Character.isUpperCase(body.charAt(end + 1))) {
                int end2 = end + 2;
                while (end2 < n && Character.isLowerCase(body.charAt(end2))) {
                    end2++;
                }
                String two = body.substring(i, end2);
                if (codes.containsKey(two)) {
                    name = two;
                    end = end2;
                }
            }
            nextAside = firstEndingAtOrAfter(asides, nextAside, i);
            int lineOfI = text.line(i);
            if (lineOfI != line) {   // once per line: a long line of many names is read once
                line = lineOfI;
                exampleLine = EXAMPLE_LINE.matcher(body).region(text.lineStart(line), text.lineEnd(line)).find();
            }
            String code = codes.get(name);
            if (code == null || (end < n && Character.isLetterOrDigit(body.charAt(end))) || text.inCode(i)
                    || !vocabularies.languages().contains(code) || exampleLine
                    || inAside(asides, nextAside, i)) {
                i = end - 1;
                continue;
            }
            String before = body.substring(Math.max(0, i - 20), i);
            String after = body.substring(end, Math.min(n, end + 40));
            Matcher pair = AFTER_PAIR.matcher(after);
            if (pair.find()) {
                out.putIfAbsent(code, text.suggestion(FIELD, code, i, end, 0.85, "language-pair"));
                int second = end + pair.end();
                int secondEnd = second;
                while (secondEnd < n && Character.isLetter(body.charAt(secondEnd))) {
                    secondEnd++;
                }
                String other = codes.get(body.substring(second, secondEnd));
                if (other != null && vocabularies.languages().contains(other)) {
                    out.putIfAbsent(other, text.suggestion(FIELD, other, second, secondEnd, 0.85, "language-pair"));
                }
            } else if (AFTER_MODEL.matcher(after).find() && !CARD_TRANSLATION.matcher(after).find()) {
                out.putIfAbsent(code, text.suggestion(FIELD, code, i, end, 0.8, "language-model-name"));
            } else if (BEFORE.matcher(before).find() && !GLOSS.matcher(body.substring(Math.max(0, i - 60), i)).find()) {
                out.putIfAbsent(code, text.suggestion(FIELD, code, i, end, 0.82, "for-language"));
            }
            i = end - 1;
        }
    }

    /**
     * Languages a card lists where it says which it handles: the Tatoeba template's {@code - languages: [...]} line,
     * a "Language(s): X, Y and Z" line whose every item is a language name or code, a language badge.
     */
    private void listedLanguages(BodyText text, Map<String, Suggestion> out) {
        String body = text.body();
        Matcher m = LANGUAGES_LIST.matcher(body);
        boolean templateList = false;   // the template's list is the exact one: its source/target lines are then not read
        while (m.find()) {
            if (text.inCode(m.start())) {
                continue;
            }
            templateList = true;
            Matcher code = QUOTED_CODE.matcher(m.group(1));
            while (code.find()) {
                if (vocabularies.languages().contains(code.group(1))) {
                    out.putIfAbsent(code.group(1), text.suggestion(FIELD, code.group(1), m.start(), m.end(), 0.9, "languages-list"));
                }
            }
        }
        m = TRANSLATION_LINE.matcher(body);
        while (!templateList && m.find()) {
            if (text.inCode(m.start())) {
                continue;
            }
            // The codes normalised to the ones the Hub keeps (deu: de); codes without a two-letter one are left out:
            // on the dev split the YAML named them one time in four.
            for (String token : m.group(1).strip().split("\\s+")) {
                Matcher code = CODE_TOKEN.matcher(token);
                String hub = !code.matches() ? null : code.group(1).length() == 2 ? code.group(1) : threeToTwo.get(code.group(1));
                if (hub != null && vocabularies.languages().contains(hub)) {
                    out.putIfAbsent(hub, text.suggestion(FIELD, hub, m.start(), m.end(), 0.85, "translation-languages-line"));
                }
            }
        }
        m = LANGUAGE_LINE.matcher(body);
        while (m.find()) {
            if (text.inCode(m.start()) || !LINE_LABEL_OK.matcher(m.group(1)).matches()) {
                continue;
            }
            for (String code : listed(m.group(2))) {
                out.putIfAbsent(code, text.suggestion(FIELD, code, m.start(), m.end(), 0.88, "language-line"));
            }
        }
        m = LANGUAGE_ENUMERATION.matcher(body);
        while (m.find()) {
            List<String> names = text.inCode(m.start()) ? List.of() : listed(m.group(1).replace("'", "").replace("\"", ""));
            if (names.size() >= 2) {
                for (String code : names) {
                    out.putIfAbsent(code, text.suggestion(FIELD, code, m.start(), m.end(), 0.85, "languages-enumeration"));
                }
            }
        }
        m = LANGUAGE_BADGE.matcher(body);
        while (m.find()) {
            if (vocabularies.languages().contains(m.group(1))) {
                out.putIfAbsent(m.group(1), text.suggestion(FIELD, m.group(1), m.start(), m.end(), 0.85, "language-badge"));
            }
        }
    }

    /**
     * The languages of a line's value, when every item of it is a language name ("German", "english") or a code
     * as the Hub keeps it ("de", "en-US" for "en"); empty when any item is something else: a list the rule cannot
     * read whole ("[More Information Needed]", "Python", "fas") is not read at all.
     */
    private List<String> listed(String value) {
        String v = value.replaceAll("<[^>\\n]*>", " ").replaceAll("\\[([^\\]\\n]*)\\]\\([^)\\n]*\\)", "$1").replace("*", "").replace("`", "")
                .replaceAll("\\([^)\\n]*\\)", " ").replaceAll("[.\\s]+$", "").strip();
        List<String> out = new ArrayList<>();
        for (String item : LIST_SEPARATOR.split(v)) {
            item = item.strip();
            if (item.isEmpty()) {
                continue;
            }
            String code = codes.get(item);
            if (code == null) {
                code = lowerCaseCodes.get(item);
            }
            if (code == null && item.matches("[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")) {
                code = item.split("[-_]")[0];   // "en-US": the language, as the Hub keeps it
            }
            if (code == null || !vocabularies.languages().contains(code) || out.size() > 300) {
                return List.of();
            }
            if (!out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    /**
     * Whether English prose is weak evidence here: the Trainer's or mergekit's template (English whatever the model's language),
     * multilingual or dialect cards, or another language named anywhere in the text.
     */
    private boolean speaksOfOtherLanguages(BodyText text) {
        if (text.mentions("the trainer had access", "merge of pre-trained language models", "multilingual", "languages", "dialect", "cross-lingual",
                "translat", "language-universal")) {
            return true;
        }
        String body = text.body();
        for (String name : codes.keySet()) {
            if (name.equals("English")) {
                continue;
            }
            for (int at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
                int end = at + name.length();
                if ((at == 0 || !Character.isLetter(body.charAt(at - 1))) && (end >= body.length() || !Character.isLetter(body.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Languages that the parts of a repo id's name say, by code, corpus or language name, with the rule's name. */
    private Map<String, String> nameLanguages(String repoId) {
        Map<String, String> out = new LinkedHashMap<>();
        String repoName = repoId.substring(repoId.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        boolean speechModel = SPEECH_MODEL_NAME.matcher(repoName).find();
        Matcher tool = STANZA_NAME.matcher(repoName);
        if (tool.find() && vocabularies.languages().contains(tool.group(1))) {
            out.putIfAbsent(tool.group(1), "tool-language-name");
        }
        for (String token : repoName.split("[-_.+]")) {
            if (speechModel && SPEECH_NAME_CODES.contains(token) && vocabularies.languages().contains(token)) {
                out.putIfAbsent(token, "language-code-in-id");
                continue;
            }
            String family = modelFamily(token);
            if (family != null && vocabularies.languages().contains(family)) {
                out.putIfAbsent(family, "language-model-family-in-id");
                continue;
            }
            boolean instructTuned = token.equals("it") && LLM_NAME.matcher(repoName).find();   // gemma-2b-it: instruction-tuned
            if (token.length() == 2 && !AMBIGUOUS_CODES.contains(token) && !ENGLISH_WORD_CODES.contains(token) && !instructTuned
                    && !NON_LANGUAGE_NAME.matcher(repoName).find() && vocabularies.languages().contains(token)) {
                out.putIfAbsent(token, "language-code-in-id");
                continue;
            }
            String corpus = SPEECH_CORPORA.get(token);
            if (corpus != null && vocabularies.languages().contains(corpus)) {
                out.putIfAbsent(corpus, "speech-corpus-in-id");
                continue;
            }
            String code = lowerCaseCodes.get(token);
            if (code != null && vocabularies.languages().contains(code)) {
                out.putIfAbsent(code, "language-name-in-id");
            }
        }
        if (out.containsValue("language-name-in-id") || out.containsValue("language-model-family-in-id")) {
            // The name says its language in words ("arabic-camelbert-ca", "spanish-flair-cs"): its two-letter parts are
            // then variants, not more languages (on the dev split 9 of 10 such codes were wrong).
            out.values().removeIf(method -> method.equals("language-code-in-id"));
        }
        return out;
    }

    /** The language of a model family named for one ({@code language-models.tsv}), or null. */
    private String modelFamily(String token) {
        for (Map.Entry<Pattern, String> family : modelFamilies.entrySet()) {
            if (family.getKey().matcher(token).matches()) {
                return family.getValue();
            }
        }
        return null;
    }

    /**
     * A model-index result's dataset config: {@code config}, else {@code args} when it is the config itself ("tr") or
     * names it the way the Whisper fine-tuning event's cards write it ("config: hi, split: test"); null when none.
     */
    private static String datasetConfig(EvalResult r) {
        if (r.datasetConfig() != null && !r.datasetConfig().isBlank()) {
            return r.datasetConfig().strip();
        }
        if (r.datasetArgs() instanceof String s) {
            Matcher named = CONFIG_IN_ARGS.matcher(s);
            return named.find() ? named.group(1) : s.strip();
        }
        if (r.datasetArgs() instanceof Map<?, ?> m && m.get("config") instanceof String s) {
            return s.strip();
        }
        return null;
    }

    /**
     * Models with no human language: their task, library or tags say image, vision, tabular or reinforcement learning.
     * Neither a code in the repo's name nor the card's (English) prose then says a language the model handles.
     */
    private static boolean nonLanguageModel(ModelCard card) {
        return tagged(card, NON_LANGUAGE_TASKS) || tagged(card, NON_LANGUAGE_LIBRARIES) || tagged(card, NON_LANGUAGE_TAGS);
    }

    /** Whether a sentence tells what else the training data held besides the model's languages. */
    private static boolean extraTrainingLanguages(String line) {
        return ADDITIONALLY.matcher(line).find() && TRAINING_DATA.matcher(line).find();
    }

    /**
     * The sections about the authors, their group, the citation or thanks ("## About us": "tools for Greek" is the
     * group's research, not the model's language), as pairs {@code start, end}: an offset is in one when
     * {@code start < offset <= end}, its nearest heading before it being such a heading. Made once per card, so that
     * each name costs no scan of the headings before it.
     */
    private static int[] asideSections(String body) {
        List<Integer> starts = new ArrayList<>();
        Matcher heading = HEADING.matcher(body);
        while (heading.find()) {
            starts.add(heading.start());
        }
        List<Integer> pairs = new ArrayList<>();
        Matcher aside = ASIDE_HEADING.matcher(body);
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            if (aside.region(start, body.length()).lookingAt()) {
                pairs.add(start);
                pairs.add(k + 1 < starts.size() ? starts.get(k + 1) : body.length());
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the first section in {@code sections}, from {@code from} on, that ends at or after {@code offset}. */
    private static int firstEndingAtOrAfter(int[] sections, int from, int offset) {
        int k = from;
        while (k < sections.length && sections[k + 1] < offset) {
            k += 2;
        }
        return k;
    }

    private static boolean inAside(int[] sections, int k, int offset) {
        return k < sections.length && sections[k] < offset && offset <= sections[k + 1];
    }

    /** The sentence of the body that holds {@code offset}: from the line's start or the last ". " before it to the next. */
    private static String sentenceAround(String body, int offset) {
        int start = Math.max(body.lastIndexOf('\n', Math.max(0, offset - 1)) + 1, body.lastIndexOf(". ", Math.max(0, offset - 1)) + 2);
        int lineEnd = body.indexOf('\n', offset);
        int sentenceEnd = body.indexOf(". ", offset);
        int end = lineEnd < 0 ? body.length() : lineEnd;
        if (sentenceEnd >= 0 && sentenceEnd < end) {
            end = sentenceEnd;
        }
        return body.substring(Math.min(start, offset), end);
    }

    /**
     * Whether the repo's name or the base model of a Trainer fine-tune names a vision architecture ("vit-base-patch16-224-in21k-
     * pets", "fine-tuned version of [google/vit-base-...]"): image models whose YAML often lacks a task (on hub-2023's dev split
     * 8 of 229 cards with such a name carry {@code language}). CLIP and other image-text models are not meant.
     */
    private boolean visionModel(ModelCard card) {
        if (visionName(card.id())) {
            return true;
        }
        for (Suggestion base : baseModels.extract(card)) {
            if (base.method().equals("trainer-finetuned-version") && visionName(base.value().toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean visionName(String repoId) {
        String name = repoId.substring(repoId.indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return VISION_NAME.matcher(name).find() && !IMAGE_TEXT_NAME.matcher(name).find();
    }

    /** Whether the pipeline tag, library or a tag of the card is one of {@code values}. */
    private static boolean tagged(ModelCard card, java.util.Set<String> values) {
        return card.metadata().pipelineTag().map(values::contains).orElse(false)
                || card.metadata().libraryName().map(l -> values.contains(l.toLowerCase(java.util.Locale.ROOT))).orElse(false)
                || card.metadata().tags().stream().anyMatch(t -> values.contains(t.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * Whether the repo's name or a tag says another language than English, or a multilingual base model: the card's
     * English prose then describes a model of that language ("roberta-base-coptic-upos", "mt5-small-...").
     */
    private boolean namesOtherLanguage(ModelCard card) {
        String repoName = card.id().substring(card.id().indexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        if (MULTILINGUAL_NAME.matcher(repoName).find()) {
            return true;
        }
        java.util.stream.Stream<String> tokens = java.util.stream.Stream.concat(java.util.Arrays.stream(repoName.split("[-_.+]")),
                card.metadata().tags().stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)));
        return tokens.anyMatch(t -> {
            String code = lowerCaseCodes.get(t);
            return code != null && !code.equals("en");
        });
    }

    /**
     * Two sentences of prose, not a heading or a one-line autogenerated note (three, ending in a lower-case letter, cost
     * 88 right values and 8 wrong ones on the dev split).
     */
    private static boolean enoughProse(String body) {
        Matcher m = SENTENCE_END.matcher(body);
        int sentences = 0;
        int needed = 2;
        while (m.find() && sentences < needed) {
            sentences++;
        }
        return sentences >= needed;
    }

    /** Text-to-image cards: their prompts are English whatever language the card is written in. */
    private static boolean imageGeneration(ModelCard card) {
        return card.metadata().tags().stream().anyMatch(t -> t.equals("stable-diffusion") || t.equals("text-to-image")
                || t.equals("diffusers") || t.equals("lora"));
    }

    /** Evidence for a prose language: the first line that counted for it (the method says how it was told). */
    private static Suggestion proseSuggestion(BodyText text, ProseLanguage.Share share, double confidence, String method) {
        int end = share.first();
        while (end < text.body().length() && !Character.isWhitespace(text.body().charAt(end))) {
            end++;
        }
        return text.suggestion(FIELD, share.code(), share.first(), Math.max(end, share.first() + 1), confidence, method);
    }

    private static Map<String, String> readNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : TsvResource.rows("languages.tsv")) {
            out.put(row[0], row[1]);
        }
        return out;
    }
}
