package dev.cardminer.classify;

import java.util.List;

/**
 * A zero-shot card classifier. Implementations work on batches (the embedding model batches, the LLM
 * sends concurrently) and never throw for one bad card: a card they cannot classify gets an empty label
 * list (abstention).
 */
public interface Classifier {

    /** rules, embedding, llm, ensemble. */
    String method();

    /** The model behind the method and its version, as logged with each output (e.g. {@code all-MiniLM-L6-v2@1.19.0-beta29}). */
    String model();

    /** The version of the prompt, hypotheses or rule table used, as logged with each output. */
    String promptVersion(LabelSet labels);

    /**
     * Classifies cards into the label set.
     *
     * @param multiLabel when false, the first label is the answer and the rest are runners-up
     */
    List<Classification> classify(List<CardText> cards, LabelSet labels, boolean multiLabel);
}
