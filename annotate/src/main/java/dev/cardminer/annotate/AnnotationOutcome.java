package dev.cardminer.annotate;

import java.util.List;

/**
 * What an annotator made of a batch of sentences.
 *
 * @param annotations the annotations found
 * @param completed   the sentences fully handled (their annotations are all in {@code annotations})
 * @param stopped     the annotator gave up (failure budget spent): do not send it more work
 */
public record AnnotationOutcome(List<Annotation> annotations, List<Sentence> completed, boolean stopped) {

    /** Copies the lists. */
    public AnnotationOutcome {
        annotations = List.copyOf(annotations);
        completed = List.copyOf(completed);
    }
}
