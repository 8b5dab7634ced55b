package dev.cardminer.io;

import dev.cardminer.io.internal.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One card as a source gives it: its id, where it came from, its text (as a string or as the raw bytes
 * of a file) and the repo facts the source knows. A source that cannot read an entry gives a card with
 * a {@link #failure()} instead of failing the whole run.
 *
 * <p>Immutable: the bytes are copied in and out, and two cards with the same bytes are equal.
 *
 * @param id      the Hub repo id ({@code org/name}) or an id derived from a file name
 * @param origin  where it came from (a file path, a Parquet file, {@code hub:})
 * @param text    the card text, or null when {@code utf8} is given
 * @param utf8    the card file's raw bytes, or null when {@code text} is given
 * @param facts   repo facts, {@link RepoFacts#NONE} when the source has none
 * @param failure why the entry could not be read, or null
 */
public record SourceCard(String id, String origin, String text, byte[] utf8, RepoFacts facts, String failure) {

    /**
     * Checks the components and copies {@code utf8}, so that the caller's later writes to the array do not change the
     * card (nor its {@link #contentHash()}).
     *
     * @throws NullPointerException when id, origin or facts is null
     * @throws IllegalArgumentException unless exactly one of text and utf8 is given
     */
    public SourceCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(facts, "facts");
        if ((text == null) == (utf8 == null)) {
            throw new IllegalArgumentException("exactly one of text and utf8 must be given");
        }
        utf8 = utf8 == null ? null : utf8.clone();
    }

    /** The card file's raw bytes (a copy), or null when the card is given as {@link #text()}. */
    @Override
    public byte[] utf8() {
        return utf8 == null ? null : utf8.clone();
    }

    /** A card given as text. */
    public static SourceCard ofText(String id, String origin, String text, RepoFacts facts) {
        return new SourceCard(id, origin, text, null, facts, null);
    }

    /** A card given as the raw bytes of its file, decoded when parsed (invalid UTF-8 is a located problem). */
    public static SourceCard ofBytes(String id, String origin, byte[] utf8, RepoFacts facts) {
        return new SourceCard(id, origin, null, utf8, facts, null);
    }

    /** An entry the source could not read; it is stored as a card with one problem. */
    public static SourceCard unreadable(String id, String origin, String failure) {
        return new SourceCard(id, origin, "", null, RepoFacts.NONE, Objects.requireNonNull(failure, "failure"));
    }

    /**
     * The card's {@code cards.content_hash} as analyze stores it (SHA-256 of {@link #bytes()}, hex): whether a store
     * holds this very version of the card.
     */
    public String contentHash() {
        return new Hashes().sha256Hex(bytes());
    }

    /** The card as UTF-8 bytes (a copy of the file's own bytes when the source read a file). */
    public byte[] bytes() {
        return utf8 != null ? utf8.clone() : text.getBytes(StandardCharsets.UTF_8);
    }

    /** A cheap size estimate in bytes, for memory budgets and progress (UTF-16 length for text). */
    public long approximateSize() {
        return utf8 != null ? utf8.length : text.length();
    }

    /** Equal when every component is, the bytes compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SourceCard c && id.equals(c.id) && origin.equals(c.origin) && Objects.equals(text, c.text)
                && Arrays.equals(utf8, c.utf8) && facts.equals(c.facts) && Objects.equals(failure, c.failure);
    }

    /** From every component, the bytes by content. */
    @Override
    public int hashCode() {
        return Objects.hash(id, origin, text, Arrays.hashCode(utf8), facts, failure);
    }

    @Override
    public String toString() {
        return "SourceCard[" + id + " from " + origin + (failure == null ? "" : ", unreadable: " + failure) + "]";
    }
}
