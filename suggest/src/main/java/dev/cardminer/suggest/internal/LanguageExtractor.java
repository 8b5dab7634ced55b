package dev.cardminer.suggest.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    private static final Pattern OPUS = Pattern.compile("opus-mt-([a-z]{2,3})-([a-z]{2,3})$");

    private final Vocabularies vocabularies;
    private final Map<String, String> codes;
    private final Pattern forLanguage;
    private final Pattern languageModel;
    private final Pattern pair;

    public LanguageExtractor(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
        this.codes = readNames();
        String names = codes.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        this.forLanguage = Pattern.compile("\\b(?:for|in|on|to|into|from|of)\\s+(?:the\\s+)?(" + names + ")\\b(?!-)(?:\\s+" + MODEL_WORDS + "\\b)?");
        this.languageModel = Pattern.compile("\\b(" + names + ")[ -]" + MODEL_WORDS + "\\b");
        this.pair = Pattern.compile("\\b(" + names + ")[ -](?:to|→|->)[ -](" + names + ")\\b");
    }

    @Override
    public String field() {
        return FIELD;
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
                    out.putIfAbsent(code, new Suggestion(FIELD, code, BodyText.metadata(card, "repo id: " + card.id()),
                            0.85, "opus-mt-id"));
                }
            }
        }
        for (EvalResult r : card.evalResults()) {
            String config = r.datasetConfig() != null ? r.datasetConfig()
                    : r.datasetArgs() instanceof String s ? s : null;
            String type = r.datasetType() == null ? "" : r.datasetType();
            if (config != null && type.matches("(?i).*(common_voice|fleurs|voxpopuli|mls|cc100|oscar|xnli|wikiann|mc4).*")
                    && config.matches("[a-z]{2,3}") && vocabularies.languages().contains(config)) {
                out.putIfAbsent(config, new Suggestion(FIELD, config,
                        BodyText.metadata(card, "model-index dataset " + type + " config " + config), 0.85, "dataset-language-config"));
            }
        }
        find(text, pair, 0.85, "language-pair", out, 1, 2);
        Matcher english = ENGLISH_BASE.matcher(text.body());
        if (out.isEmpty() && english.find() && vocabularies.languages().contains("en")) {
            out.put("en", text.suggestion(FIELD, "en", english.start(), english.end(), 0.8, "english-base-model"));
        }
        find(text, languageModel, 0.8, "language-model-name", out, 1);
        find(text, forLanguage, 0.75, "for-language", out, 1);
        return new ArrayList<>(out.values());
    }

    private void find(BodyText text, Pattern pattern, double confidence, String method, Map<String, Suggestion> out,
                      int... groups) {
        Matcher m = pattern.matcher(text.body());
        while (m.find()) {
            if (text.inCode(m.start())) {
                continue;
            }
            for (int g : groups) {
                String code = codes.get(m.group(g));
                if (code != null && vocabularies.languages().contains(code)) {
                    out.putIfAbsent(code, text.suggestion(FIELD, code, m.start(), m.end(), confidence, method));
                }
            }
        }
    }

    private static Map<String, String> readNames() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : TsvResource.rows("languages.tsv")) {
            out.put(row[0], row[1]);
        }
        return out;
    }
}
