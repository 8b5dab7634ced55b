package dev.cardminer.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.testkit.EmbedderClassPath;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An application that suggests metadata for parsed cards depends on this module alone and gets neither the store
 * (cardminer-io) nor DuckDB's driver and native library; only {@link SuggestionStore} needs them (README, "Use it as a
 * library").
 */
class EmbeddedWithoutStoreTest {

    private final EmbedderClassPath path = EmbedderClassPath.ofThisModule();

    @Test
    void anApplicationGetsNeitherTheStoreNorDuckDb() {
        assertThat(path.artifacts()).contains("dev.cardminer:cardminer-core", "dev.cardminer:cardminer-facts")
                .doesNotContain("dev.cardminer:cardminer-io", "org.duckdb:duckdb_jdbc");
    }

    @Test
    void suggestsAndPatchesOnThatClassPath() {
        assertThat(path.run(SuggestAndPatch.class)).isEqualTo("license=apache-2.0 patched=true");
    }

    /** What such an application does; run in a class loader over the path above alone. */
    public static final class SuggestAndPatch implements Supplier<String> {

        /** Made by the class loader. */
        public SuggestAndPatch() {
        }

        @Override
        public String get() {
            ModelCard card = ModelCard.parse("me/tiny-bert", """
                    # tiny-bert

                    A small encoder.

                    ## License

                    This model is released under the Apache License 2.0.
                    """);
            List<Suggestion> found = Suggester.builder().fields(List.of("license")).build().suggest(card).suggestions();
            Patch patch = new CardPatcher().patch(card, found);
            return found.stream().map(s -> s.field() + "=" + s.value()).reduce((a, b) -> a + " " + b).orElse("none")
                    + " patched=" + (patch.patched() != null && patch.patched().contains("license: apache-2.0"));
        }
    }
}
