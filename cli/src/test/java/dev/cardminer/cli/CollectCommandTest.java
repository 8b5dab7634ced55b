package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.SyntheticStore;
import dev.cardminer.testkit.FakeHub;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {

    @TempDir
    Path dir;

    private FakeHub hub;
    private final ObjectMapper json = new ObjectMapper();

    /** A one-tensor safetensors file: 8-byte little-endian header length, the JSON header, zero bytes. */
    static byte[] safetensors(String dtype, int elements, int width) {
        byte[] header = ("{\"w\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + elements + "],\"data_offsets\":[0,"
                + elements * width + "]}}").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length + elements * width).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).array();
    }

    @BeforeEach
    void start() {
        hub = FakeHub.start();
        hub.model("org/a").file("README.md", "---\nlicense: mit\ndatasets: [bookcorpus]\n---\n# A\n")
                .file("config.json", "{\"hidden_size\":64,\"num_attention_heads\":4,\"intermediate_size\":256}")
                .file("model.safetensors", safetensors("F32", 100, 4)).info("\"downloads\":10");
        hub.model("org/b").file("README.md", "# B\n").file("model.safetensors", safetensors("BF16", 7, 2));
        hub.model("meta/gated").gated().file("README.md", "# G\n");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private String[] args(String... more) {
        String[] base = {"collect", "--hub-endpoint", hub.endpoint().toString(), "--no-leaderboard", "-j", "2"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void writesAFactsFilePerModelThatValidates() throws Exception {
        Path out = dir.resolve("facts");

        CliRun r = run(args("--out", out.toString(), "org/a", "org/b"));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = json.readTree(out.resolve("org_a.json").toFile());
        assertThat(a.path("parameters").path("total").asLong()).isEqualTo(100);
        assertThat(a.path("architecture").path("mlp_ratio").asDouble()).isEqualTo(4.0);
        assertThat(a.path("training_data").get(0).path("taxonomy").get(0).path("category").asText())
                .isEqualTo("books/literary/fiction");
        assertThat(json.readTree(out.resolve("org_b.json").toFile()).path("parameters").path("byDtype").path("BF16").asLong())
                .isEqualTo(7);
        assertThat(r.err()).contains("collect org/a: 100 parameters", "collect: 2 collected, 0 failed");

        CliRun valid = run("validate", out.toString());
        assertThat(valid.exit()).as(valid.out()).isZero();
        assertThat(valid.out()).contains("2 files, 0 invalid");
    }

    @Test
    void aGatedModelIsOneLineAndTheOthersAreStillCollected() throws Exception {
        CliRun r = run(args("--out", dir.toString(), "meta/gated", "org/b"));

        // Gated is the Hub's answer, not its failure: exit 2 (an input that cannot be read), not 3 (the Hub cannot be reached).
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("collect meta/gated: model meta/gated is gated: accept its conditions at "
                + hub.endpoint() + "/meta/gated and set HF_TOKEN", "collect: 1 collected, 1 not found or gated, 0 failed\n")
                .doesNotContain("run again");
        assertThat(dir.resolve("org_b.json")).exists();
    }

    @Test
    void aModelThatDoesNotExistIsAnAnswerNotAHubFailure() throws Exception {
        CliRun r = run(args("--out", dir.toString(), "me/missing", "org/b"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("collect me/missing: no model me/missing at " + hub.endpoint(),
                "collect: 1 collected, 1 not found or gated, 0 failed\n");
        // The facts of a repo without config.json say so, so that "architecture": null is not a config without the fields.
        JsonNode b = json.readTree(dir.resolve("org_b.json").toFile());
        assertThat(b.path("architecture").isNull()).isTrue();
        assertThat(b.path("problems").toString()).contains("config.json: model org/b has no config.json");
    }

    @Test
    void fromAStoreCollectsTheTopModelsIntoModelFactsAndResumes() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            SyntheticStore.builder()
                    .card(SyntheticStore.card("org/a").downloads(500).hasMetadata(true).build())
                    .card(SyntheticStore.card("org/b").downloads(900).hasMetadata(true).build())
                    .card(SyntheticStore.card("meta/gated").downloads(100).hasMetadata(true).build())
                    .card(SyntheticStore.card("local-file").downloads(99999).hasMetadata(false).build())
                    .build().writeTo(store.connection());
        }

        CliRun first = run(args("--from-db", db.toString(), "--top", "3"));
        assertThat(first.exit()).isEqualTo(2);
        assertThat(first.err()).contains("collect: 3 models from " + db + " by downloads",
                "2 collected, 1 not found or gated, 0 failed");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT model_id, total_parameters, error IS NULL, error FROM model_facts ORDER BY model_id")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("meta/gated");
            assertThat(r.getBoolean(3)).isFalse();
            assertThat(r.getString(4)).startsWith("no access: model meta/gated is gated");
            r.next();
            assertThat(r.getString(1)).isEqualTo("org/a");
            assertThat(r.getLong(2)).isEqualTo(100);
            r.next();
            assertThat(r.getLong(2)).isEqualTo(7);
        }

        int infoRequests = hub.server().requests("/api/models/").size();
        CliRun again = run(args("--from-db", db.toString(), "--top", "3"));
        // Nothing left to ask: the gated model is not asked again forever, and the run succeeds.
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("2 already collected (skipped), 1 not found or gated at an earlier run "
                + "(skipped; name it or use --recheck to ask again)", "0 collected, 0 failed");
        assertThat(hub.server().requests("/api/models/")).hasSize(infoRequests);

        // Named, it is asked again (after accepting its conditions, say).
        int gatedRequests = hub.server().requests("/api/models/meta/gated").size();
        CliRun named = run(args("--from-db", db.toString(), "--top", "3", "meta/gated"));
        assertThat(named.exit()).isEqualTo(2);
        assertThat(hub.server().requests("/api/models/meta/gated")).hasSizeGreaterThan(gatedRequests);
        // So is every model recorded so, with --recheck (a token that was wrong for them all, say).
        gatedRequests = hub.server().requests("/api/models/meta/gated").size();
        CliRun recheck = run(args("--from-db", db.toString(), "--top", "3", "--recheck"));
        assertThat(recheck.exit()).isEqualTo(2);
        assertThat(recheck.err()).contains("2 already collected (skipped)\n", "0 collected, 1 not found or gated");
        assertThat(hub.server().requests("/api/models/meta/gated")).hasSizeGreaterThan(gatedRequests);
    }

    private static byte[] leaderboardParquet(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * FROM (VALUES ('org/a', 'bfloat16', 41.5, 70.0, 40.0, 20.0, 10.0, 15.0, 33.0)) "
                    + "AS t(fullname, \"Precision\", \"Average ⬆️\", \"IFEval\", \"BBH\", \"MATH Lvl 5\", \"GPQA\", "
                    + "\"MUSR\", \"MMLU-PRO\")) TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
        }
        return Files.readAllBytes(file);
    }

    @Test
    void leaderboardScoresComeFromTheHubsParquetOrALocalCopy() throws Exception {
        byte[] parquet = leaderboardParquet(dir.resolve("lb.parquet"));
        hub.dataset("open-llm-leaderboard/contents").file("data/train-00000-of-00001.parquet", parquet);

        CliRun fromHub = run("collect", "--hub-endpoint", hub.endpoint().toString(), "--cache-dir",
                dir.resolve("cache").toString(), "org/a");
        assertThat(fromHub.exit()).as(fromHub.err()).isZero();
        JsonNode scores = json.readTree(fromHub.out()).path("results").path("open_llm_leaderboard");
        assertThat(scores.path("average").asDouble()).isEqualTo(41.5);
        assertThat(scores.path("math_lvl_5").asDouble()).isEqualTo(20.0);

        CliRun local = run("collect", "--hub-endpoint", hub.endpoint().toString(), "--leaderboard",
                dir.resolve("lb.parquet").toString(), "org/b");
        assertThat(json.readTree(local.out()).path("results").path("open_llm_leaderboard").isNull()).isTrue();

        CliRun notParquet = run("collect", "--hub-endpoint", hub.endpoint().toString(), "--leaderboard",
                dir.resolve("missing.parquet").toString(), "org/b");
        assertThat(notParquet.exit()).isEqualTo(2);
        assertThat(notParquet.err()).contains("missing.parquet: no such file");
    }

    @Test
    void anUnreachableHubStopsTheRunWithOneLine() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun r = run("collect", "--hub-endpoint", "http://127.0.0.1:" + closed, "--no-leaderboard", "-j", "1",
                "org/a", "org/b", "org/c");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().filter(l -> l.contains("cannot reach the Hub"))).containsExactly(
                "collect: cannot reach the Hub at http://127.0.0.1:" + closed
                        + " (connection refused); stopped, 3 models left: run again to resume");
    }

    @Test
    void validateNamesTheFileAndPathOfEachViolation() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"model\": \"org/x\", \"hub\": {\"id\": \"org/x\", \"sha\": null}, \"card\": null, "
                + "\"architecture\": null, \"parameters\": {\"total\": -5, \"byDtype\": {}, \"source\": \"x\"}, "
                + "\"training_data\": [], \"results\": {\"open_llm_leaderboard\": null, \"model_index\": []}, \"problems\": []}");

        CliRun r = run("validate", bad.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ": $.parameters.total: ").contains(bad + ": $.parameters.byDtype: ")
                .contains("1 file, 1 invalid");
    }

    @Test
    void taxonomyPrintsTheCuratedPlacementOffline() {
        CliRun r = run("taxonomy", "--offline", "wikipedia", "bigcode/the-stack", "org/unknown");

        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "wikipedia\treference/encyclopedic\t0.95\tcurated table: Wikipedia articles",
                "bigcode/the-stack\tcode/source_code\t0.95\tcurated table: GitHub source files",
                "org/unknown\t(unplaced)");
        assertThat(hub.server().requests()).isEmpty();
    }
}
