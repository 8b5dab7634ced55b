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
}
