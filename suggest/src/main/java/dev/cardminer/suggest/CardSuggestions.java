package dev.cardminer.suggest;

import java.util.List;

/**
 * What {@link Suggester} found for one card.
 *
 * @param id          the card's id
 * @param suggestions values for fields the YAML lacks, field by field in extractor order, best first
 * @param conflicts   values the text (or a repo file) supports that differ from the YAML's
 * @param problems    repo files that could not be read or parsed (none when the card was read alone)
 */
public record CardSuggestions(String id, List<Suggestion> suggestions, List<Conflict> conflicts,
                              List<RepoFileProblem> problems) {

    /** Copies the lists. */
    public CardSuggestions {
        suggestions = List.copyOf(suggestions);
        conflicts = List.copyOf(conflicts);
        problems = List.copyOf(problems);
    }

    /** What was found in a card read alone. */
    public CardSuggestions(String id, List<Suggestion> suggestions, List<Conflict> conflicts) {
        this(id, suggestions, conflicts, List.of());
    }

    /** No suggestion and no conflict (problems alone leave nothing to patch). */
    public boolean isEmpty() {
        return suggestions.isEmpty() && conflicts.isEmpty();
    }
}
