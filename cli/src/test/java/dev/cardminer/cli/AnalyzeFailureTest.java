package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.LocalHttpServer;
import dev.cardminer.testkit.LocalHttpServer.Response;
import dev.cardminer.testkit.SharedData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code analyze} fails (issue 9): an LLM server that is not there, sentences that stay unanswered,
 * Ctrl-C. Each ends with one line and an exit status that says whether the work is done; a run that did not
 * finish has no {@code finished_at}.
 */
class AnalyzeFailureTest {

    @TempDir
    Path dir;

    private Path cards() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(folder.resolve("acme__alpha.md"), "# Alpha\n\nAlpha was fine-tuned from BERT.\n");
        Files.writeString(folder.resolve("acme__beta.md"), "# Beta\n\nBeta reaches 91% accuracy on SQuAD.\n");
        return folder;
    }

    private static String completion(String content) {
        return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"}}]}";
    }

    private static long scalar(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void moreThreadsThanCoresAreCappedWithALine() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        CliRun r = run("analyze", cards().toString(), "--db", dir.resolve("j.duckdb").toString(), "--progress", "none",
                "-j", String.valueOf(cores + 1));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("cardminer analyze: -j " + (cores + 1) + " is more than the " + cores
                + " cores this process may use; parsing with " + cores + "\n");
        assertThat(r.out()).contains("analyze: 2 cards (2 new or changed");
    }

    /** A folder of Parquet shards with one cut short and one in another schema: both named, the good one read. */
    @Test
    void aBadParquetShardIsNamedAndTheOthersAreAnalysed() throws Exception {
        Path shards = Files.createDirectories(dir.resolve("shards"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT 'acme/m' || i AS modelId, '# M' || i || chr(10) || chr(10) || 'A model.' AS card "
                    + "FROM range(3) t(i)) TO '" + shards.resolve("a.parquet") + "' (FORMAT parquet)");
            st.execute("COPY (SELECT 'acme/x' AS id, '# X' AS text) TO '" + shards.resolve("c.parquet") + "' (FORMAT parquet)");
        }
        byte[] whole = Files.readAllBytes(shards.resolve("a.parquet"));
        Files.write(shards.resolve("b.parquet"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path db = dir.resolve("p.duckdb");
        CliRun r = run("analyze", shards.toString(), "--db", db.toString(), "--progress", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("analyze: 3 cards (3 new or changed", "0 failed");
        assertThat(r.err()).contains("analyze: " + shards + ": 2 entries skipped, not readable as cards (" + shards.resolve("b.parquet")
                + ": not readable as Parquet (truncated or corrupt?): ", "; " + shards.resolve("c.parquet")
                + ": not in the model-card dataset schema (no modelId column; found [id, text]))")
                .doesNotContain("pending query result");
        assertThat(scalar(db, "SELECT count(*) FROM cards WHERE source = '" + shards.resolve("a.parquet") + "'")).isEqualTo(3);
    }

    @Test
    void jsonLinesThatAreNotCardsAreSkippedWithLineNumbersAndAFileOfNoneIsAnError() throws Exception {
        Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), "{\"modelId\": \"a/b\", \"card\": \"# B\"}\n"
                + "{\"name\": \"not a card\"}\n{\"modelId\": \"a/c\"}\n");
        Path db = dir.resolve("x.duckdb");
        CliRun r = run("analyze", mixed.toString(), "--db", db.toString(), "--progress", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("analyze: 1 card (1 new or changed");
        assertThat(r.err()).contains("analyze: " + mixed + ": 2 entries skipped, not readable as cards "
                + "(line 2: no modelId; line 3: no card)");
        assertThat(scalar(db, "SELECT count(*) FROM cards")).isEqualTo(1);

        Path none = Files.writeString(dir.resolve("none.jsonl"), "{\"text\": \"x\"}\n{\"text\": \"y\"}\n");
        CliRun bad = run("analyze", none.toString(), "--db", dir.resolve("y.duckdb").toString(), "--progress", "none");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("cardminer analyze: " + none + ": no line is a card (a JSON object with modelId "
                + "and card); line 1: no modelId\n");
    }

    @Test
    void anUnreachableLlmServerFailsAtOnceInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path db = dir.resolve("x.duckdb");
        CliRun r = run("analyze", cards().toString(), "--db", db.toString(), "--progress", "none",
                "--annotator", "llm", "--llm-url", "http://127.0.0.1:" + port, "--llm-model", "m");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cardminer analyze: LLM server http://127.0.0.1:" + port
                + "/v1/chat/completions: connection refused\n");
        assertThat(db).as("nothing was started").doesNotExist();
    }

    @Test
    void sentencesLeftWithoutAnswerEndNonZeroAndARunAgainFinishes() throws Exception {
        AtomicBoolean failBeta = new AtomicBoolean(true);
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.on("POST", "/v1/chat/completions", (req, g) -> failBeta.get() && req.bodyText().contains("Beta")
                    ? Response.of(500) : Response.json(completion("BERT -|- model -|- a model")));
            Path db = dir.resolve("x.duckdb");
            String[] args = {"analyze", cards().toString(), "--db", db.toString(), "--progress", "none",
                    "--annotator", "llm", "--llm-url", server.uri().toString(), "--llm-model", "m",
                    "--llm-retries", "0"};
            CliRun first = run(args);
            assertThat(first.exit()).as(first.err()).isEqualTo(OneLineErrorHandler.INCOMPLETE);
            assertThat(first.err()).contains("cardminer analyze: 2 sentences still have no answer from the LLM "
                    + "server after retries; run again to finish");
            assertThat(scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL")).isEqualTo(1);

            failBeta.set(false);
            CliRun second = run(args);
            assertThat(second.exit()).as(second.err()).isZero();
            assertThat(second.err()).doesNotContain("run again");
            assertThat(scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL")).isEqualTo(1);
            assertThat(scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL")).isEqualTo(1);
            assertThat(scalar(db, "SELECT count(*) FROM annotated_sentences")).isEqualTo(
                    scalar(db, "SELECT count(*) FROM sentences"));
        }
    }

    @Test
    void ctrlCPrintsOneLineLeavesTheRunUnfinishedAndARunAgainFinishes() throws Exception {
        Path db = dir.resolve("x.duckdb");
        Path wal = dir.resolve("x.duckdb.wal");
        Path report = dir.resolve("report");
        String corpus = SharedData.corpusCards().toString();
        // Small batches, so that the cards, sentences and annotations of the rules' one pass reach the store's
        // log batch by batch: Ctrl-C once some are in, while ingestion goes on.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Cardminer.class.getName(),
                "analyze", corpus, "--db", db.toString(), "--progress", "none", "--batch-size", "5",
                "--report", report.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread interrupter = new Thread(() -> {
            try {
                while (child.isAlive() && !(Files.exists(wal) && Files.size(wal) > 300_000)) {
                    Thread.sleep(5);
                }
                if (child.isAlive()) {
                    new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        interrupter.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            interrupter.join(10_000);
        }
        assertThat(child.exitValue()).as(String.join("\n", lines)).isEqualTo(130);
        List<String> told = lines.stream().filter(l -> l.contains("interrupted")).toList();
        assertThat(told).as(String.join("\n", lines)).containsExactly("cardminer analyze: interrupted; every batch "
                + "committed so far is kept (cards, sentences, annotations, LLM answers); run again to resume and "
                + "write the report (" + report + " may be incomplete until then)");
        assertThat(lines).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        assertThat(scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL")).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM cards")).as("interrupted while ingesting").isBetween(1L, 498L);
        assertThat(scalar(db, "SELECT count(*) FROM annotated_sentences")).as("annotated in one pass, card by card")
                .isEqualTo(scalar(db, "SELECT count(*) FROM sentences")).isPositive();

        CliRun again = run("analyze", corpus, "--db", db.toString(), "--progress", "none");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL")).isEqualTo(1);
        assertThat(scalar(db, "SELECT count(*) FROM annotated_sentences")).isEqualTo(
                scalar(db, "SELECT count(*) FROM sentences"));
        assertThat(scalar(db, "SELECT count(*) FROM (SELECT card_id, sentence FROM annotated_sentences "
                + "GROUP BY ALL HAVING count(*) > 1)")).isZero();
        assertThat(scalar(db, "SELECT count(*) FROM cards")).isEqualTo(499);
        assertThat(scalar(db, "SELECT count(*) FROM known_names_pending")).isZero();
    }

    /** Ctrl-C in {@code suggest --db}: one line saying what is kept, exit 130, and a re-run stores every card's rows. */
    @Test
    void ctrlCInSuggestWithAStorePrintsOneLine() throws Exception {
        Path db = dir.resolve("s.duckdb");
        String corpus = SharedData.corpusCards().toString();
        assertThat(run("analyze", corpus, "--db", db.toString(), "--progress", "none", "--annotator", "none").exit())
                .isZero();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Cardminer.class.getName(),
                "suggest", "--db", db.toString(), "--json");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (lines.isEmpty()) {
                    // the first card's line: hundreds are still to come
                    new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor();
                }
                lines.add(line);
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        assertThat(child.exitValue()).as(String.join("\n", lines)).isEqualTo(130);
        assertThat(lines.stream().filter(l -> l.contains("interrupted")).toList()).containsExactly("cardminer suggest: "
                + "interrupted; the suggestion rows stored so far are kept; run again to finish");
        assertThat(lines).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        CliRun again = run("suggest", "--db", db.toString(), "--json");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("interrupted");
        assertThat(scalar(db, "SELECT count(DISTINCT card_id) FROM suggestions")).isPositive();
    }

    /** The summary names the first duplicate id as the source gave it: terminal escapes in it are shown, not run. */
    @Test
    void aDuplicateIdInTheSummaryIsEscaped() throws Exception {
        Path jsonl = dir.resolve("cards.jsonl");
        Files.writeString(jsonl, "{\"modelId\": \"a/\\u001b[2Jx\", \"card\": \"# one\"}\n"
                + "{\"modelId\": \"a/\\u001b[2Jx\", \"card\": \"# again\"}\n");
        CliRun r = run("analyze", jsonl.toString(), "--db", dir.resolve("d.duckdb").toString(), "--progress", "none",
                "--annotator", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 duplicate id: a/\\u001b[2Jx in ").doesNotContain("\u001b");
    }
}
