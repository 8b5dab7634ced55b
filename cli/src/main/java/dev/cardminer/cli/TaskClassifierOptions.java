package dev.cardminer.cli;

import dev.cardminer.classify.CardText;
import dev.cardminer.classify.Classification;
import dev.cardminer.classify.Classifier;
import dev.cardminer.classify.EmbeddingClassifier;
import dev.cardminer.classify.EnsembleClassifier;
import dev.cardminer.classify.LabelSet;
import dev.cardminer.classify.RuleClassifier;
import dev.cardminer.classify.embedding.MiniLmEmbedder;
import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.Suggester;
import dev.cardminer.suggest.TaskClassifier;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code suggest} and {@code eval} that plug classify's pipeline_tag classifier into the
 * pipeline_tag suggestion (a picocli mixin). suggest knows only its {@link TaskClassifier} interface; this
 * is where classify's classifiers are adapted to it.
 */
final class TaskClassifierOptions {

    /** Tuned on the dev split of hub-2023 (docs/suggest.md): the rules' score where precision stays high. */
    static final String DEFAULT_MIN_SCORE = "0.98";

    @Option(names = "--task-classifier", paramLabel = "rules|ensemble|none", defaultValue = "rules",
            description = {"Classifier consulted for pipeline_tag when no pattern finds the task: classify's rules "
                    + "(default), ensemble (rules and the embedding model; loads the model, slower), none."})
    String method;

    @Option(names = "--task-classifier-min", paramLabel = "X", defaultValue = DEFAULT_MIN_SCORE,
            description = "Propose the classifier's task only at this score or more (default: ${DEFAULT-VALUE}).")
    double minScore;

    /** Plugs the chosen classifier into the builder; the returned resource (the embedding model) is closed by the caller. */
    AutoCloseable apply(Suggester.Builder builder) {
        AutoCloseable resource = () -> { };
        Classifier classifier;
        switch (method) {
            case "none" -> {
                return resource;
            }
            case "rules" -> classifier = new RuleClassifier();
            case "ensemble" -> {
                MiniLmEmbedder embedder = MiniLmEmbedder.load();
                resource = embedder;
                classifier = new EnsembleClassifier(List.of(new RuleClassifier(), new EmbeddingClassifier(embedder)));
            }
            default -> throw new IllegalArgumentException("--task-classifier must be rules, ensemble or none");
        }
        builder.taskClassifier(new Adapter(classifier, LabelSet.builtIn("pipeline_tag").orElseThrow()), minScore);
        return resource;
    }

    /** classify's classifier seen as suggest's: one card at a time, its pipeline_tag key hidden by {@link CardText}. */
    private record Adapter(Classifier classifier, LabelSet labels) implements TaskClassifier {

        @Override
        public String name() {
            return "classify-" + classifier.method();
        }

        @Override
        public Optional<Guess> classify(ModelCard card) {
            Classification c = classifier.classify(List.of(CardText.of(card, labels)), labels, false).get(0);
            return c.abstained() ? Optional.empty()
                    : Optional.of(new Guess(c.best(), c.bestScore(), c.labels().get(0).evidence()));
        }
    }
}
