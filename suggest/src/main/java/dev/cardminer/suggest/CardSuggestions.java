package dev.cardminer.suggest;

import java.util.List;

/**
 * What {@link Suggester} found for one card.
 *
 * @param id          the card's id
 * @param suggestions values for fields the YAML lacks, field by field in extractor order, best first
 * @param conflicts   values the text supports that differ from the YAML's
 */
public record CardSuggestions(String id, List<Suggestion> suggestions, List<Conflict> conflicts) {

    public CardSuggestions {
        suggestions = List.copyOf(suggestions);
        conflicts = List.copyOf(conflicts);
    }

    public boolean isEmpty() {
        return suggestions.isEmpty() && conflicts.isEmpty();
    }
}
