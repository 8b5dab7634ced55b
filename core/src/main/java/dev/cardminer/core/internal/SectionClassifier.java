package dev.cardminer.core.internal;

import static dev.cardminer.core.CanonicalSection.*;

import dev.cardminer.core.CanonicalSection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps a heading title to a section of the annotated model card template. The title is normalised
 * (case, markup, punctuation, numbering, emoji, "[optional]"), looked up in an alias table built from
 * the headings that occur in real cards, and failing that matched against keyword rules. Headings
 * that are ambiguous or unrelated to the template map to null. docs/sections.md lists the table.
 * Thread-safe: the tables are fixed after construction and the cache is concurrent.
 */
final class SectionClassifier {

    /** Exact aliases, in normalised form. */
    private final Map<String, CanonicalSection> aliases = new HashMap<>();

    /**
     * Titles repeat across cards by the thousand (every Trainer card has the same seven), so mappings
     * are remembered; the cap bounds the memory on corpora of odd titles.
     */
    private static final int CACHE_LIMIT = 16_384;
    private final ConcurrentHashMap<String, Mapping> cache = new ConcurrentHashMap<>();

    /** Keyword rules in priority order: a phrase matches at the start of a word of the normalised title. */
    private final List<Rule> rules = List.of(
            new Rule(OUT_OF_SCOPE_USE, "out of scope", "misuse", "malicious use"),
            new Rule(USES, "intended use", "intended usage"),
            new Rule(TRAINING_HYPERPARAMETERS, "hyperparameter", "hyper parameter"),
            new Rule(CITATION, "citation", "cite", "citing", "bibtex"),
            new Rule(ENVIRONMENTAL_IMPACT, "environmental", "carbon", "co2", "emission"),
            new Rule(BIAS_RISKS_AND_LIMITATIONS, "bias", "limitation", "risk", "ethic", "fairness"),
            new Rule(TRAINING_DATA, "training data", "training corpus", "train data", "pretraining data",
                    "pre training data", "fine tuning data", "finetuning data"),
            new Rule(PREPROCESSING, "preprocessing", "pre processing"),
            new Rule(RESULTS, "evaluation result", "eval result", "benchmark", "leaderboard", "results"),
            new Rule(SOFTWARE, "framework version"),
            new Rule(HOW_TO_GET_STARTED, "how to use", "usage", "get started", "getting started", "quick start",
                    "quickstart", "inference", "how to run", "how to load", "example usage", "example code",
                    "prompt template", "prompt format", "download", "install", "load model", "load the model"),
            new Rule(MODEL_CARD_CONTACT, "contact"),
            new Rule(MODEL_ARCHITECTURE_AND_OBJECTIVE, "architecture"),
            new Rule(GLOSSARY, "glossary"),
            new Rule(MODEL_CARD_AUTHORS, "model card author"),
            new Rule(TRAINING_PROCEDURE, "training procedure", "training process"),
            new Rule(EVALUATION, "evaluation"),
            new Rule(MODEL_DESCRIPTION, "model description"),
            new Rule(TRAINING_PROCEDURE, "pretraining", "pre training", "fine tuning", "finetuning"));

    /**
     * Phrases that keep a title unmapped even when a keyword rule would map it: "Licence and usage
     * restrictions" is about the licence, not about how to use the model.
     */
    private final Rule unmapped = new Rule(null, "licen", "acknowledg", "table of contents", "disclaimer");

