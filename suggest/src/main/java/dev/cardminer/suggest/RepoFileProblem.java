package dev.cardminer.suggest;

/**
 * A repo file that could not be read or is not what its name says (a config.json that is no JSON): nothing is read
 * from it, the other files and the card still are.
 *
 * @param file    its path in the repo
 * @param line    1-based line in the file, 0 when the problem concerns the whole file
 * @param column  1-based column in that line, 0 when unknown
 * @param message what is wrong; it may quote the file, so escape it for a terminal
 */
public record RepoFileProblem(String file, int line, int column, String message) {

    /** {@code config.json:3:7: message}, as {@code check} locates a card's problems. */
    public String located() {
        return file + ":" + Math.max(1, line) + ":" + Math.max(1, column) + ": " + message;
    }
}
