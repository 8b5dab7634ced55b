package dev.cardminer.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata keys the Hub defines (../shared/vocab/metadata-keys.md) and the shape of their values: what
 * {@code edit --add} may turn into a list, and what {@code check} compares a misspelt key against.
 *
 * <pre>{@code
 * MetadataKeys.kind("license");          // Kind.SINGLE: one string
 * MetadataKeys.kind("tags");             // Kind.LIST: a string or a list of strings
 * MetadataKeys.didYouMean("licence");    // Optional["license"]
 * }</pre>
 */
public final class MetadataKeys {

    /** The shape of a key's value. */
    public enum Kind {
        /** One string (license, pipeline_tag, library_name, ...): never a list. */
        SINGLE,
        /** A string or a list of strings (tags, language, datasets, metrics, base_model). */
        LIST,
        /** Structured data (model-index, widget, inference, co2_eq_emissions, extra_gated_fields, ...). */
        STRUCTURED,
        /** A key the Hub does not define (kept as written, never checked). */
        UNKNOWN
    }

    private static final Map<String, Kind> KEYS = keys();

    /**
     * Spellings seen for a Hub key that edit distance alone does not reach, or that a distance of two would reach
     * only with false alarms: the key each one means.
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("licence", "license"), Map.entry("licences", "license"), Map.entry("licenses", "license"),
            Map.entry("lisence", "license"), Map.entry("licence_name", "license_name"),
            Map.entry("licence_link", "license_link"), Map.entry("lang", "language"), Map.entry("languages", "language"),
            Map.entry("library", "library_name"), Map.entry("pipeline", "pipeline_tag"),
            Map.entry("basemodel", "base_model"), Map.entry("base_models", "base_model"),
            Map.entry("dataset", "datasets"), Map.entry("metric", "metrics"), Map.entry("tag", "tags"),
            Map.entry("modelindex", "model-index"));

    private MetadataKeys() {
    }

    private static Map<String, Kind> keys() {
        Map<String, Kind> k = new LinkedHashMap<>();
        for (String s : new String[] {"license", "license_name", "license_link", "library_name", "pipeline_tag",
                "base_model_relation", "new_version", "thumbnail", "extra_gated_prompt", "extra_gated_heading",
                "extra_gated_description", "extra_gated_button_content"}) {
            k.put(s, Kind.SINGLE);
        }
        for (String s : new String[] {"language", "tags", "datasets", "metrics", "base_model"}) {
            k.put(s, Kind.LIST);
        }
        for (String s : new String[] {"model-index", "widget", "inference", "co2_eq_emissions", "extra_gated_fields",
                "extra_gated_eu_disallowed"}) {
            k.put(s, Kind.STRUCTURED);
        }
        return Map.copyOf(k);
    }

    /** The shape of {@code key}'s value; {@link Kind#UNKNOWN} for a key the Hub does not define. */
    public static Kind kind(String key) {
        return KEYS.getOrDefault(key, Kind.UNKNOWN);
    }

    /**
     * Whether the Hub reads a list under {@code key}: the {@link Kind#LIST} keys, and {@code model-index} and
     * {@code widget} (lists of mappings); not {@code inference}, {@code co2_eq_emissions} or the other structured keys
     * (a value or a mapping), nor one-value keys. What {@code edit --add} may add items to.
     */
    public static boolean listValued(String key) {
        return kind(key) == Kind.LIST || "model-index".equals(key) || "widget".equals(key);
    }

    /**
     * The Hub key {@code key} is probably a misspelling of, or empty when it is a Hub key itself or far from every
     * one: written with other case or {@code -}/{@code _} ({@code Pipeline-Tag}, {@code base-model}), a known
     * alias ({@code licence}, {@code languages}, {@code dataset}), or one edit (a letter added, dropped, changed,
     * or two swapped) from a Hub key of five letters or more ({@code pipline_tag}, {@code libary_name}). Custom keys
     * further away ({@code model_name}, {@code language_bcp47}, {@code finetuned_from}) get nothing.
     */
    public static Optional<String> didYouMean(String key) {
        if (key == null || KEYS.containsKey(key)) {
            return Optional.empty();
        }
        String norm = normal(key);
        if (ALIASES.containsKey(norm)) {
            return Optional.of(ALIASES.get(norm));
        }
        String best = null;
        for (String known : KEYS.keySet()) {
            String k = normal(known);
            if (k.equals(norm)) {
                return Optional.of(known);
            }
            if (k.length() >= 5 && best == null && withinOneEdit(norm, k)) {
                best = known;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lower case, with {@code -} and spaces read as {@code _}. */
    private static String normal(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Whether one insertion, deletion, substitution or swap of two neighbours turns {@code a} into {@code b}. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i == la) {
                return true;
            }
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;   // one letter changed
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));   // two neighbours swapped
        }
        return la > lb ? a.substring(i + 1).equals(b.substring(i)) : a.substring(i).equals(b.substring(i + 1));
    }
}