    SectionClassifier() {
        alias(MODEL_DETAILS, "model details", "details", "model information", "model info", "basic information",
                "model basic information");
        alias(MODEL_DESCRIPTION, "model description", "description", "model summary", "overview", "model overview",
                "introduction", "intro", "about", "about the model", "about this model", "whats this", "what is this",
                "model", "abstract", "tldr", "tl dr", "brief introduction", "model introduction", "the model",
                "general information", "model descriptions");
        alias(MODEL_SOURCES, "model sources", "sources", "resources", "links", "useful links", "model repository",
                "repository", "paper", "demo", "paper and code", "project page");
        alias(USES, "uses", "intended uses and limitations", "intended use", "intended uses", "intended use cases",
                "use cases", "use case", "applications", "intended usage", "uses and limitations",
                "intended uses limitations", "intended use and limitations");
        alias(DIRECT_USE, "direct use", "direct usage", "direct uses", "direct use cases");
        alias(DOWNSTREAM_USE, "downstream use", "downstream usage", "downstream uses", "downstream tasks");
        alias(OUT_OF_SCOPE_USE, "out of scope use", "out of scope uses", "out of scope usage",
                "misuse and out of scope use", "misuse malicious use and out of scope use", "misuse and malicious use",
                "misuse", "out of scope");
        alias(BIAS_RISKS_AND_LIMITATIONS, "bias risks and limitations", "limitations and bias",
                "limitations and biases", "bias and limitations", "biases and limitations", "limitations",
                "limitation", "bias", "biases", "risks", "risks and limitations", "ethical considerations",
                "ethical considerations and limitations", "ethics", "ethical considerations and risks",
                "known limitations", "caveats", "caveats and recommendations", "limitations and risks",
                "bias risks limitations", "risks limitations and biases", "limitations and ethical considerations");
        alias(RECOMMENDATIONS, "recommendations", "recommendation");
        alias(HOW_TO_GET_STARTED, "how to get started with the model", "how to get started", "getting started",
                "get started", "usage", "how to use", "how to use it", "quick start", "quickstart", "quick tour",
                "inference", "example usage", "usage example", "usage examples", "examples", "example",
                "model usage", "code example", "sample code", "use", "using the model", "how to use this model",
                "installation", "install", "requirements", "setup", "running the model", "intended usage and how to use",
                "use the model", "usage and limitations", "prompt format", "prompt template");
        alias(TRAINING_DETAILS, "training details", "training", "training and evaluation", "training setup",
                "training information", "train", "training and fine tuning");
        alias(TRAINING_DATA, "training data", "training dataset", "training datasets", "training and evaluation data",
                "train data", "pretraining data", "training corpus", "corpus", "pre training data",
                "fine tuning data", "finetuning data", "data", "dataset", "datasets", "dataset used", "data used",
                "training data and evaluation data");
        alias(TRAINING_PROCEDURE, "training procedure", "training process", "procedure", "pretraining",
                "pre training", "fine tuning", "finetuning", "fine tuning procedure", "training methodology",
                "training method", "training regime and procedure");
        alias(PREPROCESSING, "preprocessing", "pre processing", "data preprocessing", "tokenization",
                "data processing", "preprocessing and tokenization");
        alias(TRAINING_HYPERPARAMETERS, "training hyperparameters", "hyperparameters", "hyper parameters",
                "training hyper parameters", "training parameters", "training configuration", "training config",
                "training arguments", "non default hyperparameters", "all hyperparameters", "training regime");
        alias(SPEEDS_SIZES_TIMES, "speeds sizes times", "training time", "speed", "speeds", "speeds sizes and times");
        alias(EVALUATION, "evaluation", "evaluations", "eval", "model evaluation", "testing data factors and metrics",
                "testing", "evaluation commands", "evaluation protocol");
        alias(TESTING_DATA, "testing data", "test data", "evaluation data", "evaluation dataset",
                "evaluation datasets", "test dataset", "test set", "testing dataset", "test datasets");
        alias(FACTORS, "factors");
        alias(METRICS, "metrics", "evaluation metrics", "metric", "evaluation metric");
        alias(RESULTS, "results", "evaluation results", "eval results", "training results", "performance",
                "benchmarks", "benchmark", "benchmark results", "model performance", "validation metrics", "scores",
                "test results", "evaluation result", "quantitative analyses", "experimental results",
                "leaderboard", "open llm leaderboard evaluation results", "evaluation performance", "result",
                "training logs", "accuracy");
        alias(SUMMARY, "results summary", "summary of results", "summary");
        alias(MODEL_EXAMINATION, "model examination", "interpretability", "explainability");
        alias(ENVIRONMENTAL_IMPACT, "environmental impact", "carbon emissions", "co2 emissions", "carbon footprint",
                "co2 emission", "carbon emission");
        alias(TECHNICAL_SPECIFICATIONS, "technical specifications", "technical specification", "technical details",
                "technical specs", "specifications", "model specifications", "model specs");
        alias(MODEL_ARCHITECTURE_AND_OBJECTIVE, "model architecture and objective", "model architecture",
                "architecture", "full model architecture", "architecture and training", "objective",
                "model objective", "training objective", "architecture and objective");
        alias(COMPUTE_INFRASTRUCTURE, "compute infrastructure", "infrastructure", "compute", "hardware and software",
                "training infrastructure", "compute resources");
        alias(HARDWARE, "hardware", "training hardware");
        alias(SOFTWARE, "software", "framework versions", "framework version", "software dependencies",
                "dependencies");
        alias(CITATION, "citation", "citations", "citation information", "bibtex entry and citation info", "bibtex",
                "bibtex citation", "how to cite", "cite", "citing", "citing and authors", "citation info",
                "cite this model", "cite us", "apa", "citation bibtex", "citing espnet");
        alias(GLOSSARY, "glossary", "terminology");
        alias(MORE_INFORMATION, "more information", "more info", "additional information", "further information",
                "other information", "more details", "further reading", "see also");
        alias(MODEL_CARD_AUTHORS, "model card authors", "model card author", "authors", "author", "contributors",
                "model card authors and contact");
        alias(MODEL_CARD_CONTACT, "model card contact", "contact", "contacts", "contact information", "contact info",
                "contact us", "questions", "feedback", "reporting issues", "support", "questions and feedback");
    }

    private void alias(CanonicalSection section, String... names) {
        for (String name : names) {
            CanonicalSection previous = aliases.put(name, section);
            if (previous != null) {
                throw new IllegalStateException("alias '" + name + "' given twice: " + previous + ", " + section);
            }
        }
    }

