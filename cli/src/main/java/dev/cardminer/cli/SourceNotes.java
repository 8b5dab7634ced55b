package dev.cardminer.cli;

import dev.cardminer.io.CardSource;
import dev.cardminer.io.SourceCard;
import java.io.PrintWriter;

/**
 * What a card source could not give as cards, said the same way by every command that reads sources (analyze,
 * suggest, eval, classify): located lines on standard error, card text escaped for the terminal; the run goes on.
 */
final class SourceNotes {

    /** Unreadable entries named one by one; the rest are counted. */
    private static final int NAMED = 5;

    private final String command;
    private final PrintWriter err;
    private long unreadable;

    SourceNotes(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /**
     * The entries the source skipped as no card at all (a JSON Lines line that is not JSON or has no modelId):
     * their count and the first few, each with its line. Nothing when there are none; call once the source is read.
     */
    static void skipped(String command, String source, CardSource cards, PrintWriter err) {
        if (cards.skipped().count() > 0) {
            err.println(CardFiles.oneLine(command + ": " + cards.skipped().summary(source)));
            err.flush();
        }
    }

    /** An entry the source gave as unreadable (a file over the size limit, a row without text): where, and why. */
    void unreadable(SourceCard card) {
        if (++unreadable <= NAMED) {
            err.println(CardFiles.oneLine(command + ": " + card.origin() + ": " + card.id() + ": not read: " + card.failure()));
            err.flush();
        }
    }

    /** Entries given as unreadable so far. */
    long unreadable() {
        return unreadable;
    }

    /** Once the source is read: the unreadable entries not named, and the skipped ones ({@link #skipped}). */
    void finish(String source, CardSource cards) {
        if (unreadable > NAMED) {
            err.printf("%s: %,d more entries of %s not read%n", command, unreadable - NAMED, CardFiles.oneLine(source));
        }
        skipped(command, source, cards, err);
    }
}
