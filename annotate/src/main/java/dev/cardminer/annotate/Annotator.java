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

    @Override
    default void close() {
    }
}
