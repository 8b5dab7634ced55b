package dev.cardminer.annotate;

import dev.cardminer.annotate.internal.Gazetteers;
import dev.cardminer.annotate.internal.PhraseMatcher;
import dev.cardminer.annotate.internal.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline, deterministic annotator ({@code rules}): gazetteers (architectures, metrics with
 * synonyms, hardware, organizations, software, libraries, tasks, languages, licenses, datasets) found
 * with a token trie, the corpus's own model ids and dataset names, and patterns for what gazetteers
 * cannot list: hyperparameters with their values, software versions, arXiv papers, quantities.
 * Thread-safe once built.
 */
public final class RuleAnnotator implements Annotator {

    /** The annotator's {@link #name()}, under which its annotations are stored. */
    public static final String NAME = "rules";

    /** A Hub id without the context rules around it: also valid RE2 (see {@link #knownNamesFilter}). */
    private static final String HUB_ID_CORE = "[A-Za-z0-9][\\w.-]*/[\\w.-]*[A-Za-z0-9]";
    private static final Pattern HUB_ID = Pattern.compile("(?<![\\w./@-])(" + HUB_ID_CORE + ")(?![\\w/-])");
    private static final Pattern VERSION_AFTER = Pattern.compile(
            "\\G\\s*(?:v|version\\s*|==\\s*)?(\\d+(?:\\.\\d+)+(?:[+-]?[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)*)?)(?![\\w.])");
    // possessive: the blanks before and after the optional word could be split between the two runs in every way
    // (quadratic on a hyperparameter's name followed by blanks: 3.9 s at 16,000); what follows each run cannot be a blank
    private static final Pattern NUMBER_AFTER = Pattern.compile(
            "\\G\\s*+(?:[:=]|:=|\\bof\\b|\\bis\\b|\\bwas\\b|\\bset to\\b|\\bto\\b)?\\s*+"
                    + "([-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d+)?%?)(?![\\w.])");
    private static final Pattern WORD_AFTER = Pattern.compile(
            "\\G\\s*[:=]\\s*(\\([^)]{1,40}\\)|[A-Za-z][\\w.-]*(?:\\s+[A-Z][\\w.-]*)?)");
    private static final Pattern ARXIV = Pattern.compile(
            "(?i)\\barXiv\\s*(?::|\\.org/abs/|\\s)\\s*(\\d{4}\\.\\d{4,5}(?:v\\d+)?)\\b");
    private static final Pattern CITATION = Pattern.compile(
            "\\b\\p{Lu}[\\p{L}'-]+(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}'-]+)?\\s+et\\s+al\\.?,?\\s*\\(?(?:19|20)\\d{2}[a-z]?\\)?");
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\w.])\\d+(?:[.,]\\d+)*\\s?(?:[kKMBT]|billion|million|thousand|bn)?\\s?"
                    + "(?:parameters|params|tokens|GB|MB|TB|GiB|MiB|KB|hours|hrs|minutes|mins|seconds|secs|ms|days|weeks|"
                    + "epochs|steps|images|samples|examples|sentences|words|languages|GPUs|TPUs|kg|kWh|gCO2eq|kgCO2eq|"
                    + "tCO2eq|CO2eq|%|px|pixels|kHz|Hz|layers|heads|dimensions|classes|labels|speakers|utterances|"
                    + "documents|pairs|queries|files|characters|chars)(?![\\w])");
    private static final Pattern MODEL_SIZE = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?\\s?[BMK](?![\\w])");
    private static final Pattern NAMED_DATASET = Pattern.compile(
            "\\bthe\\s+([\\w][\\w./-]*[\\w])\\s+dataset\\b");
    private static final Set<String> NOT_A_DATASET_NAME = Set.of("none", "same", "following", "custom", "above", "this",
            "that", "whole", "full", "entire", "original", "new", "training", "train", "test", "testing", "validation",
            "evaluation", "eval", "private", "own", "public", "given", "specified", "unknown", "above-mentioned",
            "aforementioned", "large", "small", "base", "target", "source", "benchmark", "final", "raw", "internal",
            "proprietary", "curated", "combined", "mixed", "cleaned", "filtered", "processed", "generated");
    private static final Set<String> JUNK_DATASET_VALUES = Set.of("none", "custom", "private", "data", "dataset",
            "datasets", "other", "unknown", "train", "test", "null", "n/a", "na", "internal", "proprietary");

    private final Gazetteers gazetteers;
    private final KnownNames known;

    /** A rules annotator with the bundled gazetteers only. */
    public RuleAnnotator() {
        this(KnownNames.none());
    }

    /** A rules annotator that also knows the corpus's model ids and dataset names. */
    public RuleAnnotator(KnownNames known) {
        this.known = known;
        this.gazetteers = Gazetteers.bundled();
        for (String name : known.datasets()) {
            if (isDatasetPhrase(name)) {
                gazetteers.add(name, "dataset", false);
            }
        }
    }

    /** A corpus dataset name the gazetteers gain: bare (no org), not a placeholder, distinctive enough. */
    private static boolean isDatasetPhrase(String name) {
        return name.indexOf('/') < 0 && !JUNK_DATASET_VALUES.contains(name) && name.length() >= 4
                && (name.matches(".*[0-9_-].*") || name.length() >= 8);
    }

    /**
     * A regular expression, in the syntax Java and RE2 (DuckDB's {@code regexp_matches}) share, that every
     * sentence matches whose annotations with these known names may differ from its annotations by
     * {@code new RuleAnnotator()}: one with a Hub id (the corpus's models and datasets label those), or with
     * the tokens of a corpus dataset name the gazetteers gain. A sentence that does not match is annotated
     * the same either way, so sentences annotated before the corpus was known need another look only where
     * it matches. It may match more; never less.
     */
    public static String knownNamesFilter(KnownNames known) {
        return "(?i)(?:" + String.join("|", knownNamesAlternatives(known)) + ")";
    }

    /**
     * The alternatives of {@link #knownNamesFilter}, the Hub id first: a sentence matches the filter when it
     * matches {@code (?i)} with any of them, so they can be matched in several smaller patterns (RE2 refuses
     * a pattern past its memory limit, as one with the dataset names of the whole Hub can be).
     */
    public static List<String> knownNamesAlternatives(KnownNames known) {
        List<String> out = new ArrayList<>();
        out.add(HUB_ID_CORE);
        for (String name : new TreeSet<>(known.datasets())) {
            if (!isDatasetPhrase(name)) {
                continue;
            }
            Tokens tokens = new Tokens(name);
            if (tokens.size() == 0) {
                continue;
            }
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0 && tokens.spaceBefore(i)) {
                    // Only whitespace stands between such tokens in the text (anything else is a token).
                    re.append("[^A-Za-z0-9]*");
                }
                tokens.text(i).codePoints().forEach(cp -> {
                    if (cp < 128 && Character.isLetterOrDigit(cp)) {
                        re.appendCodePoint(cp);
                    } else {
                        re.append("\\x{").append(Integer.toHexString(cp)).append('}');
                    }
                });
            }
            out.add(re.toString());
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Pure and CPU-bound: a batch may be annotated in parts on all cores. */
    @Override
    public boolean cpuBound() {
        return true;
    }

    @Override
    public List<Annotation> annotate(List<Sentence> sentences) {
        List<Annotation> out = new ArrayList<>();
        for (Sentence s : sentences) {
            for (Candidate c : candidates(s.text())) {
                out.add(new Annotation(c.subject, c.category, c.description, s.cardId(), s.index(), c.start, c.end,
                        NAME));
            }
        }
        return out;
    }

    /** A labelled span before overlap resolution. Composite spans (versions) may overlap others. */
    private record Candidate(int start, int end, String subject, String category, String description,
                             boolean composite) {
    }

    private static final Comparator<Candidate> BY_START_LONGEST_FIRST = Comparator.comparingInt(Candidate::start)
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.end - c.start).reversed());

    private List<Candidate> candidates(String text) {
        List<Candidate> all = new ArrayList<>();
        hubIds(text, all);
        Tokens tokens = new Tokens(text);
        for (PhraseMatcher.Match m : gazetteers.matcher().find(text, tokens)) {
            phrase(text, tokens, m, all);
        }
        patterns(text, all);
        all.sort(BY_START_LONGEST_FIRST);
        List<Candidate> kept = new ArrayList<>();
        int coveredUntil = -1;
        for (Candidate c : all) {
            if (c.composite) {
                kept.add(c);
            } else if (c.start >= coveredUntil) {
                kept.add(c);
                coveredUntil = c.end;
            } else if (c.start == kept.getLast().start && c.end == kept.getLast().end
                    && !c.category.equals(kept.getLast().category)) {
                kept.add(c); // one span, two gazetteers (PEFT: library and model modification)
            }
        }
        return kept;
    }

    private void hubIds(String text, List<Candidate> out) {
        if (text.indexOf('/') < 0) {
            return;   // most sentences: no capturing lambda made for them
        }
        forEachHubId(text, (id, start, end) -> {
            String category = null;
            String description = null;
            if (known.isDataset(id)) {
                category = "dataset";
                description = "a dataset of the corpus metadata";
            } else if (known.isModel(id)) {
                category = "model";
                description = "a model id of the corpus";
            } else if (id.indexOf('/') == id.lastIndexOf('/')) {
                String org = id.substring(0, id.indexOf('/')).toLowerCase(Locale.ROOT);
                if (gazetteers.organizationIds().contains(org) || namesArchitecture(id.substring(id.indexOf('/') + 1))) {
                    category = "model";
                    description = "a Hub model id";
                }
            }
            if (category != null) {
                out.add(new Candidate(start, end, id, category, description, false));
            }
        });
    }

    /**
     * The Hub ids of a text that the rules look up in the corpus's names, lower-cased as {@link KnownNames} compares
     * them: of the corpus's model ids and dataset names, only these (and the dataset names the gazetteers gain, see
     * {@link #knownNamesAlternatives}) can change the text's annotations. Empty for most texts (no '/').
     */
    public static Set<String> hubIds(String text) {
        if (text.indexOf('/') < 0) {
            return Set.of();
        }
        // most sentences with a '/' have no Hub id or one (a URL, one id): a TreeSet only for two or more
        final class Found {
            String first;
            Set<String> more;
        }
        Found f = new Found();
        forEachHubId(text, (id, start, end) -> {
            String lower = id.toLowerCase(Locale.ROOT);
            if (f.more != null) {
                f.more.add(lower);
            } else if (f.first == null) {
                f.first = lower;
            } else if (!f.first.equals(lower)) {
                f.more = new TreeSet<>(List.of(f.first, lower));
            }
        });
        return f.more != null ? f.more : f.first != null ? Set.of(f.first) : Set.of();
    }

    /** A Hub id found in a text, with its span. */
    private interface HubIdFound {
        void found(String id, int start, int end);
    }

    private static void forEachHubId(String text, HubIdFound found) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return;
        }
        // find(), tried only where a match can start: a match has its first '/' after a run of [\w.-] that it
        // starts (its lookbehind wants the run's first char), so only the start of the run before a '/' can start
        // one, and the pattern is tried there instead of at every char.
        Matcher m = HUB_ID.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (; slash >= 0; slash = text.indexOf('/', Math.max(slash + 1, from))) {
            int at = slash;
            while (at > from && isWordDotDash(text.charAt(at - 1))) {
                at--;
            }
            if (at == slash || !m.region(at, text.length()).lookingAt()) {
                continue;
            }
            from = m.end();
            found.found(m.group(1), m.start(1), m.end(1));
        }
    }

    /** {@code [\\w.-]} of a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isWordDotDash(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private boolean namesArchitecture(String name) {
        Tokens t = new Tokens(name.toLowerCase(Locale.ROOT));
        for (int i = 0; i < t.size(); i++) {
            if (gazetteers.architectureTokens().contains(t.text(i))) {
                return true;
            }
        }
        return false;
    }

    private void phrase(String text, Tokens tokens, PhraseMatcher.Match m, List<Candidate> out) {
        for (PhraseMatcher.Entry e : m.entries()) {
            int end = m.end();
            String surface = text.substring(m.start(), end);
            String description = e.canonical().equals(surface) ? "" : e.canonical();
            Matcher version = versionCanFollow(text, end) ? VERSION_AFTER.matcher(text).region(end, text.length()) : null;
            boolean hasVersion = version != null && version.lookingAt();
            if (e.needsVersion() && !hasVersion) {
                continue;
            }
            switch (e.category()) {
                case "hyperparameter" -> {
                    Matcher number = NUMBER_AFTER.matcher(text).region(end, text.length());
                    Matcher word = WORD_AFTER.matcher(text).region(end, text.length());
                    if (number.lookingAt()) {
                        out.add(new Candidate(m.start(), end, surface, e.category(),
                                surface + " = " + number.group(1), false));
                        out.add(new Candidate(number.start(1), number.end(1), number.group(1), "numerical value",
                                "the value of " + surface, false));
                    } else if (word.lookingAt()) {
                        out.add(new Candidate(m.start(), end, surface, e.category(), surface + " = " + word.group(1),
                                false));
                    } else if (!e.needsValue()) {
                        out.add(new Candidate(m.start(), end, surface, e.category(), description, false));
                    }
                }
                case "metric" -> {
                    if (!readsAsMetric(text, tokens, m, e.canonical())) {
                        continue;
                    }
                    out.add(new Candidate(m.start(), end, surface, e.category(), description, false));
                    Matcher number = NUMBER_AFTER.matcher(text).region(end, text.length());
                    if (number.lookingAt()) {
                        out.add(new Candidate(number.start(1), number.end(1), number.group(1), "numerical value",
                                "the value of " + surface, false));
                    }
                }
                case "model" -> {
                    int extended = extendModelName(text, tokens, m.endToken());
                    out.add(new Candidate(m.start(), extended, text.substring(m.start(), extended), e.category(),
                            extended == end ? description : "", false));
                }
                default -> out.add(new Candidate(m.start(), end, surface, e.category(), description, false));
            }
            if (hasVersion && (e.category().equals("software") || e.category().equals("library"))) {
                int vEnd = version.end(1);
                out.add(new Candidate(m.start(), vEnd, text.substring(m.start(), vEnd), "software version",
                        e.canonical() + " version " + version.group(1), true));
            }
        }
    }

    /** Words before "precision" that make it numeric precision, not the metric ("float16 precision"). */
    private static final Set<String> NUMERIC_PRECISION = Set.of("half", "full", "mixed", "single", "double",
            "lower", "reduced", "numerical", "numeric", "floating", "point", "some", "bit", "fp16", "fp32",
            "fp8", "bf16", "float16", "float32", "bfloat16", "float64", "int8", "int4", "tf32");
    /** Number formats that, right after "precision" ("precision: fp16", "precision (bf16)"), say which is meant. */
    private static final Set<String> NUMBER_FORMATS = Set.of("fp16", "fp32", "fp8", "bf16", "float16", "float32",
            "bfloat16", "float64", "int8", "int4", "tf32", "16-bit", "32-bit", "8-bit", "4-bit");
    /** Words after "precision" that make it a number format: "precision training", "higher-precision formats". */
    private static final Set<String> NOT_METRIC_AFTER_PRECISION = Set.of("training", "inference", "format", "formats",
            "mode");
    /** "16bit", "4bit": written as one token. */
    private static final Pattern BITS = Pattern.compile("\\d+bits?");
    /** Words before "recall" that make it the verb. */
    private static final Set<String> RECALL_VERB = Set.of("we", "i", "you", "they", "may", "might", "can", "cannot",
            "could", "to", "not", "will", "would", "should", "users", "readers");

    /**
     * Context for metric names that are also ordinary words: "float16 precision" and "mixed precision"
     * are numeric formats, "we recall" is a verb, "a loss of detail" is no loss value.
     */
    private static boolean readsAsMetric(String text, Tokens tokens, PhraseMatcher.Match m, String canonical) {
        if (m.endToken() - m.firstToken() != 1) {
            return true;
        }
        String before = m.firstToken() > 0 ? tokens.text(m.firstToken() - 1).toLowerCase(Locale.ROOT) : "";
        String after = m.endToken() < tokens.size() ? tokens.text(m.endToken()).toLowerCase(Locale.ROOT) : "";
        return switch (canonical) {
            case "Precision" -> !NUMERIC_PRECISION.contains(joinedWordBefore(tokens, m.firstToken()))
                    && !BITS.matcher(before).matches() && !NOT_METRIC_AFTER_PRECISION.contains(after)
                    && !formatAfter(tokens, m.endToken());
            case "Recall" -> !RECALL_VERB.contains(before) && !after.equals("that");
            case "Loss" -> !(after.equals("of") && !NUMBER_AFTER.matcher(text).region(m.end(), text.length())
                    .lookingAt());
            default -> true;
        };
    }

    /**
     * The word before token {@code i}, looking through a hyphen or slash written without spaces: "half-precision" and
     * "fp16/bf16 precision" are number formats as "half precision" is.
     */
    private static String joinedWordBefore(Tokens tokens, int i) {
        int b = i - 1;
        if (b >= 1 && (tokens.text(b).equals("-") || tokens.text(b).equals("/")) && !tokens.spaceBefore(b)
                && !tokens.spaceBefore(i)) {
            b--;
        }
        return b >= 0 ? tokens.text(b).toLowerCase(Locale.ROOT) : "";
    }

    /** "precision: fp16", "precision = bf16", "precision (float16)": the setting, not the metric. */
    private static boolean formatAfter(Tokens tokens, int i) {
        int a = i;
        while (a < tokens.size() && a < i + 2 && (tokens.text(a).equals(":") || tokens.text(a).equals("=")
                || tokens.text(a).equals("("))) {
            a++;
        }
        if (a >= tokens.size()) {
            return false;
        }
        String word = tokens.text(a).toLowerCase(Locale.ROOT);
        int next = a + 1;
        if (a + 2 < tokens.size() && tokens.text(a + 1).equals("-") && !tokens.spaceBefore(a + 1)) {
            word = word + "-" + tokens.text(a + 2).toLowerCase(Locale.ROOT);   // "16-bit"
            next = a + 3;
        }
        return (NUMBER_FORMATS.contains(word) || BITS.matcher(word).matches()) && !scoreAt(tokens, next);
    }

    /** A score right after a format ("Precision (INT8): 0.905", "Precision 8bit 0.91"): the metric of that format. */
    private static boolean scoreAt(Tokens tokens, int i) {
        int j = i;
        while (j < tokens.size() && j < i + 2 && (tokens.text(j).equals(")") || tokens.text(j).equals(":")
                || tokens.text(j).equals("="))) {
            j++;
        }
        return j < tokens.size() && !tokens.text(j).isEmpty() && Character.isDigit(tokens.text(j).charAt(0));
    }

    /**
     * A known architecture at the head of a hyphenated name ("distilbert-base-uncased-finetuned-sst2") or
     * followed by a size ("Mistral 7B") names a model: the whole name is the subject.
     */
    private static int extendModelName(String text, Tokens tokens, int endToken) {
        int i = endToken;
        int end = tokens.end(endToken - 1);
        while (i + 1 < tokens.size() && !tokens.spaceBefore(i) && !tokens.spaceBefore(i + 1)
                && isJoint(tokens.text(i)) && tokens.isWord(i + 1)) {
            end = tokens.end(i + 1);
            i += 2;
        }
        if (i < tokens.size() && tokens.isWord(i) && SIZE_TOKEN.matcher(tokens.text(i)).matches()) {
            end = tokens.end(i);
        } else if (i + 2 < tokens.size() && DIGITS.matcher(tokens.text(i)).matches() && tokens.text(i + 1).equals(".")
                && SIZE_AFTER_POINT.matcher(tokens.text(i + 2)).matches() && !tokens.spaceBefore(i + 1)) {
            end = tokens.end(i + 2);
        }
        return end;
    }

    private static final Pattern SIZE_TOKEN = Pattern.compile("\\d+(?:\\.\\d+)?[BbMm]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SIZE_AFTER_POINT = Pattern.compile("\\d+[BbMm]");

    private static boolean isJoint(String token) {
        return token.equals("-") || token.equals("_") || token.equals(".");
    }

    /**
     * The patterns, each tried only on a sentence that has what every match of it contains (a digit, "et al",
     * "arxiv", "dataset"): most sentences need none of them, and a cheap scan is much less than a regex search.
     */
    private void patterns(String text, List<Candidate> out) {
        Matcher m;
        if (containsArxiv(text)) {
            m = ARXIV.matcher(text);
            while (m.find()) {
                out.add(new Candidate(m.start(), m.end(), m.group(), "paper", "arXiv " + m.group(1), false));
            }
        }
        if (hasEtAl(text)) {
            m = CITATION.matcher(text);
            while (m.find()) {
                out.add(new Candidate(m.start(), m.end(), m.group(), "paper", "a citation", false));
            }
        }
        if (hasAsciiDigit(text)) {
            m = QUANTITY.matcher(text);
            for (int at = findAtNumber(m, text, 0); at >= 0; at = findAtNumber(m, text, at)) {
                out.add(new Candidate(m.start(), m.end(), m.group(), "quantity", "", false));
            }
            m = MODEL_SIZE.matcher(text);
            for (int at = findAtNumber(m, text, 0); at >= 0; at = findAtNumber(m, text, at)) {
                out.add(new Candidate(m.start(), m.end(), m.group(), "quantity", "a parameter count", false));
            }
        }
        if (!text.contains("dataset") || !text.contains("the")) {
            return;
        }
        m = NAMED_DATASET.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!NOT_A_DATASET_NAME.contains(name.toLowerCase(Locale.ROOT)) && !DIGITS.matcher(name).matches()) {
                out.add(new Candidate(m.start(1), m.end(1), name, "dataset", "named as a dataset", false));
            }
        }
    }

    /**
     * {@code m.find()} from {@code from} for a pattern that starts {@code (?<![\\w.])\\d}: tries it only where a
     * number starts (a digit after no word char or dot) instead of at every char, which was most of a
     * sentence's cost. Returns the match's end (where the next search starts, as with {@code find()}), -1 for none.
     */
    private static int findAtNumber(Matcher m, String text, int from) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            if (before == '.' || before == '_' || (before >= '0' && before <= '9') || (before >= 'a' && before <= 'z')
                    || (before >= 'A' && before <= 'Z')) {
                continue;
            }
            if (!unitCanFollow(text, i)) {
                continue;
            }
            m.region(i, text.length());
            if (m.lookingAt()) {
                return m.end();
            }
        }
        return -1;
    }

    /**
     * Whether a letter or '%' comes after the number at {@code i} (its run of digits, '.' and ','), past at most two
     * {@code \s}: what every match of {@link #QUANTITY} and {@link #MODEL_SIZE} has (their multipliers and units
     * start so; a shorter number leaves a digit, '.' or ',' next, which none of them takes). Most numbers (years,
     * table scores) fail it, and it costs far less than the patterns' alternations.
     */
    private static boolean unitCanFollow(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && ((text.charAt(j) >= '0' && text.charAt(j) <= '9') || text.charAt(j) == '.'
                || text.charAt(j) == ',')) {
            j++;
        }
        for (int spaces = 0; spaces < 2 && j < n && isRegexSpace(text.charAt(j)); spaces++) {
            j++;
        }
        if (j >= n) {
            return false;
        }
        char c = text.charAt(j);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
    }

    /**
     * Whether, past any {@code \s}, a 'v', '=' or digit comes at {@code end}: what every match of
     * {@link #VERSION_AFTER} there starts with (fewer spaces leave a space next, which it does not take).
     */
    private static boolean versionCanFollow(String text, int end) {
        int j = end;
        while (j < text.length() && isRegexSpace(text.charAt(j))) {
            j++;
        }
        if (j >= text.length()) {
            return false;
        }
        char c = text.charAt(j);
        return c == 'v' || c == '=' || (c >= '0' && c <= '9');
    }

    /** {@code \s} of a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean hasAsciiDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether "arxiv" is in the text ignoring case ({@link String#regionMatches(boolean, int, String, int, int)}):
     * looked for at its 'x', which only 'x' and 'X' equal ignoring case and which is rare in text, so the scan
     * for it is the JDK's ({@link String#indexOf(int, int)}) and few places are compared.
     */
    private static boolean containsArxiv(String text) {
        return containsArxivAt(text, 'x') || containsArxivAt(text, 'X');
    }

    private static boolean containsArxivAt(String text, char x) {
        for (int i = text.indexOf(x, 2); i >= 0; i = text.indexOf(x, i + 1)) {
            if (text.regionMatches(true, i - 2, "arxiv", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /** "et", some {@code \s}, "al": what every citation the pattern finds has. */
    private static boolean hasEtAl(String text) {
        for (int i = text.indexOf("et"); i >= 0; i = text.indexOf("et", i + 1)) {
            int k = i + 2;
            while (k < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(k)) >= 0) {
                k++;
            }
            if (k > i + 2 && text.startsWith("al", k)) {
                return true;
            }
        }
        return false;
    }
}
