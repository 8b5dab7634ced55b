package dev.cardminer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.testkit.EmbedderClassPath;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An application that classifies parsed cards depends on this module alone and gets neither the store (cardminer-io)
 * nor DuckDB's driver and native library; only {@link ClassificationLog} needs a store (README, "Use it as a library").
 */
class EmbeddedWithoutStoreTest {

    private final EmbedderClassPath path = EmbedderClassPath.ofThisModule();

    @Test
    void anApplicationGetsNeitherTheStoreNorDuckDb() {
        assertThat(path.artifacts()).contains("dev.cardminer:cardminer-core", "dev.cardminer:cardminer-annotate")
                .doesNotContain("dev.cardminer:cardminer-io", "org.duckdb:duckdb_jdbc");
    }

    @Test
    void classifiesWithRulesOnThatClassPath() {
        assertThat(path.run(ClassifyWithRules.class)).isEqualTo("translation");
    }

    /** What such an application does; run in a class loader over the path above alone. */
    public static final class ClassifyWithRules implements Supplier<String> {

        /** Made by the class loader. */
        public ClassifyWithRules() {
        }

        @Override
        public String get() {
            LabelSet tasks = LabelSet.builtIn("pipeline_tag").orElseThrow();
            ModelCard card = ModelCard.parse("me/en-de", """
                    ---
                    metrics:
                    - bleu
                    ---
                    # en-de
                    This model translates English into German. It reaches a BLEU of 30.1 on the test set.
                    """);
            return new RuleClassifier().classify(List.of(CardText.of(card, tasks)), tasks, false).get(0).best();
        }
    }
}
