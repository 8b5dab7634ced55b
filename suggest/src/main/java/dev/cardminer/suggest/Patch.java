package dev.cardminer.suggest;

import dev.cardminer.core.Problem;

import java.util.List;

/**
 * A card with suggestions written into its metadata, or why it could not be patched.
 *
 * @param id          the card's id
 * @param patched     the patched card text; null when the patch failed
 * @param diff        the unified diff from the card to the patched card ({@code README.md}); empty when failed
 * @param applied     the suggestions written
 * @param newProblems problems the patched card has that the card had not (a patch with any is refused)
 * @param failure     why there is no patch, or null
 */
public record Patch(String id, String patched, String diff, List<Suggestion> applied, List<Problem> newProblems,
                    String failure) {

    public Patch {
        applied = List.copyOf(applied);
        newProblems = List.copyOf(newProblems);
    }

    public boolean ok() {
        return failure == null;
    }
}
