package dev.cardminer.suggest;

/**
 * Where a suggested value was read.
 *
 * @param text   the sentence (or line) that says it, as written in the card, at most a few hundred characters
 * @param line   1-based line in the card file, 0 when the value comes from the repo's id (on no line of the card)
 * @param column 1-based column in that line
 * @param start  offset of the matched text in the card's body (UTF-16), -1 when not in the body
 * @param end    end offset (exclusive) in the body, -1 when not in the body
 */
public record Evidence(String text, int line, int column, int start, int end) {
}