    /**
     * @param title   the heading's plain text
     * @param context the canonical section of the nearest enclosing heading that has one, or null
     */
    CanonicalSection classify(String title, CanonicalSection context) {
        Mapping m = cache.get(title);
        if (m == null) {
            m = map(title);
            if (cache.size() < CACHE_LIMIT) {
                cache.putIfAbsent(title, m);
            }
        }
        return m.section == null ? null : m.contextual ? inContext(m.section, context) : m.section;
    }

    /** The context-free mapping of a title, and whether context may change it. */
    private record Mapping(CanonicalSection section, boolean contextual) {
    }

    private Mapping map(String title) {
        String key = normalize(title);
        if (key.isEmpty()) {
            return new Mapping(null, false);
        }
        CanonicalSection found = aliases.get(key);
        if (found == null) {
            String bare = normalize(withoutGroups(title));
            if (!bare.isEmpty()) {
                found = aliases.get(bare);
            }
        }
        if (found == null && !unmapped.matches(key)) {
            for (Rule rule : rules) {
                if (rule.matches(key)) {
                    found = rule.section;
                    break;
                }
            }
        }
        return new Mapping(found, found != null && CONTEXTUAL.contains(key));
    }

    /** Titles too short to say which part of the template they belong to without their context. */
    private static final Set<String> CONTEXTUAL = Set.of("summary", "data", "dataset", "datasets", "dataset used",
            "data used", "corpus");

    /**
     * Titles whose meaning depends on where they stand: a "Summary" under the results is the
     * template's results summary, elsewhere a summary of the model; a bare "Dataset" under the
     * evaluation is the testing data, elsewhere the training data.
     */
    private static CanonicalSection inContext(CanonicalSection found, CanonicalSection context) {
        boolean underEvaluation = within(context, EVALUATION);
        if (found == SUMMARY && !underEvaluation) {
            return MODEL_DESCRIPTION;
        }
        if (found == TRAINING_DATA && underEvaluation) {
            return TESTING_DATA;
        }
        return found;
    }

    private static boolean within(CanonicalSection section, CanonicalSection ancestor) {
        for (CanonicalSection s = section; s != null; s = s.parent()) {
            if (s == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The title without parenthesised or bracketed qualifiers: "Usage (Sentence-Transformers)" is "Usage". */
    static String withoutGroups(String title) {
        StringBuilder sb = new StringBuilder(title.length());
        int depth = 0;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Lower case, "[optional]" dropped, {@code &} and {@code +} as "and", apostrophes dropped, every
     * other non-alphanumeric character (markup, punctuation, emoji) a space, leading section numbers
     * dropped, and, when the title also has Latin words, words in other scripts dropped (bilingual
     * titles such as "简介 Brief Introduction").
     */
    static String normalize(String title) {
        String s = title.toLowerCase(Locale.ROOT);
        if (s.indexOf("optional") >= 0) {
            s = s.replace("[optional]", " ").replace("(optional)", " ");
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        boolean anyNonLatin = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 ? (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') : Character.isLetterOrDigit(cp)) {
                sb.appendCodePoint(cp);
                anyNonLatin |= cp >= 128 && !isLatin(cp);
            } else if (cp == '\'' || cp == '\u2019' || cp == '`') {
                // "what's" reads as "whats"
            } else if (cp == '&' || cp == '+') {
                sb.append(" and ");
            } else {
                sb.append(' ');
            }
        }
        // Words, with leading numbers dropped and, in a bilingual title, the non-Latin words.
        boolean anyLatin = !anyNonLatin || hasLatinWord(sb);
        StringBuilder out = new StringBuilder(sb.length());
        boolean leading = true;
        int n = sb.length();
        int i = 0;
        while (i < n) {
            while (i < n && sb.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && sb.charAt(i) != ' ') {
                i++;
            }
            if (start == i) {
                break;
            }
            if (anyNonLatin && anyLatin && !isLatinWord(sb, start, i)) {
                continue;
            }
            if (leading && (isNumber(sb, start, i) || isRomanNumeral(sb, start, i))) {
                continue;
            }
            leading = false;
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(sb, start, i);
        }
        // A title that is only a number ("2023") keeps it rather than becoming empty.
        return out.isEmpty() ? sb.toString().trim().replaceAll(" +", " ") : out.toString();
    }

    private static boolean isLatin(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON;
    }

    private static boolean hasLatinWord(CharSequence s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            if (start < i && isLatinWord(s, start, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinWord(CharSequence s, int from, int to) {
        for (int i = from; i < to; ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (cp >= 128 && !isLatin(cp)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(CharSequence w, int from, int to) {
        for (int i = from; i < to; i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isRomanNumeral(CharSequence s, int from, int to) {
        return switch (s.subSequence(from, to).toString()) {
            case "i", "ii", "iii", "iv", "vi", "vii", "viii", "ix" -> true;
            default -> false;
        };
    }

    private record Rule(CanonicalSection section, String... phrases) {
        boolean matches(String key) {
            for (String p : phrases) {
                int at = key.indexOf(p);
                while (at >= 0) {
                    if (at == 0 || key.charAt(at - 1) == ' ') {
                        return true;
                    }
                    at = key.indexOf(p, at + 1);
                }
            }
            return false;
        }
    }
}
