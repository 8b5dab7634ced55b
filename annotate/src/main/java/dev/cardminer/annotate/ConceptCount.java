package dev.cardminer.annotate;

import java.util.List;

/**
 * A row of a concept table: a subject or category, how often it was annotated, its share of all
 * annotations considered (in percent, as seed 000's tables), and the raw surface forms merged into it.
 *
 * @param name       the subject or category, as shown (the canonical name of merged forms)
 * @param count      how many annotations it has
 * @param proportion its share of all annotations considered, in percent (0 to 100; 0 when there are none)
 * @param forms      the raw surface forms merged into it, most frequent first
 */
public record ConceptCount(String name, long count, double proportion, List<String> forms) {

    /** Copies {@code forms}. */
    public ConceptCount {
        forms = List.copyOf(forms);
    }
}
