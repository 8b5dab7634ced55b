package dev.cardminer.annotate;

import java.util.List;

/**
 * Seed 000's headline figures and top tables for a set of annotations.
 *
 * @param annotations      the annotations considered
 * @param uniqueSubjects   distinct subjects among them (after merging, unless raw forms were asked for)
 * @param uniqueCategories distinct categories among them (likewise)
 * @param topSubjects      the most frequent subjects, most frequent first
 * @param topCategories    the most frequent categories, most frequent first
 */
public record ConceptSummary(long annotations, long uniqueSubjects, long uniqueCategories,
                             List<ConceptCount> topSubjects, List<ConceptCount> topCategories) {

    /** Copies the lists. */
    public ConceptSummary {
        topSubjects = List.copyOf(topSubjects);
        topCategories = List.copyOf(topCategories);
    }
}
