package dev.cardminer.annotate;

import java.util.List;

/** Labels the concepts of sentences. Implementations are thread-safe. */
public interface Annotator extends AutoCloseable {

    /** A short name stored with each annotation ({@code rules}, {@code llm:<model>}). */
    String name();

    /** The annotations of these sentences (all from one card or from several). */
    List<Annotation> annotate(List<Sentence> sentences);

    @Override
    default void close() {
    }
}
