package dev.cardminer.io.internal;

import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.Annotator;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.CardExtractor;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sentences of a parsed card as the store gets them, the same whether they are made while the card is
 * parsed (one pass) or later from its stored body ({@link SentenceRowsWriter}): a splitter defect becomes a
 * {@code split-error} warning, and {@code body-too-large} is left out (ingestion records it, with the same cut).
 *
 * @param sentences   the card's sentences
 * @param problems    what limited the split, to follow the card's own problems
 * @param annotator   the annotator that has handled every sentence, or null (none ran, or it failed)
 * @param annotations its annotations
 */
public record CardSentences(List<Sentence> sentences, List<Problem> problems, String annotator,
                            List<Annotation> annotations) {

    /** What the parser threads do with each card's sentences: split, and annotate when {@code annotator} is set. */
    public record Step(SentenceSplitter splitter, Annotator annotator) {
    }

    /** The split of a card (no annotations). */
    public static CardSentences split(SentenceSplitter splitter, ModelCard card) {
        return split(() -> splitter.splitWithProblems(card));
    }

    /** The split of a card while its parser has it in hand (its Markdown tree reused); the same rows. */
    public static CardSentences split(SentenceSplitter splitter, CardExtractor.Input card) {
        return split(() -> splitter.splitWithProblems(card));
    }

    private static CardSentences split(Supplier<SentenceSplitter.Split> splitting) {
        SentenceSplitter.Split split;
        try {
            split = splitting.get();
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of the splitter on some body: the card gets no sentences, and a problem says so.
            split = new SentenceSplitter.Split(List.of(), List.of(Problem.warning(ProblemCodes.SPLIT_ERROR,
                    "the sentences of this card could not be split: " + e.getClass().getSimpleName(), 0, 0)));
        }
        List<Problem> problems = new ArrayList<>(0);
        for (Problem p : split.problems()) {
            if (!p.code().equals(ProblemCodes.BODY_TOO_LARGE)) {
                problems.add(p);
            }
        }
        return new CardSentences(split.sentences(), problems, null, List.of());
    }

    /**
     * These sentences annotated. An annotator that fails on them leaves them unannotated (and unmarked), so
     * the annotation phase after ingestion tries again and reports the failure as it always has.
     */
    public CardSentences annotated(Annotator by) {
        if (sentences.isEmpty()) {
            return new CardSentences(sentences, problems, by.name(), List.of());
        }
        try {
            return new CardSentences(sentences, problems, by.name(), by.annotate(sentences));
        } catch (RuntimeException | StackOverflowError e) {
            return this;
        }
    }

    /** Rows this adds to the store. */
    public int rowCount() {
        return sentences.size() * (annotator == null ? 1 : 2) + annotations.size();
    }

    /** Characters of text this holds (sentences and annotation subjects), about. */
    public long chars() {
        long n = 0;
        for (Sentence s : sentences) {
            n += s.text().length() + 64;
        }
        return n + 32L * annotations.size();
    }
}
