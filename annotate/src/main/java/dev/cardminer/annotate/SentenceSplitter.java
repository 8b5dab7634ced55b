package dev.cardminer.annotate;

import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.CardLimits;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import java.util.List;

/** Cuts a card body into sentences, Markdown-aware; the metadata block is never included. */
public interface SentenceSplitter {

    /**
     * The sentences of a card and what kept some out: {@code body-too-large}, {@code too-deep},
     * {@code sentences-capped}, {@code timeout} (warnings located in the card file, see {@link CardLimits}).
     *
     * @param sentences the sentences kept, in order
     * @param problems  why some were left out; empty when none were
     */
    record Split(List<Sentence> sentences, List<Problem> problems) {
        /** Copies the lists. */
        public Split {
            sentences = List.copyOf(sentences);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The sentences of a card's body, in order. Problems that limited them are dropped: see {@link
     * #splitWithProblems(ModelCard)}.
     */
    List<Sentence> split(ModelCard card);

    /** The sentences with the problems that limited them; by default {@link #split} without problems. */
    default Split splitWithProblems(ModelCard card) {
        return new Split(split(card), List.of());
    }

    /**
     * The sentences of a card while its parser has it in hand (from a {@link CardExtractor}, e.g. through
     * {@link dev.cardminer.core.CardParser#parse(String, byte[], CardExtractor)}), the same as
     * {@link #splitWithProblems(ModelCard)} of the parsed card; the Markdown splitter reuses the tree the parser
     * read ({@link CardExtractor.Input#markdown()}) instead of parsing the body again. By default it splits
     * a card made of what the input has.
     */
    default Split splitWithProblems(CardExtractor.Input card) {
        return splitWithProblems(new ModelCard(card.id(), card.text(), card.hasMetadata(), null, 0, card.metadata(),
                card.body(), card.bodyOffset(), card.line(card.bodyOffset()), List.of(), card.sections(), List.of(),
                0, List.of(), List.of()));
    }

    /** The Markdown-aware splitter cardminer uses. */
    static SentenceSplitter markdown() {
        return new dev.cardminer.annotate.internal.MarkdownSentenceSplitter(CardLimits.DEFAULTS);
    }

    /** The Markdown-aware splitter with other per-card limits. */
    static SentenceSplitter markdown(CardLimits limits) {
        return new dev.cardminer.annotate.internal.MarkdownSentenceSplitter(limits);
    }
}
