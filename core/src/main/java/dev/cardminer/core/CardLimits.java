package dev.cardminer.core;

/**
 * What one card may cost: past these bounds parsing degrades with a located problem instead of
 * taking time or memory out of proportion (docs/limits.md). Every bound applies per card.
 *
 * @param maxBodyChars  body characters the Markdown analysis reads; past it, sections, links and
 *                      sentences cover the body up to about this point ({@link #analysedEnd}) and a
 *                      warning {@code body-too-large} says where the analysis stopped
 * @param maxSections   sections kept (the rest is counted in a warning {@code sections-capped})
 * @param maxLinks      links kept ({@code links-capped})
 * @param maxProblems   problems kept; the rest is counted by code in one warning {@code problems-capped}
 * @param maxSentences  sentences the splitter keeps ({@code sentences-capped})
 * @param maxDepth      nesting of Markdown blocks and inlines the sentence splitter walks; deeper
 *                      content is left out with a warning {@code too-deep}
 * @param timeLimitMillis CPU time of the parsing thread that the sentence split and the body analysis
 *                      may each take per card (inline parsing included), checked between their steps;
 *                      past it the rest is left out with a warning {@code timeout}. CPU time, not the
 *                      wall clock, so that a loaded or suspended machine does not cut cards short
 */
public record CardLimits(int maxBodyChars, int maxSections, int maxLinks, int maxProblems, int maxSentences,
                         int maxDepth, long timeLimitMillis) {

    /**
     * The largest card file or stream cardminer reads, in bytes (32 MiB): larger ones are refused before
     * reading with a {@code source-error} card (analyze) or a one-line error ({@code card}). The largest
     * card known on the Hub is a 28.9 MB README, almost all {@code model-index}.
     */
    public static final int MAX_CARD_BYTES = 32 << 20;

    /**
     * 256 KiB of body, 5,000 sections, 10,000 links, 1,000 problems, 5,000 sentences, depth 200, 10 s. Of the
     * 19,014 cards of hub-2023.parquet, 2 have more than 256 KiB (1 more than 512 KiB); halving the body bound
     * from 512 KiB halved what a huge card costs a corpus run (docs/limits.md).
     */
    public static final CardLimits DEFAULTS = new CardLimits(1 << 18, 5_000, 10_000, 1_000, 5_000, 200, 10_000);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when a bound is below 1
     */
    public CardLimits {
        if (maxBodyChars < 1 || maxSections < 1 || maxLinks < 1 || maxProblems < 1 || maxSentences < 1
                || maxDepth < 1 || timeLimitMillis < 1) {
            throw new IllegalArgumentException("every card limit must be positive");
        }
    }

    /**
     * These limits with {@link #maxBodyChars} set to {@code chars}.
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withMaxBodyChars(int chars) {
        return new CardLimits(chars, maxSections, maxLinks, maxProblems, maxSentences, maxDepth, timeLimitMillis);
    }

    /**
     * These limits with {@link #maxSections} set to {@code n}.
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withMaxSections(int n) {
        return new CardLimits(maxBodyChars, n, maxLinks, maxProblems, maxSentences, maxDepth, timeLimitMillis);
    }

    /**
     * These limits with {@link #maxLinks} set to {@code n}.
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withMaxLinks(int n) {
        return new CardLimits(maxBodyChars, maxSections, n, maxProblems, maxSentences, maxDepth, timeLimitMillis);
    }

    /**
     * These limits with {@link #maxProblems} set to {@code n}.
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withMaxProblems(int n) {
        return new CardLimits(maxBodyChars, maxSections, maxLinks, n, maxSentences, maxDepth, timeLimitMillis);
    }

    /**
     * These limits with {@link #maxSentences} set to {@code n}.
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withMaxSentences(int n) {
        return new CardLimits(maxBodyChars, maxSections, maxLinks, maxProblems, n, maxDepth, timeLimitMillis);
    }

    /**
     * These limits with {@link #maxDepth} set to {@code n}.
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withMaxDepth(int n) {
        return new CardLimits(maxBodyChars, maxSections, maxLinks, maxProblems, maxSentences, n, timeLimitMillis);
    }

    /**
     * These limits with {@link #timeLimitMillis} set to {@code millis} (CPU milliseconds).
     *
     * @throws IllegalArgumentException when below 1
     */
    public CardLimits withTimeLimitMillis(long millis) {
        return new CardLimits(maxBodyChars, maxSections, maxLinks, maxProblems, maxSentences, maxDepth, millis);
    }

    /**
     * Where the analysed part of a body ends: the whole body when it is within {@link #maxBodyChars}, else
     * just past the last line break before that point, or at the point itself (never inside a surrogate
     * pair) when there is no line break in the second half of the allowance (one huge line).
     */
    public int analysedEnd(CharSequence body) {
        if (body.length() <= maxBodyChars) {
            return body.length();
        }
        for (int i = maxBodyChars; i > maxBodyChars / 2; i--) {
            char c = body.charAt(i - 1);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        int end = maxBodyChars;
        return Character.isLowSurrogate(body.charAt(end)) ? end - 1 : end;
    }
}
