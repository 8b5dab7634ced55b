package dev.cardminer.suggest;

import java.util.Objects;

/**
 * A metadata value the card's text supports.
 *
 * @param field      the metadata key ({@code base_model}, {@code datasets}, {@code model-index}, ...)
 * @param value      the value: a String for scalar fields and for each item of list fields; for
 *                   {@code model-index}, one metric as a map {@code {task, dataset, metric}}
 * @param evidence   where it was read
 * @param confidence 0 to 1: how often the rule was right on the development split
 * @param method     the rule that found it, a stable name such as {@code trainer-finetuned-version}
 */
public record Suggestion(String field, Object value, Evidence evidence, double confidence, String method) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException when field, value, evidence or method is null
     * @throws IllegalArgumentException when confidence is outside 0..1
     */
    public Suggestion {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(method, "method");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }
}
