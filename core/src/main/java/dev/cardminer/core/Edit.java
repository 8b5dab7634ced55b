package dev.cardminer.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CardEditor#apply()} made of a card: the edited text, or the card unchanged with the
 * located problem that stopped the edit. Never an exception: a card that cannot be edited is data.
 *
 * @param text     the edited card; the input itself (the same string) when nothing changed or the edit failed
 * @param changed  whether {@code text} differs from the input
 * @param problems why the edit was not applied (errors, with the card's line and column); on success empty, or
 *                 with {@link CardEditor#apply(CardParser)} the warnings the edit adds
 */
public record Edit(String text, boolean changed, List<Problem> problems) {

    /**
     * Copies {@code problems}.
     *
     * @throws NullPointerException when text or problems is null
     */
    public Edit {
        Objects.requireNonNull(text, "text");
        problems = List.copyOf(problems);
    }

    /** An edit that went through (or had nothing to do). */
    public static Edit applied(String original, String edited) {
        return new Edit(edited, !edited.equals(original), List.of());
    }

    /** An edit refused: the card stays as it was. */
    public static Edit refused(String original, Problem why) {
        return new Edit(original, false, List.of(why));
    }

    /** Whether the edit was applied (no error). */
    public boolean ok() {
        return problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
}
