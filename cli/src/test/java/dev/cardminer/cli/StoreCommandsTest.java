package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze}, {@code stats} and {@code query} as a user runs them. */
class StoreCommandsTest {

    @TempDir
    Path dir;

    private Path cards() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cards"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(folder.resolve("acme__m" + i + ".md"),
                    "---\nlicense: mit\ntags:\n- t" + i + "\n---\n# Model " + i + "\n\nIt does thing " + i + ".\n");
        }
        Files.writeString(folder.resolve("acme__broken.md"), "---\nlicense: [unclosed\n---\n# Broken\n");
        return folder;
    }

    @Test
    void analyzeThenStatsThenQuery() throws Exception {
        Path db = dir.resolve("x.duckdb");
        CliRun analyze = run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none",
                "--annotator", "none", "--report", dir.resolve("report").toString());
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("analyze: 6 cards (6 new or changed");
        assertThat(dir.resolve("report/index.html")).exists();

        CliRun stats = run("stats", "--db", db.toString(), "--json");
        assertThat(stats.exit()).as(stats.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(stats.out());
        assertThat(json.get("cards").asLong()).isEqualTo(6);
        assertThat(json.get("cardsWithMetadata").asLong()).isEqualTo(6);
        assertThat(json.get("problems").asLong()).isPositive();
        assertThat(json.get("problemsBySeverity").get("error").asLong()).isPositive();
        assertThat(json.has("sentences") && json.has("meanCompleteness") && json.has("annotations")).isTrue();

        CliRun table = run("stats", "--db", db.toString());
        assertThat(table.out()).containsPattern("cards\\s+6").contains("with metadata");

        // a problem code longer than the labels' column still leaves its value in the column of the others
        Path folder = Files.createDirectories(dir.resolve("long-code"));
        Files.writeString(folder.resolve("acme__mi.md"), "---\nmodel-index:\n- name: m\n  results:\n  - task: {type: "
                + "text-classification}\n    metrics:\n    - {type: accuracy, value: 0.9}\n---\n# M\n\nText here.\n");
        Path longDb = dir.resolve("long.duckdb");
        assertThat(run("analyze", folder.toString(), "--db", longDb.toString(), "--progress", "none").exit()).isZero();
        List<String> lines = run("stats", "--db", longDb.toString()).out().lines().filter(l -> l.startsWith("  ")
                || l.startsWith("cards")).toList();
        assertThat(lines).anyMatch(l -> l.contains("model-index-missing-field"));
        int column = lines.get(0).indexOf('1');
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isGreaterThan(column))
                .allSatisfy(l -> assertThat(l.charAt(column - 1)).as(l).isEqualTo(' '))
                .allSatisfy(l -> assertThat(Character.isDigit(l.charAt(column))).as(l).isTrue());

        CliRun csv = run("query", "--db", db.toString(), "--format", "csv",
                "SELECT id, has_metadata FROM cards WHERE id LIKE 'acme/m%' ORDER BY id LIMIT 2");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).isEqualTo("id,has_metadata\r\nacme/m0,true\r\nacme/m1,true\r\n");

        CliRun rows = run("query", "--db", db.toString(), "--format", "json",
                "SELECT key, count(*) AS n FROM metadata GROUP BY key ORDER BY key");
        JsonNode array = new ObjectMapper().readTree(rows.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.get(0).get("key").asText()).isEqualTo("license");
        assertThat(array.get(0).get("n").asLong()).isEqualTo(5); // the broken block has no readable keys

        CliRun text = run("query", "--db", db.toString(), "SELECT count(*) AS cards FROM cards");
        assertThat(text.out()).contains("cards").contains("6").contains("(1 row)");

        CliRun again = run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none", "--annotator", "none");
        assertThat(again.out()).contains("0 new or changed").contains("6 unchanged");
    }

    @Test
    void queryIsReadOnlyAndErrorsAreOneLine() throws Exception {
        Path db = dir.resolve("x.duckdb");
        run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none", "--annotator", "none");

        CliRun delete = run("query", "--db", db.toString(), "DELETE FROM cards");
        assertThat(delete.exit()).isNotZero();
        assertThat(delete.err()).contains("read-only").doesNotContain("\tat ");
        assertThat(run("query", "--db", db.toString(), "SELECT count(*) FROM cards").out()).contains("6");

        CliRun missing = run("stats", "--db", dir.resolve("none.duckdb").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("no such store");
    }

    @Test
    void aDuckDbFileThatIsNoStoreGivesDuckDbsOwnError() throws Exception {
        Path other = dir.resolve("other.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT 1 AS x");
        }
        CliRun stats = run("stats", "--db", other.toString());
        assertThat(stats.exit()).isNotZero();
        assertThat(stats.err()).startsWith("cardminer stats: ").contains("cards does not exist")
                .doesNotContain("pending query result").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void anUnreachableHubIsOneLineAndANonZeroExit() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = run("analyze", "--db", dir.resolve("x.duckdb").toString(), "--hub-endpoint", "http://127.0.0.1:" + port,
                "--cache-dir", dir.resolve("cache").toString(), "--progress", "none");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("cannot reach the Hub").contains("local source").doesNotContain("Exception\n");
    }

    @Test
    void badAnnotatorOptionsAreRejectedBeforeAnyCardIsRead() throws Exception {
        Path db = dir.resolve("never.duckdb");
        CliRun unknown = run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none",
                "--annotator", "nope");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.err()).contains("--annotator must be rules, llm, both or none, not nope");
        CliRun noServer = run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none",
                "--annotator", "llm");
        assertThat(noServer.exit()).isNotZero();
        assertThat(noServer.err()).contains("needs --llm-url and --llm-model");
        assertThat(db).doesNotExist();
    }
}
