package dev.cardminer.annotate;

/**
 * A sentence of a card body, the unit that annotators label.
 *
 * @param cardId  the card's id
 * @param index   0-based position of the sentence in its card
 * @param section the canonical template section it sits in (its {@code CanonicalSection} title), or null
 * @param heading the title of the nearest heading above it, or null
 * @param start   offset of the sentence in the card body
 * @param end     offset just past it in the card body
 * @param text    the sentence's plain text (Markdown markup removed)
 */
public record Sentence(String cardId, int index, String section, String heading, int start, int end, String text) {
}
