package dev.cardminer.core;

import java.util.List;
import java.util.Optional;

/**
 * Reads something more out of a card: the extension point of {@link CardParser#builder()}. The parser
 * reads the metadata block and the body, runs its built-in extractors ({@link CardParser.BuiltIn}), then
 * the added ones in the order added; each sees the card as read so far and writes what it found to
 * {@link Output}: problems, and values of its own types that callers get back with
 * {@link ModelCard#extension(Class)}.
 *
 * <p>Implementations must be thread-safe (one parser serves many threads) and must not throw on odd
 * cards: what is wrong with a card is a {@link Problem}. An exception from an extractor is a bug; the
 * parser records it as an error problem {@link ProblemCodes#EXTRACTOR_FAILED} and goes on.
 */
@FunctionalInterface
public interface CardExtractor {

    /** Reads {@code card}, writing findings to {@code out}. */
    void extract(Input card, Output out);

    /** The card as read before this extractor runs. */
    interface Input {
        /** The card's id (a Hub repo id or a file name); may be empty. */
        String id();

        /** The card exactly as given. */
        String text();

        /** Whether a metadata block was found with the Hub's rule. */
        boolean hasMetadata();

        /** The block's mapping; empty without a block. */
        Metadata metadata();

        /** The text after the block. */
        String body();

        /** Offset of the body in {@link #text()}. */
        int bodyOffset();

        /** The body's headings (empty when {@link CardParser.BuiltIn#SECTIONS} is off). */
        List<Section> sections();

        /**
         * The body's Markdown tree as the parser read it, while the card is in hand (it is not kept with the
         * {@link ModelCard}); empty when the parser did not read the body ({@link CardParser.BuiltIn#SECTIONS}
         * off, or a blank body). Use it instead of parsing {@link #body()} again.
         */
        default Optional<BodyMarkdown> markdown() {
            return Optional.empty();
        }

        /** The vocabularies the parser was built with. */
        Vocabularies vocabularies();

        /** 1-based line in the card file of an offset into {@link #text()}. */
        int line(int offset);

        /** 1-based column (code points) of an offset into {@link #text()}. */
        int column(int offset);

        /**
         * A problem located at a metadata value, given as a path of String keys and Integer list indexes
         * from the top-level mapping ({@code "model-index", 0, "results"}); where the path does not lead
         * to a value, at the nearest value on it.
         */
        Problem problemAt(Problem.Severity severity, String code, String message, Object... path);
    }

    /** Where an extractor writes what it found. */
    interface Output {
        /** Records a problem (see {@link Input#problemAt} for one located at a metadata value). */
        void problem(Problem problem);

        /**
         * Adds a value that callers get with {@link ModelCard#extension(Class)}; use an immutable type of your own
         * (a record of immutable values): the card hands this very object to every caller.
         */
        void extension(Object value);
    }
}
