package dev.cardminer.annotate;

import dev.cardminer.annotate.internal.Gazetteers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the surface variants of subjects and categories: case, wrapping quotes and backticks,
 * {@code _}/{@code -}/space, plurals, and the synonyms of the bundled gazetteers (the metric vocabulary:
 * f1 = F1 = 'f1' = "F1 score"; category synonyms: "numeric value" = "numerical value"). Pure: no I/O
 * after construction, thread-safe.
 */
public final class ConceptNormaliser {

    private static final Map<String, String> CATEGORY_SYNONYMS = Map.ofEntries(
            Map.entry("numeric value", "numerical value"), Map.entry("number", "numerical value"),
            Map.entry("numerical", "numerical value"), Map.entry("numeric", "numerical value"),
            Map.entry("numerical data", "numerical value"), Map.entry("value", "numerical value"),
            Map.entry("organisation", "organization"), Map.entry("company", "organization"),
            Map.entry("model architecture", "model"), Map.entry("model name", "model"),
            Map.entry("ml model", "model"), Map.entry("machine learning model", "model"),
            Map.entry("evaluation metric", "metric"), Map.entry("performance metric", "metric"),
            Map.entry("measure", "metric"), Map.entry("data set", "dataset"),
            Map.entry("software library", "library"), Map.entry("python library", "library"),
            Map.entry("framework", "software"), Map.entry("software framework", "software"),
            Map.entry("version", "software version"), Map.entry("library version", "software version"),
            Map.entry("hyper parameter", "hyperparameter"), Map.entry("training parameter", "hyperparameter"),
            Map.entry("parameter", "hyperparameter"), Map.entry("licence", "license"),
            Map.entry("research paper", "paper"), Map.entry("publication", "paper"));

    private static final Set<String> INVARIANT = Set.of("series", "species", "news", "lens",
            "physics", "mathematics", "statistics", "ethics", "linguistics", "robotics", "genomics", "analytics");

    /** Synonym key (see {@link #key}) to the canonical display form. */
    private final Map<String, String> synonyms = new HashMap<>();

    /** A normaliser with the synonyms of the bundled gazetteers. */
    public ConceptNormaliser() {
        Gazetteers g = Gazetteers.bundled();
        Map<String, String> ambiguous = new HashMap<>();
        for (String category : List.of("metric", "hyperparameter", "library", "software", "hardware", "license",
                "model modification", "optimizer")) {
            for (Map.Entry<String, String> e : g.canonicalForms(category).entrySet()) {
                String k = key(e.getKey());
                String previous = synonyms.putIfAbsent(k, e.getValue());
                if (previous != null && !key(previous).equals(key(e.getValue()))) {
                    ambiguous.put(k, previous);
                }
            }
        }
        ambiguous.keySet().forEach(synonyms::remove);
    }

    /** The merge key of a subject: equal keys are one concept. */
    public String subjectKey(String subject) {
        String k = key(subject);
        String canonical = synonyms.get(k);
        return canonical == null ? k : key(canonical);
    }

    /** The merge key of a category. */
    public String categoryKey(String category) {
        String spaced = spaced(category);
        String mapped = CATEGORY_SYNONYMS.get(spaced);
        return key(mapped == null ? spaced : mapped);
    }

    /** The canonical spelling of a subject when the gazetteers know one ("F1" for "f1 score"), else null. */
    public String canonicalSubject(String subject) {
        return synonyms.get(key(subject));
    }

    /** The canonical spelling of a category ("numerical value" for "Numeric values"). */
    public String canonicalCategory(String category) {
        String spaced = spaced(category);
        String mapped = CATEGORY_SYNONYMS.get(spaced);
        return mapped == null ? spaced : mapped;
    }

    /**
     * Merges raw counts into rows, most frequent first, each naming its raw forms (most frequent first).
     * The row's name is the canonical spelling when one is known, else its most frequent raw form.
     *
     * @param rawCounts raw form to count
     * @param category  true to merge categories, false for subjects
     * @param total     the denominator of the proportions (all annotations considered)
     * @param top       rows to return at most
     */
    public List<ConceptCount> merge(Map<String, Long> rawCounts, boolean category, long total, int top) {
        Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : rawCounts.entrySet()) {
            if (e.getKey() == null) {
                continue;
            }
            String k = category ? categoryKey(e.getKey()) : subjectKey(e.getKey());
            groups.computeIfAbsent(k, x -> new HashMap<>()).merge(e.getKey(), e.getValue(), Long::sum);
        }
        List<ConceptCount> rows = new ArrayList<>(groups.size());
        for (Map<String, Long> forms : groups.values()) {
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(forms.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            long n = sorted.stream().mapToLong(Map.Entry::getValue).sum();
            String first = sorted.getFirst().getKey();
            String canonical = category ? canonicalCategory(first) : canonicalSubject(first);
            String name = canonical != null ? canonical : category ? first.strip() : unwrap(first);
            rows.add(new ConceptCount(name, n, total == 0 ? 0 : 100.0 * n / total,
                    sorted.stream().map(Map.Entry::getKey).toList()));
        }
        rows.sort(Comparator.comparingLong(ConceptCount::count).reversed().thenComparing(ConceptCount::name));
        return rows.size() > top ? List.copyOf(rows.subList(0, top)) : rows;
    }

    /** How many merged keys these raw forms make. */
    public long distinct(Iterable<String> raw, boolean category) {
        Set<String> keys = new HashSet<>();
        for (String r : raw) {
            if (r != null) {
                keys.add(category ? categoryKey(r) : subjectKey(r));
            }
        }
        return keys.size();
    }

    /** Lower case, unwrapped, separators dropped, last word singular: "Training_Losses" and "training loss" agree. */
    static String key(String s) {
        String spaced = spaced(s);
        int space = spaced.lastIndexOf(' ');
        String last = singular(spaced.substring(space + 1));
        return (spaced.substring(0, space + 1) + last).replace(" ", "");
    }

    /** Lower case, unwrapped, {@code _}/{@code -}/whitespace runs as one space. */
    private static String spaced(String s) {
        return unwrap(s).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", " ").strip();
    }

    private static String unwrap(String s) {
        String t = s.strip();
        boolean changed = true;
        while (changed && !t.isEmpty()) {
            changed = false;
            if (t.length() >= 1 && "'\"`*“”‘’".indexOf(t.charAt(0)) >= 0) {
                t = t.substring(1).strip();
                changed = true;
            }
            if (!t.isEmpty() && "'\"`*“”‘’".indexOf(t.charAt(t.length() - 1)) >= 0) {
                t = t.substring(0, t.length() - 1).strip();
                changed = true;
            }
        }
        return t;
    }

    private static String singular(String w) {
        if (w.length() <= 3 || !w.chars().allMatch(Character::isLetter) || INVARIANT.contains(w)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && !w.endsWith("as")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
