package dev.cardminer.io;

import java.util.List;

/**
 * Entries a source skipped because they are not cards (problems of the source, not of a card).
 *
 * @param count how many
 * @param first the first few, each located ({@code line 3: no modelId})
 */
public record SkippedEntries(long count, List<String> first) {

    /** Nothing skipped. */
    public static final SkippedEntries NONE = new SkippedEntries(0, List.of());

    /** Copies {@code first}. */
    public SkippedEntries {
        first = List.copyOf(first);
    }

    /** One line for people: the count and the first few. */
    public String summary(String source) {
        // "entries", not "cards" or "lines": a JSON Lines line and a whole unreadable Parquet file are both one entry
        return String.format("%s: %,d %s skipped, not readable as cards (%s%s)", source, count,
                count == 1 ? "entry" : "entries", String.join("; ", first), count > first.size() ? "; ..." : "");
    }
}
