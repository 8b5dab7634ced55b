package dev.cardminer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.testkit.FakeHub;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsCollectorTest {

    static final String SHA = "e".repeat(40);

    @TempDir
    Path dir;

    private FakeHub hub;

    @BeforeEach
    void start() {
        hub = FakeHub.start();
        addLlm(hub);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    /** A sharded, GQA, RoPE model whose card names two datasets, one curated and one found through its card. */
    static void addLlm(FakeHub hub) {
        hub.model("org/llm").sha(SHA)
                .info("\"author\":\"org\",\"pipeline_tag\":\"text-generation\",\"library_name\":\"transformers\","
                        + "\"tags\":[\"transformers\",\"license:apache-2.0\",\"base_model:org/base\"],\"gated\":false,"
                        + "\"downloads\":1234,\"likes\":56,\"createdAt\":\"2024-01-02T03:04:05.000Z\","
                        + "\"cardData\":{\"license\":\"apache-2.0\"},\"safetensors\":{\"parameters\":{\"BF16\":10005},\"total\":10005}")
                .file("README.md", "---\nlicense: apache-2.0\ndatasets:\n- wikipedia\n- org/daily-news\n"
                        + "model-index:\n- name: llm\n  results:\n  - task:\n      type: text-generation\n"
                        + "    dataset:\n      name: ARC\n      type: ai2_arc\n    metrics:\n    - type: acc\n      value: 0.5\n"
                        + "---\n# LLM\n\nA model.\n")
                .file("config.json", "{\"architectures\":[\"LlamaForCausalLM\"],\"model_type\":\"llama\",\"hidden_size\":4096,"
                        + "\"num_attention_heads\":32,\"num_key_value_heads\":8,\"num_hidden_layers\":32,"
                        + "\"intermediate_size\":14336,\"hidden_act\":\"silu\",\"max_position_embeddings\":131072,"
                        + "\"vocab_size\":128256,\"tie_word_embeddings\":false,\"rope_theta\":500000.0}")
                .file("model-00001-of-00002.safetensors", new SafetensorsFile().tensor("a", "BF16", 300, 10).bytes())
                .file("model-00002-of-00002.safetensors", new SafetensorsFile().tensor("b", "BF16", 700, 10)
                        .tensor("c", "F32", 5).bytes())
                .file("model.safetensors.index.json", "{\"metadata\":{\"total_size\":20020},\"weight_map\":{"
                        + "\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00002-of-00002.safetensors\","
                        + "\"c\":\"model-00002-of-00002.safetensors\"}}");
        hub.dataset("org/daily-news").info("\"tags\":[\"task_categories:summarization\"],"
                        + "\"cardData\":{\"task_categories\":[\"summarization\"],\"tags\":[\"finance\"]}")
                .file("README.md", "---\nlicense: mit\n---\n# Daily news\n\nNews articles from financial newspapers, 2010-2020.\n");
    }

    /** A Parquet file with the leaderboard's columns (two precisions of one model, the better kept). */
    static Path writeLeaderboard(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES "
                    + "('org/llm', 'bfloat16', '" + SHA + "', 30.5, 60.1, 35.2, 10.0, 8.5, 12.25, 30.0),"
                    + "('org/llm', 'float16', '" + SHA + "', 20.0, 50.0, 25.0, 5.0, 4.0, 6.0, 20.0),"
                    + "('other/model', 'bfloat16', NULL, 10.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)) "
                    + "AS t(fullname, \"Precision\", \"Model sha\", \"Average ⬆️\", \"IFEval\", \"BBH\", \"MATH Lvl 5\", "
                    + "\"GPQA\", \"MUSR\", \"MMLU-PRO\")) TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return file;
    }

    private FactsCollector collector(Leaderboard leaderboard) {
        HubClient client = HubClient.create(new HubOptions(hub.endpoint(), HubOptions.DEFAULT_DATASET, dir, null));
        return FactsCollector.builder(client).leaderboard(leaderboard)
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)).firstRead(64).build();
    }

    @Test
    void collectsEveryPartAndTheResultValidates() throws Exception {
        Leaderboard leaderboard = Leaderboard.read(writeLeaderboard(dir.resolve("lb.parquet")));
        assertThat(leaderboard.size()).isEqualTo(2);

        ModelFacts facts = collector(leaderboard).collect("org/llm", null);
        JsonNode f = facts.json();

        assertThat(f.path("model").asText()).isEqualTo("org/llm");
        JsonNode h = f.path("hub");
        assertThat(h.path("sha").asText()).isEqualTo(SHA);
        assertThat(h.path("downloads").asLong()).isEqualTo(1234);
        assertThat(h.path("license").asText()).isEqualTo("apache-2.0");
        assertThat(h.path("base_model").get(0).asText()).isEqualTo("org/base");
        assertThat(f.path("card").path("metadata").path("license").asText()).isEqualTo("apache-2.0");

        JsonNode a = f.path("architecture");
        assertThat(a.path("dimension").asInt()).isEqualTo(4096);
        assertThat(a.path("num_kv_heads").asInt()).isEqualTo(8);
        assertThat(a.path("attention_variant").asText()).isEqualTo("gqa");
        assertThat(a.path("mlp_ratio").asDouble()).isEqualTo(3.5);
        assertThat(a.path("positional_embeddings").asText()).isEqualTo("rope");
        assertThat(a.path("weight_tying").asBoolean(true)).isFalse();
        assertThat(a.path("sequence_length").asLong()).isEqualTo(131072);

        JsonNode p = f.path("parameters");
        assertThat(p.path("total").asLong()).isEqualTo(10_005);
        assertThat(p.path("byDtype").path("BF16").asLong()).isEqualTo(10_000);
        assertThat(p.path("hub_total").asLong()).isEqualTo(10_005);
        assertThat(p.path("source").asText()).contains("model.safetensors.index.json");

        JsonNode training = f.path("training_data");
        assertThat(training.get(0).path("dataset").asText()).isEqualTo("wikipedia");
        assertThat(training.get(0).path("taxonomy").get(0).path("category").asText()).isEqualTo("reference/encyclopedic");
        assertThat(training.get(0).path("taxonomy").get(0).path("confidence").asDouble()).isEqualTo(0.95);
        assertThat(training.get(1).path("taxonomy").findValuesAsText("category"))
                .contains("web/news", "specific_datasets/finance");

        JsonNode lb = f.path("results").path("open_llm_leaderboard");
        assertThat(lb.path("precision").asText()).isEqualTo("bfloat16");
        assertThat(lb.path("average").asDouble()).isEqualTo(30.5);
        assertThat(lb.path("mmlu_pro").asDouble()).isEqualTo(30.0);
        assertThat(f.path("results").path("model_index").get(0).path("metricValue").isMissingNode()).isFalse();

        assertThat(facts.problems()).isEmpty();
        assertThat(new FactsValidator().validate(Path.of("org_llm.json"), f)).isEmpty();
        // Weights were only read by ranges: never a request without a Range header.
        assertThat(hub.server().requests().stream().filter(r -> r.path().endsWith(".safetensors")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.header("range")).startsWith("bytes="));
    }

    @Test
    void missingPartsAreProblemsAndTheFileStillValidates() throws Exception {
        hub.model("org/bare").file("pytorch_model.bin", "x");

        ModelFacts facts = collector(Leaderboard.empty()).collect("org/bare", null);

        assertThat(facts.json().path("card").isNull()).isTrue();
        assertThat(facts.json().path("architecture").isNull()).isTrue();
        assertThat(facts.json().path("parameters").isNull()).isTrue();
        // Each part that is missing says so: without config.json, "architecture": null is not a config without the fields.
        assertThat(facts.problems()).containsExactly("README.md: the repo has no card",
                "config.json: model org/bare has no config.json at revision main, so its architecture is unknown "
                        + "(architecture: null)",
                "parameters: no safetensors weights in the repo");
        assertThat(new FactsValidator().validate(Path.of("org_bare.json"), facts.json())).isEmpty();
    }

    @Test
    void aConfigWithoutTheFieldsIsAnArchitectureOfNullsAndNoProblem() throws Exception {
        hub.model("org/plain").file("README.md", "# plain\n").file("config.json", "{\"some_other_key\": 1}")
                .file("model.safetensors", new SafetensorsFile().tensor("w", "F32", 10).bytes());

        ModelFacts facts = collector(Leaderboard.empty()).collect("org/plain", null);

        assertThat(facts.json().path("architecture").isObject()).isTrue();
        assertThat(facts.json().path("architecture").path("num_layers").isNull()).isTrue();
        assertThat(facts.problems()).isEmpty();
    }

    @Test
    void aCardTotalThatDisagreesWithTheHeadersIsAProblem() throws Exception {
        hub.model("org/claims").file("README.md", "---\ntotal_parameters: 7000000000\n---\n# x\n")
                .file("model.safetensors", new SafetensorsFile().tensor("w", "F32", 10).bytes());

        ModelFacts facts = collector(Leaderboard.empty()).collect("org/claims", null);

        assertThat(facts.json().path("parameters").path("declared").asLong()).isEqualTo(7_000_000_000L);
        assertThat(facts.problems()).contains(
                "parameters: the card's total_parameters says 7000000000, the safetensors headers count 10");
    }
}
