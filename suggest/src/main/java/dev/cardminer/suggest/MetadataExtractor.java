package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;

import java.util.List;

/**
 * Finds the values of one metadata field in a parsed card. A pure function of the card: it reads the
 * body and the other metadata keys, never the field's own YAML value (the {@link Suggester} compares
 * with that), and returns only values that are valid for the field (Hub id form, vocabulary ids).
 */
public interface MetadataExtractor {

    /** The metadata key this extractor fills. */
    String field();

    /** The values found, best first; empty when the text says nothing about the field. */
    List<Suggestion> extract(ModelCard card);

    /**
     * Whether a value the YAML holds says the same as a suggested one: by default the same text, ignoring case and
     * surrounding space; a field with several spellings of one value (ISO 639 codes: {@code jpn} and {@code ja})
     * says so here, so that no suggestion or conflict repeats what the YAML says in another form.
     */
    default boolean sameValue(String yamlValue, Object suggested) {
        return yamlValue.strip().equalsIgnoreCase(suggested.toString().strip());
    }
}
