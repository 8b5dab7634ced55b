package dev.cardminer.suggest.internal;

import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code library_name}: the library a card's usage snippet or framework list loads the model with
 * (transformers, sentence-transformers, diffusers, setfit, timm, stable-baselines3, ml-agents, keras,
 * spaCy, mlx, PEFT, ...), or a tag naming one. One value, the most specific reading; only ids of the
 * Hub's library list.
 */
public final class LibraryNameExtractor implements MetadataExtractor {

    public static final String FIELD = "library_name";

    /** Rules in order of preference: a specific library wins over transformers, which many of them use. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^[ \\t]*-[ \\t]*PEFT\\s+\\d|\\bfrom peft import\\b|\\bPeftModel\\b", Pattern.MULTILINE), "peft", 0.9, List.of("peft"), "peft-usage"),
            // AdapterHub's cards load with "from transformers import AutoModelWithHeads": the fork's import, not transformers'
            new Rule(Pattern.compile("\\badapter-transformers\\b|\\bfrom adapters import\\b"), "adapter-transformers", 0.9,
                    List.of("adapter"), "adapter-transformers-usage"),
            new Rule(Pattern.compile("\\bfrom setfit import\\b|\\bSetFitModel\\b"), "setfit", 0.92, List.of("setfit"), "setfit-snippet"),
            new Rule(Pattern.compile("\\bfrom sentence_transformers import\\b|\\bSentenceTransformer\\s*\\("), "sentence-transformers", 0.92, List.of("sentence"), "sentence-transformers-snippet"),
            new Rule(Pattern.compile("\\bfrom diffusers import\\b|\\b(?:StableDiffusion\\w*|Diffusion)Pipeline\\b"), "diffusers", 0.9, List.of("diffusers", "pipeline"), "diffusers-snippet"),
            new Rule(Pattern.compile("\\btimm\\.create_model\\(|\\bimport timm\\b"), "timm", 0.9, List.of("timm"), "timm-snippet"),
            new Rule(Pattern.compile("\\bstable[-_]baselines3\\b|\\bfrom sb3_contrib\\b|\\bStable-Baselines3\\b"), "stable-baselines3", 0.92, List.of("baselines", "sb3"), "sb3-usage"),
            new Rule(Pattern.compile("\\bmlagents-learn\\b|\\bML-Agents\\b", Pattern.CASE_INSENSITIVE), "ml-agents", 0.92, List.of("ml-agents", "mlagents"), "ml-agents-usage"),
            new Rule(Pattern.compile("\\bsample[-_]factory\\b", Pattern.CASE_INSENSITIVE), "sample-factory", 0.9, List.of("sample"), "sample-factory-usage"),
            new Rule(Pattern.compile("\\bspacy\\.load\\(|\\bpip install https://huggingface\\.co/spacy/"), "spacy", 0.9, List.of("spacy"), "spacy-snippet"),
            new Rule(Pattern.compile("\\bfrom mlx_lm import\\b|\\bmlx-lm\\b|\\bmlx_lm\\b"), "mlx", 0.9, List.of("mlx"), "mlx-snippet"),
            new Rule(Pattern.compile("\\bfrom span_marker import\\b|\\bSpanMarkerModel\\b"), "span-marker", 0.9, List.of("span"), "span-marker-snippet"),
            new Rule(Pattern.compile("\\bfrom speechbrain\\b"), "speechbrain", 0.9, List.of("speechbrain"), "speechbrain-snippet"),
            new Rule(Pattern.compile("\\bfrom flair\\b"), "flair", 0.88, List.of("flair"), "flair-snippet"),
            new Rule(Pattern.compile("\\bfrom_pretrained_fastai\\b"), "fastai", 0.9, List.of("fastai"), "fastai-snippet"),
            new Rule(Pattern.compile("\\bfrom_pretrained_keras\\b|\\bkeras\\.models\\.load_model\\b"), "keras", 0.85, List.of("keras"), "keras-snippet"),
            new Rule(Pattern.compile("\\bnemo\\.collections\\b|\\bnemo_toolkit\\b"), "nemo", 0.9, List.of("nemo"), "nemo-snippet"),
            new Rule(Pattern.compile("\\bfrom espnet\\b|\\bespnet2\\b"), "espnet", 0.88, List.of("espnet"), "espnet-snippet"),
            new Rule(Pattern.compile("\\bimport open_clip\\b|\\bopen_clip\\.create_model"), "open_clip", 0.88, List.of("open_clip"), "open-clip-snippet"),
            new Rule(Pattern.compile("\\bfrom ultralytics(?:plus)? import\\b"), "ultralytics", 0.85, List.of("ultralytics"), "ultralytics-snippet"),
            new Rule(Pattern.compile("^[ \\t]*-[ \\t]*Transformers\\s+\\d", Pattern.MULTILINE), "transformers", 0.92, List.of("transformers"), "trainer-framework-versions"),
            new Rule(Pattern.compile("\\bfrom transformers import\\b|\\bAutoModel(?:For\\w+)?\\.from_pretrained\\b|\\bAutoTokenizer\\.from_pretrained\\b"),
                    "transformers", 0.85, List.of("transformers", "automodel", "autotokenizer"), "transformers-snippet"));

    private final Vocabularies vocabularies;

    public LibraryNameExtractor(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    private record Rule(Pattern pattern, String library, double confidence, List<String> hints, String method) {
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        for (Rule rule : RULES) {
            if (!text.mentions(rule.hints().toArray(String[]::new))) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text.body());
            if (m.find() && vocabularies.libraries().contains(rule.library())) {
                return List.of(text.suggestion(FIELD, rule.library(), m.start(), m.end(), rule.confidence(), rule.method()));
            }
        }
        for (String tag : card.metadata().tags()) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (vocabularies.libraries().contains(lower)) {
                return List.of(new Suggestion(FIELD, lower, BodyText.metadataItem(card, "tags", tag, "tags: " + tag), 0.85, "library-tag"));
            }
            if (lower.equals("generated_from_trainer") || lower.equals("generated_from_keras_callback")) {
                return List.of(new Suggestion(FIELD, "transformers", BodyText.metadataItem(card, "tags", tag, "tags: " + tag), 0.85, "trainer-tag"));
            }
        }
        return List.of();
    }
}
