package dev.cardminer.annotate;

import java.util.List;

/** Seed 000's headline figures and top tables for a set of annotations. */
public record ConceptSummary(long annotations, long uniqueSubjects, long uniqueCategories,
                             List<ConceptCount> topSubjects, List<ConceptCount> topCategories) {

    public ConceptSummary {
        topSubjects = List.copyOf(topSubjects);
        topCategories = List.copyOf(topCategories);
    }
}
