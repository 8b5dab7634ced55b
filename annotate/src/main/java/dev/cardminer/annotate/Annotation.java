package dev.cardminer.annotate;

/**
 * One labelled concept: seed 000's {@code entity -|- concept -|- description}, located.
 *
 * @param subject       the entity as it stands in the sentence
 * @param category      the concept (model, dataset, metric, ...)
 * @param description   what the annotator says of it; may be empty
 * @param cardId        the card
 * @param sentenceIndex the sentence's index in its card
 * @param spanStart     offset of the subject in the sentence text, -1 when unknown
 * @param spanEnd       offset just past it, -1 when unknown
 * @param annotator     which annotator made it ({@code rules}, {@code llm:<model>})
 */
public record Annotation(String subject, String category, String description, String cardId,
                         int sentenceIndex, int spanStart, int spanEnd, String annotator) {
}
