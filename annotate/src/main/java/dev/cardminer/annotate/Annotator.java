package dev.cardminer.annotate;

import java.util.List;

/** Labels the concepts of sentences. Implementations are thread-safe. */
public interface Annotator extends AutoCloseable {

    /** A short name stored with each annotation ({@code rules}, {@code llm:<model>}). */
    String name();

    /** The annotations of these sentences (all from one card or from several). */
    List<Annotation> annotate(List<Sentence> sentences);

    /**
     * Annotates and tells which sentences were fully handled: an annotator that can fail (a remote model)
     * leaves failed sentences out of {@link AnnotationOutcome#completed()} so that a later run retries them.
     */
    default AnnotationOutcome annotateAll(List<Sentence> sentences) {
        return new AnnotationOutcome(annotate(sentences), sentences, false);
    }

    /**
     * Whether a caller may cut a batch into parts and annotate them on all cores at once: true for pure,
     * CPU-bound annotators (rules); false (the default) for one that keeps its own requests in flight
     * (a remote model), which gets each batch whole.
     */
    default boolean cpuBound() {
        return false;
    }

    @Override
    default void close() {
    }
}
