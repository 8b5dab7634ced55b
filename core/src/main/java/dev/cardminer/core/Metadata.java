package dev.cardminer.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML mapping of a card's metadata block, read with YAML 1.2 core-schema semantics, with typed
 * accessors for the keys the Hub documents. Every key is kept, known or not, in its original order.
 *
 * <p>Values are plain Java data: {@link String}, {@link Boolean}, {@link Long}, {@link java.math.BigInteger},
 * {@link Double}, {@link List}, {@link Map} (String keys) and null.
 */
public final class Metadata {

    private static final Metadata EMPTY = new Metadata(Map.of());

    private final Map<String, Object> values;

    private Metadata(Map<String, Object> values) {
        this.values = values;
    }

    /** Wraps a parsed mapping; the map is copied. */
    public static Metadata of(Map<String, Object> values) {
        return values.isEmpty() ? EMPTY : new Metadata(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** The metadata of a card without a metadata block: no keys. One shared instance. */
    public static Metadata empty() {
        return EMPTY;
    }

    /** The whole mapping, in the block's key order. */
    public Map<String, Object> values() {
        return values;
    }

    /** The keys, in the block's order; unmodifiable. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** Whether the block has {@code key}, even with a null value. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * The raw value of {@code key} (see the class comment for its types); null when absent or null in the YAML.
     */
    public Object get(String key) {
        return values.get(key);
    }

    /** Whether the block has no keys (an absent or empty block). */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A scalar value as text (numbers and booleans too); empty when absent, null, or not a scalar. */
    public Optional<String> string(String key) {
        Object v = values.get(key);
        if (v == null || v instanceof Map || v instanceof List) {
            return Optional.empty();
        }
        return Optional.of(v.toString());
    }

    /**
     * A string-or-list value as a list of strings: a single scalar becomes a one-element list,
     * nulls and nested structures are skipped. The Hub accepts both forms for these keys.
     */
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item != null && !(item instanceof Map) && !(item instanceof List)) {
                    out.add(item.toString());
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map) {
            return List.of();
        }
        return List.of(v.toString());
    }

