package dev.cardminer.core;

/**
 * A reference found in the card body.
 *
 * @param kind   what it points at
 * @param target the normalised identifier: a Hub repo id ({@code org/name}), an arXiv id
 *               ({@code 2106.09685}) or a GitHub {@code owner/repo}
 * @param text   the text as it stands in the card (a URL or a bare id)
 * @param line   1-based line in the card file
 * @param column 1-based column in that line
 */
public record Link(Kind kind, String target, String text, int line, int column) {

    /** What a link points at. */
    public enum Kind {
        /** A model repository on the Hub. */
        MODEL,
        /** A dataset repository on the Hub. */
        DATASET,
        /** A Space on the Hub. */
        SPACE,
        /** An arXiv paper. */
        ARXIV,
        /** A GitHub repository. */
        GITHUB
    }
}
