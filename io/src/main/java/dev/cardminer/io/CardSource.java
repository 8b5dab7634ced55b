package dev.cardminer.io;

import dev.cardminer.hub.HubOptions;
import java.io.Closeable;
import java.io.IOException;

/**
 * A stream of cards, read one at a time so that a corpus of any size needs no more memory than its
 * largest card. Not thread-safe: one reader calls {@link #next()}.
 *
 * @see CardSources#open(String, HubOptions, ProgressOutput)
 */
public interface CardSource extends Closeable {

    /**
     * The next card, or null when there are no more.
     *
     * @throws IOException when the source as a whole cannot be read any further (an entry that cannot be
     *                     read is given as an {@link SourceCard#unreadable unreadable} card instead)
     */
    SourceCard next() throws IOException;

    /** How many cards this source expects to give, or -1 when unknown (for progress and ETA). */
    default long expectedCards() {
        return -1;
    }

    /** What this source reads, for logs and the store's {@code runs} table. */
    String description();
}
