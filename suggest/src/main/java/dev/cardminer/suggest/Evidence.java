package dev.cardminer.suggest;

/**
 * Where a suggested value was read.
 *
 * @param text   the sentence (or line) that says it, as written in the card or the repo file, at most a few hundred
 *               characters
 * @param line   1-based line in the card file (or in {@code file}), 0 when the value comes from the repo's id (on no
 *               line of the card) or from a file's name
 * @param column 1-based column in that line
 * @param start  offset of the matched text in the card's body (UTF-16), -1 when not in the body
 * @param end    end offset (exclusive) in the body, -1 when not in the body
 * @param file   the repo file it was read from ({@code adapter_config.json}), null when read from the card or its id
 */
public record Evidence(String text, int line, int column, int start, int end, String file) {

    /** Evidence in the card (or its repo id). */
    public Evidence(String text, int line, int column, int start, int end) {
        this(text, line, column, start, end, null);
    }

    /** A line of a repo file ({@code line} 0: the file's presence, {@code text} its path). */
    public static Evidence inFile(String file, String text, int line, int column) {
        return new Evidence(text, line, column, -1, -1, file);
    }

    /** Whether it was read from a repo file rather than from the card. */
    public boolean fromFile() {
        return file != null;
    }
}
