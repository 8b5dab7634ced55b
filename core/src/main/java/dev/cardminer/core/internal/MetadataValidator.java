package dev.cardminer.core.internal;

import dev.cardminer.core.Link;
import dev.cardminer.core.MetadataKeys;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.Vocabularies;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks the documented keys of a metadata block (../shared/vocab/metadata-keys.md) against the
 * types and vocabularies the Hub expects. One problem per offending value, at the value's line;
 * unknown keys are not checked. The keys and their kinds are {@link MetadataKeys}'s; {@code model-index} is
 * {@link ModelIndexReader}'s.
 */
final class MetadataValidator {

    private static final Set<String> RELATIONS = Set.of("adapter", "merge", "quantized", "finetune");
    private static final Set<String> GATED_FIELD_TYPES = Set.of("text", "checkbox", "date_picker", "country",
            "ip_location");

    private final Vocabularies vocabularies;
    /** English language names, lower case, to their ISO 639-1 codes; made on the first unknown language. */
    private volatile Map<String, String> languageNames;

    MetadataValidator(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    void validate(Map<String, Object> m, ValueProblems out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue; // an empty value is no value, for the Hub as for the Python client
            }
            switch (key) {
                case "language" -> {
                    if (stringOrList(key, v, out)) {
                        eachString(key, v, out, (s, path) -> language(s, out, path));
                    }
                }
                case "license" -> {
                    if (isString(key, v, out)) {
                        vocabulary((String) v, vocabularies.licenses(), ProblemCodes.UNKNOWN_LICENSE, "licence id", out, key);
                    }
                }
                case "library_name" -> {
                    if (isString(key, v, out)) {
                        vocabulary((String) v, vocabularies.libraries(), ProblemCodes.UNKNOWN_LIBRARY, "library", out, key);
                    }
                }
                case "pipeline_tag" -> {
                    if (isString(key, v, out)) {
                        vocabulary((String) v, vocabularies.pipelineTags(), ProblemCodes.UNKNOWN_PIPELINE_TAG, "pipeline tag",
                                out, key);
                    }
                }
                case "tags", "metrics" -> {
                    if (stringOrList(key, v, out)) {
                        eachString(key, v, out, (s, path) -> { });
                    }
                }
                case "datasets" -> {
                    if (stringOrList(key, v, out)) {
                        eachString(key, v, out, (s, path) -> repoId(s, ProblemCodes.INVALID_DATASET_ID, out, path));
                    }
                }
                case "base_model" -> {
                    if (stringOrList(key, v, out)) {
                        eachString(key, v, out, (s, path) -> repoId(s, ProblemCodes.INVALID_MODEL_ID, out, path));
                    }
                }
                case "new_version" -> {
                    if (isString(key, v, out)) {
                        repoId((String) v, ProblemCodes.INVALID_MODEL_ID, out, new Object[]{key});
                    }
                }
                case "base_model_relation" -> {
                    if (isString(key, v, out) && !RELATIONS.contains(v)) {
                        out.warning(ProblemCodes.UNKNOWN_BASE_MODEL_RELATION, "base_model_relation " + ValueProblems.describe(v)
                                + " is none of adapter, merge, quantized, finetune", key);
                    }
                }
                case "widget" -> widget(v, out);
                case "inference" -> inference(v, out);
                case "co2_eq_emissions" -> co2(v, out);
                case "extra_gated_fields" -> gatedFields(v, out);
                case "extra_gated_eu_disallowed" -> {
                    if (!(v instanceof Boolean)) {
                        typeProblem(key, v, "true or false", out, key);
                    }
                }
                default -> {
                    // the one-string keys without a check of their own; MetadataKeys is the one list of the Hub's keys
                    if (MetadataKeys.kind(key) == MetadataKeys.Kind.SINGLE) {
                        isString(key, v, out);
                    }
                }
            }
        }
        if ("other".equals(m.get("license"))) {
            boolean name = m.get("license_name") != null;
            boolean link = m.get("license_link") != null;
            if (!name || !link) {
                out.warning(ProblemCodes.LICENSE_OTHER_INCOMPLETE, "license: other needs "
                        + (!name && !link ? "license_name and license_link" : !name ? "license_name" : "license_link")
                        + " to say which licence applies", "license");
            }
        }
    }

    // ---- value kinds

    private interface StringCheck {
        void check(String value, Object[] path);
    }

    private static boolean isString(String key, Object v, ValueProblems out) {
        if (v instanceof String) {
            return true;
        }
        typeProblem(key, v, "a string", out, key);
        return false;
    }

    private static boolean stringOrList(String key, Object v, ValueProblems out) {
        if (v instanceof Map) {
            typeProblem(key, v, "a string or a list of strings", out, key);
            return false;
        }
        return true;
    }

    /** Runs the check on each string of a string-or-list value; other items are type problems. */
    private static void eachString(String key, Object v, ValueProblems out, StringCheck check) {
        if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                if (item instanceof String s) {
                    check.check(s, new Object[]{key, i});
                } else {
                    typeProblem(key + "[" + i + "]", item, "a string", out, key, i);
                }
            }
        } else if (v instanceof String s) {
            check.check(s, new Object[]{key});
        } else {
            typeProblem(key, v, "a string or a list of strings", out, key);
        }
    }

    private static void typeProblem(String name, Object v, String expected, ValueProblems out, Object... path) {
        out.warning(ProblemCodes.INVALID_TYPE, name + " should be " + expected + ", but it is " + ValueProblems.describe(v)
                + (v instanceof Number || v instanceof Boolean ? "; quote it if it is meant as text" : ""), path);
    }

    // ---- value checks

    private void language(String code, ValueProblems out, Object[] path) {
        if (vocabularies.languages().contains(code)) {
            return;
        }
        String name = ValueProblems.format(path);
        String lower = code.toLowerCase(Locale.ROOT);
        String hint;
        int sep = Math.max(code.indexOf('-'), code.indexOf('_'));
        if (!lower.equals(code) && vocabularies.languages().contains(lower)) {
            hint = "; ISO 639 codes are lower case: " + MessageValues.quote(lower);
        } else if (sep > 0 && vocabularies.languages().contains(lower.substring(0, sep))) {
            hint = "; it looks like a BCP 47 tag: use " + MessageValues.quote(lower.substring(0, sep))
                    + " here and put the full tag in language_bcp47";
        } else if (languageNames().containsKey(lower.strip())) {
            hint = "; it is the language's name: did you mean '" + languageNames().get(lower.strip()) + "'?";
        } else {
            hint = "";
        }
        out.warning(ProblemCodes.UNKNOWN_LANGUAGE, name + " " + MessageValues.quote(code) + " is not an ISO 639-1, 639-2 or 639-3 code" + hint,
                path);
    }

    /**
     * The JDK's English names of the ISO 639-1 languages the vocabulary has ("english" to "en"): people write the
     * name where the Hub wants the code.
     */
    private Map<String, String> languageNames() {
        Map<String, String> names = languageNames;
        if (names == null) {
            Map<String, String> made = new HashMap<>();
            for (String iso : Locale.getISOLanguages()) {
                if (iso.length() == 2 && vocabularies.languages().contains(iso)) {
                    String name = Locale.forLanguageTag(iso).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
                    if (!name.isEmpty() && !name.equals(iso)) {
                        made.putIfAbsent(name, iso);
                    }
                }
            }
            names = Map.copyOf(made);
            languageNames = names;
        }
        return names;
    }

    private static void vocabulary(String value, Set<String> known, String code, String what, ValueProblems out,
                                   String key) {
        if (known.contains(value)) {
            return;
        }
        String hint = "";
        String spelt = spelling(value);
        for (String k : known) {
            if (sameSpelling(k, spelt)) {
                hint = "; did you mean '" + k + "'?";
                break;
            }
        }
        if (hint.isEmpty()) {
            String meant = sameStems(spelt, known);
            hint = meant == null ? "" : "; did you mean '" + meant + "'?";
        }
        out.warning(code, key + " " + MessageValues.quote(value) + " is not a " + what + " the Hub knows" + hint, key);
    }

    /**
     * The one vocabulary id whose words are the value's words with other endings ("text-classifier" for
     * {@code text-classification}, "summarizer", "transformer"), or null when none or several are. Words are
     * split at '-'; two words match when equal, or when they share a beginning of five letters or more and seven
     * tenths of the shorter word and differ only in a common English ending ({@link #ENDINGS}: "-er" for "-ation",
     * "-or" for "-ion", a plural "s"), so that "transformer" is not "translation", "tensorflow" not "tensorrt" nor
     * "tensorflowtts", "llama5" not "llama2".
     */
    private static String sameStems(String spelt, Set<String> known) {
        String[] words = spelt.split("-", -1);
        String found = null;
        for (String k : known) {
            String[] kw = spelling(k).split("-", -1);
            if (kw.length != words.length || !sameStemEach(words, kw)) {
                continue;
            }
            if (found != null) {
                return null;   // two ids fit: guessing between them would mislead
            }
            found = k;
        }
        return found;
    }

    /** Endings that change a word's form, not its meaning, as the vocabulary ids and their misspellings differ. */
    private static final Set<String> ENDINGS = Set.of("", "s", "es", "e", "er", "ers", "or", "ors", "zer", "ion",
            "ions", "tion", "ation", "ations", "cation", "cations", "ing", "ed");

    private static boolean sameStemEach(String[] a, String[] b) {
        boolean changed = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(b[i])) {
                continue;
            }
            int shorter = Math.min(a[i].length(), b[i].length());
            int common = 0;
            while (common < shorter && a[i].charAt(common) == b[i].charAt(common)) {
                common++;
            }
            String restA = a[i].substring(common);
            String restB = b[i].substring(common);
            if (common < 5 || common * 10 < shorter * 7 || !ENDINGS.contains(restA) || !ENDINGS.contains(restB)) {
                return false;
            }
            changed = true;
        }
        return changed;
    }

    /** A vocabulary value as people mistype it: case, and '_' or ' ' for '-' ({@code text_classification}, {@code Apache 2.0}). */
    private static String spelling(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    }

    /**
     * {@code spelling(k).equals(spelt)} without making k's spelling: every unknown value is compared with the whole
     * vocabulary, and the vocabularies are ASCII ids; any other k takes the long way.
     */
    private static boolean sameSpelling(String k, String spelt) {
        int n = k.length();
        if (n == 0 || k.charAt(0) == ' ' || k.charAt(n - 1) == ' ') {
            return spelling(k).equals(spelt);
        }
        boolean sameLength = n == spelt.length();
        for (int i = 0; i < n; i++) {
            char c = k.charAt(i);
            if (c >= 0x7f || c < ' ') {
                return spelling(k).equals(spelt);   // strip or toLowerCase may change its length
            }
            char s = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '_' || c == ' ' ? '-' : c;
            if (sameLength && s != spelt.charAt(i)) {
                sameLength = false;
            }
        }
        return sameLength;
    }

    private static void repoId(String id, String code, ValueProblems out, Object[] path) {
        String why = HubIds.problem(id);
        if (why != null) {
            out.warning(code, ValueProblems.format(path) + " " + MessageValues.quote(id) + " " + why + idInUrl(id, code), path);
        }
    }

    /** For a Hub page's URL given as an id, the id to write instead ({@code ; write 'org/name'}); else "". */
    private static String idInUrl(String value, String code) {
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            return "";
        }
        Link.Kind kind = code.equals(ProblemCodes.INVALID_DATASET_ID) ? Link.Kind.DATASET : Link.Kind.MODEL;
        // the body's link reader knows the Hub's URL forms (datasets/, /tree/main, hf.co, legacy names)
        for (Link link : new LinkExtractor().extract(value, new LineIndex(value), 0)) {
            if (link.kind() == kind && HubIds.problem(link.target()) == null) {
                return "; write " + MessageValues.quote(link.target());
            }
        }
        return "";
    }

    private static void widget(Object v, ValueProblems out) {
        if (v instanceof Map<?, ?> m && m.get("structuredData") instanceof Map) {
            return; // the tabular widget of skops cards
        }
        if (!(v instanceof List<?> list)) {
            typeProblem("widget", v, "a list of examples (or {structuredData: ...} for tables)", out, "widget");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map)) {
                typeProblem("widget[" + i + "]", list.get(i), "a mapping (text or src, example_title, ...)", out,
                        "widget", i);
            }
        }
    }

    private static void inference(Object v, ValueProblems out) {
        if (v instanceof Boolean) {
            return;
        }
        if (!(v instanceof Map<?, ?> m)) {
            typeProblem("inference", v, "true, false or a mapping with parameters", out, "inference");
        } else if (m.get("parameters") != null && !(m.get("parameters") instanceof Map)) {
            typeProblem("inference.parameters", m.get("parameters"), "a mapping", out, "inference", "parameters");
        }
    }

    private static void co2(Object v, ValueProblems out) {
        if (v instanceof Number) {
            return;
        }
        if (!(v instanceof Map<?, ?> m)) {
            typeProblem("co2_eq_emissions", v, "a number (grams) or a mapping", out, "co2_eq_emissions");
        } else if (m.get("emissions") != null && !(m.get("emissions") instanceof Number)) {
            typeProblem("co2_eq_emissions.emissions", m.get("emissions"), "a number (grams)", out,
                    "co2_eq_emissions", "emissions");
        }
    }

    private static void gatedFields(Object v, ValueProblems out) {
        if (!(v instanceof Map<?, ?> m)) {
            typeProblem("extra_gated_fields", v, "a mapping of labels to field types", out, "extra_gated_fields");
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object type = e.getValue();
            String label = String.valueOf(e.getKey());
            if (type instanceof String s && GATED_FIELD_TYPES.contains(s)) {
                continue;
            }
            if (type instanceof Map<?, ?> select && "select".equals(select.get("type"))
                    && select.get("options") instanceof List) {
                continue;
            }
            if (type instanceof Map<?, ?> other && other.get("type") instanceof String s
                    && GATED_FIELD_TYPES.contains(s)) {
                continue;
            }
            out.warning(ProblemCodes.INVALID_GATED_FIELD, "extra_gated_fields " + MessageValues.quote(String.valueOf(label)) + " is "
                    + ValueProblems.describe(type) + "; the Hub expects text, checkbox, date_picker, country,"
                    + " ip_location or {type: select, options: [...]}", "extra_gated_fields", label);
        }
    }
}
