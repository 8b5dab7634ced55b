package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import java.util.Optional;

/**
 * An optional plug-in for the {@code pipeline_tag} suggestion: a classifier of a card's task (such as
 * cardminer-classify's rules or ensemble) that the extractor consults when its own patterns find nothing.
 * suggest does not depend on any classifier; the command line wires one in
 * ({@link Suggester.Builder#taskClassifier}). Implementations must not read the card's own
 * {@code pipeline_tag} key, and abstain (empty) rather than guess.
 */
public interface TaskClassifier {

    /** A stable name for the evidence and the suggestion's method, e.g. {@code classify-rules}. */
    String name();

    /** The best task for the card, or empty when the classifier abstains. */
    Optional<Guess> classify(ModelCard card);

    /**
     * What the classifier says.
     *
     * @param task     a Hub task id
     * @param score    0 to 1, higher is surer (the classifier's own scale)
     * @param evidence why, briefly (the patterns that fired); may be empty
     */
    record Guess(String task, double score, String evidence) {
    }
}
