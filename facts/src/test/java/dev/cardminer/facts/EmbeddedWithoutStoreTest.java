package dev.cardminer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.testkit.EmbedderClassPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An application that reads model facts depends on this module and gets no DuckDB: only {@link Leaderboard#read}
 * needs its driver, an optional dependency the application adds (README, "Use it as a library"), and says so when it
 * is missing.
 */
class EmbeddedWithoutStoreTest {

    private final EmbedderClassPath path = EmbedderClassPath.ofThisModule();

    @Test
    void anApplicationGetsNoDuckDb() {
        assertThat(path.artifacts()).contains("dev.cardminer:cardminer-core", "dev.cardminer:cardminer-hub")
                .doesNotContain("dev.cardminer:cardminer-io", "org.duckdb:duckdb_jdbc");
    }

    @Test
    void readsAConfigOnThatClassPathAndTheLeaderboardAsksForTheDriver() {
        assertThat(path.run(ReadFacts.class)).startsWith("llama 32 layers gqa | ")
                .endsWith("reading the leaderboard needs DuckDB's JDBC driver (org.duckdb:duckdb_jdbc) on the class path");
    }

    /** What such an application does; run in a class loader over the path above alone. */
    public static final class ReadFacts implements Supplier<String> {

        /** Made by the class loader. */
        public ReadFacts() {
        }

        @Override
        public String get() {
            try {
                Architecture a = Architecture.fromConfig(new ObjectMapper().readTree("""
                        {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "num_hidden_layers": 32,
                         "hidden_size": 4096, "num_attention_heads": 32, "num_key_value_heads": 8}
                        """));
                Path parquet = Files.createTempFile("leaderboard", ".parquet");
                try {
                    Leaderboard.read(parquet);
                    return "the leaderboard was read without a driver";
                } catch (IOException e) {
                    return a.modelType() + " " + a.numLayers() + " layers " + a.attentionVariant() + " | " + e.getMessage();
                } finally {
                    Files.delete(parquet);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
