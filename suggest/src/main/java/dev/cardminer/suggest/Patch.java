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
 * @param leftOut     suggestions not written, each with why (a model-index result without a task, a second value for
 *                    a one-value key): never dropped without a word
 */
public record Patch(String id, String patched, String diff, List<Suggestion> applied, List<Problem> newProblems,
                    String failure, List<LeftOut> leftOut) {

    /**
     * A suggestion the patch does not write, and why.
     *
     * @param suggestion the suggestion left out
     * @param reason     why, for people
     */
    public record LeftOut(Suggestion suggestion, String reason) {
    }

    /** Copies the lists. */
    public Patch {
        applied = List.copyOf(applied);
        newProblems = List.copyOf(newProblems);
        leftOut = List.copyOf(leftOut);
    }

    /** A patch that leaves nothing out. */
    public Patch(String id, String patched, String diff, List<Suggestion> applied, List<Problem> newProblems,
                 String failure) {
        this(id, patched, diff, applied, newProblems, failure, List.of());
    }

    /** Whether there is a patch: no {@link #failure()}. */
    public boolean ok() {
        return failure == null;
    }
}
