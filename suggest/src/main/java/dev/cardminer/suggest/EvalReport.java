package dev.cardminer.suggest;

import java.util.Map;

/**
 * What {@link Evaluator} measured.
 *
 * @param cards  cards evaluated (those of the split)
 * @param fields scores per field, in extractor order; {@code pipeline_tag@hub} and {@code library_name@hub}
 *               score against the source's repo facts on cards whose YAML lacks the field
 */
public record EvalReport(long cards, Map<String, FieldScore> fields) {

    /** Copies the scores. */
    public EvalReport {
        fields = Map.copyOf(fields);
    }
}
