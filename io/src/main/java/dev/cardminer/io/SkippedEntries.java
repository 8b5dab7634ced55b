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
        return String.format("%s: %,d %s not a card and skipped (%s%s)", source, count,
                count == 1 ? "entry is" : "entries are", String.join("; ", first), count > first.size() ? "; ..." : "");
    }
}
