package dev.cardminer.classify;

import java.util.List;

/**
 * What one method says about one card.
 *
 * @param cardId    the card
 * @param method    rules, embedding, llm, ensemble
 * @param labels    best first; empty when the method abstains
 * @param inputHash SHA-256 of the text the method saw, so that a changed input can be told from a changed model
 */
public record Classification(String cardId, String method, List<Prediction> labels, String inputHash) {

    /** Copies {@code labels}. */
    public Classification {
        labels = List.copyOf(labels);
    }

    /** Whether the method gave no label. */
    public boolean abstained() {
        return labels.isEmpty();
    }

    /** The best label, or null when abstaining. */
    public String best() {
        return labels.isEmpty() ? null : labels.get(0).label();
    }

    /** The best label's score, 0 when abstaining. */
    public double bestScore() {
        return labels.isEmpty() ? 0 : labels.get(0).score();
    }
}
