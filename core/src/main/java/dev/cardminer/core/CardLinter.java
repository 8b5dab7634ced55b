package dev.cardminer.core;

import dev.cardminer.core.internal.LintRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code cardminer check} reports about one card: the parser's problems and the publisher's
 * checklist on top (codes in docs/check.md): an empty or missing metadata block, missing recommended
 * keys (license, language for text and speech models, pipeline_tag, library_name, base_model for
 * fine-tunes), and template sections that are missing or hold only placeholders.
 *
 * <pre>{@code
 * List<Problem> problems = new CardLinter().check(ModelCard.parse("org/model", text));
 * }</pre>
 */
public final class CardLinter {

    private final LintRules rules = new LintRules();

    /** A linter with the built-in checklist. */
    public CardLinter() {
    }

    /** The card's problems and the checklist's, ordered by line and column. */
    public List<Problem> check(ModelCard card) {
        List<Problem> all = new ArrayList<>(card.problems());
        all.addAll(rules.check(card));
        all.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(all);
    }
}
