package dev.cardminer.annotate;

import java.util.List;

/**
 * A row of a concept table: a subject or category, how often it was annotated, its share of all
 * annotations considered (in percent, as seed 000's tables), and the raw surface forms merged into it.
 */
public record ConceptCount(String name, long count, double proportion, List<String> forms) {

    public ConceptCount {
        forms = List.copyOf(forms);
    }
}
