package dev.cardminer.classify;

/**
 * One label a method gives a card.
 *
 * @param label    the label id
 * @param score    0 to 1, higher is surer; comparable within a method, calibrated where the method says so
 * @param evidence why (the patterns that fired, the LLM's answer); empty when the method has none
 */
public record Prediction(String label, double score, String evidence) {
}