    /** A boolean value; empty when absent or of another type (YAML 1.2: {@code yes} is a string). */
    public Optional<Boolean> bool(String key) {
        return values.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    /** A numeric value (Long, BigInteger or Double); empty when absent or of another type. */
    public Optional<Number> number(String key) {
        return values.get(key) instanceof Number n ? Optional.of(n) : Optional.empty();
    }

    /** {@code language}: ISO 639 codes, a single code read as a one-element list. */
    public List<String> language() { return strings("language"); }
    /** {@code license}: a Hub license identifier such as {@code apache-2.0}, or {@code other}. */
    public Optional<String> license() { return string("license"); }
    /** {@code license_name}: the short name of an {@code other} license. */
    public Optional<String> licenseName() { return string("license_name"); }
    /** {@code license_link}: a link or a repository path to an {@code other} license's text. */
    public Optional<String> licenseLink() { return string("license_link"); }
    /** {@code library_name}: the library that loads the model, such as {@code transformers}. */
    public Optional<String> libraryName() { return string("library_name"); }
    /** {@code tags}: free-form tags, a single tag read as a one-element list. */
    public List<String> tags() { return strings("tags"); }
    /** {@code datasets}: the training datasets' Hub ids, a single id read as a one-element list. */
    public List<String> datasets() { return strings("datasets"); }
    /** {@code metrics}: the metrics the card reports, a single name read as a one-element list. */
    public List<String> metrics() { return strings("metrics"); }
    /** {@code base_model}: the model ids this one derives from, a single id read as a one-element list. */
    public List<String> baseModel() { return strings("base_model"); }
    /**
     * {@code base_model_relation}: how it derives from them, such as {@code finetune}, {@code adapter} or {@code
     * quantized}.
     */
    public Optional<String> baseModelRelation() { return string("base_model_relation"); }
    /** {@code new_version}: the id of a newer model that replaces this one. */
    public Optional<String> newVersion() { return string("new_version"); }
    /** {@code pipeline_tag}: the task, such as {@code text-classification}. */
    public Optional<String> pipelineTag() { return string("pipeline_tag"); }
    /** {@code thumbnail}: an image URL for social previews. */
    public Optional<String> thumbnail() { return string("thumbnail"); }
    /** {@code model_name}: not documented by the Hub but common, and read by the Python client. */
    public Optional<String> modelName() { return string("model_name"); }
    /** {@code extra_gated_prompt}: the text shown before access to a gated model is granted. */
    public Optional<String> extraGatedPrompt() { return string("extra_gated_prompt"); }
    /** {@code extra_gated_heading}: the heading of the gated-access form. */
    public Optional<String> extraGatedHeading() { return string("extra_gated_heading"); }
    /** {@code extra_gated_description}: the description of the gated-access form. */
    public Optional<String> extraGatedDescription() { return string("extra_gated_description"); }
    /** {@code extra_gated_button_content}: the label of the gated-access form's button. */
    public Optional<String> extraGatedButtonContent() { return string("extra_gated_button_content"); }

    /** {@code extra_gated_fields}: label to field type (a string or a {@code {type, options}} map). */
    public Map<String, Object> extraGatedFields() { return map("extra_gated_fields"); }

    /**
     * {@code extra_gated_eu_disallowed}: true when access is refused from the EU; empty when absent or not a
     * boolean.
     */
    public Optional<Boolean> extraGatedEuDisallowed() { return bool("extra_gated_eu_disallowed"); }

    /** {@code widget}: the inference widget's examples, each a map. */
    public List<Map<String, Object>> widget() { return maps("widget"); }

    /** {@code model-index}: the raw entries; see {@link ModelCard#evalResults()} for the flattened form. */
    public List<Map<String, Object>> modelIndex() { return maps("model-index"); }

    /** {@code inference}: false to switch the widget off, true, or absent. A map of parameters counts as on. */
    public Optional<Boolean> inferenceEnabled() {
        Object v = values.get("inference");
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        return v instanceof Map ? Optional.of(Boolean.TRUE) : Optional.empty();
    }

    /** {@code inference.parameters}, when given. */
    public Map<String, Object> inferenceParameters() {
        if (values.get("inference") instanceof Map<?, ?> m && m.get("parameters") instanceof Map<?, ?> p) {
            return castMap(p);
        }
        return Map.of();
    }

    /** {@code co2_eq_emissions}: a bare number (grams) or a map; empty when absent or of another type. */
    public Optional<Co2Emissions> co2EqEmissions() {
        Object v = values.get("co2_eq_emissions");
        if (v instanceof Number n) {
            return Optional.of(new Co2Emissions(n.doubleValue(), null, null, null, null));
        }
        if (v instanceof Map<?, ?> m) {
            Double grams = m.get("emissions") instanceof Number n ? n.doubleValue() : null;
            return Optional.of(new Co2Emissions(grams, text(m.get("source")), text(m.get("training_type")),
                    text(m.get("geographical_location")), text(m.get("hardware_used"))));
        }
        return Optional.empty();
    }

    /**
     * The {@code co2_eq_emissions} fields; any may be null.
     *
     * @param emissionsGrams       {@code emissions}, in grams of CO2 equivalent
     * @param source               {@code source}: where the figure comes from
     * @param trainingType         {@code training_type}, such as {@code pre-training} or {@code fine-tuning}
     * @param geographicalLocation {@code geographical_location} of the training
     * @param hardwareUsed         {@code hardware_used}, such as {@code 8 x A100 GPUs}
     */
    public record Co2Emissions(Double emissionsGrams, String source, String trainingType,
                               String geographicalLocation, String hardwareUsed) {
    }

    /** A mapping value, or an empty map when absent or of another type. */
    public Map<String, Object> map(String key) {
        return values.get(key) instanceof Map<?, ?> m ? castMap(m) : Map.of();
    }

    /** The maps of a list value; other items are skipped. */
    public List<Map<String, Object>> maps(String key) {
        if (!(values.get(key) instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof Map<?, ?> m) {
                out.add(castMap(m));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Metadata" + values;
    }
}
