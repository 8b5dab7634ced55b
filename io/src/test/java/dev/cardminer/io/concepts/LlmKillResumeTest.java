package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.FakeChatServer;
import dev.cardminer.testkit.store.Queries;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real kill: the LLM annotation phase runs in a JVM of its own, is killed (SIGKILL) once the server has
 * answered about a third of the sentences, and is run again. Answers cached before the kill are never
 * requested again, and the store ends as an uninterrupted run leaves it.
 */
class LlmKillResumeTest {

    private static final String MODEL = "fake";
    private static final int CARDS = 24;
    private static final int PER_CARD = 16;
    private static final int CONCURRENCY = 4;
    private static final int BATCH = 64;

    private final StringWriter logText = new StringWriter();
    private final PrintWriter log = new PrintWriter(logText);

    @Test
    void aKilledRunResumesWithoutRepeatingCachedRequests(@TempDir Path dir) throws Exception {
        Path killed = dir.resolve("killed.duckdb");
        Path fresh = dir.resolve("fresh.duckdb");
        writeStore(killed);
        assertThat(killed.resolveSibling("killed.duckdb.wal")).doesNotExist();
        Files.copy(killed, fresh);
        int total = CARDS * PER_CARD;

        try (FakeChatServer server = FirstWordLabeller.server(n -> false, Duration.ofMillis(20))) {
            // The reference: an uninterrupted run over a copy of the same store.
            List<String> expected;
            long distinct;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + fresh)) {
                AnnotationPhase.Result r = LlmAnnotationMain.run(c, server.url(), MODEL, CONCURRENCY, BATCH, log);
                assertThat(r.stopped()).isFalse();
                assertThat(r.sentences()).isEqualTo(total);
                expected = rows(c, "SELECT * FROM annotations ORDER BY ALL");
                distinct = Queries.count(c, "SELECT count(DISTINCT text) FROM sentences");
            }
            assertThat(distinct).isLessThan(total);
            assertThat(server.requestCount()).isEqualTo(distinct);
            assertThat(expected).isNotEmpty();
            server.clearSentenceCounts();
            int answeredBefore = server.answered();

            // The same phase in a JVM of its own, killed once about a third of the sentences are answered.
            Path childLog = dir.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    LlmAnnotationMain.class.getName(), killed.toString(), server.url().toString(), MODEL,
                    String.valueOf(CONCURRENCY), String.valueOf(BATCH))
                    .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
            int answeredAtKill;
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (server.answered() - answeredBefore < distinct * 3 / 10) {
                    assertThat(child.isAlive()).as("child ended early:\n%s", Files.readString(childLog)).isTrue();
                    assertThat(System.nanoTime()).as("child too slow:\n%s", Files.readString(childLog))
                            .isLessThan(deadline);
                    Thread.sleep(2);
                }
                child.destroyForcibly();
                assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
                answeredAtKill = server.answered() - answeredBefore;
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(child.exitValue()).isNotZero();

            // The killed store opens (its write-ahead log is replayed) and holds what was cached.
            assertThat(killed.resolveSibling("killed.duckdb.wal")).exists();
            Set<String> cachedTexts;
            long markedAtKill;
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + killed, readOnly)) {
                cachedTexts = new HashSet<>(rows(c, "SELECT DISTINCT s.text FROM llm_cache l JOIN sentences s "
                        + "ON sha256(s.text) = l.text_hash WHERE l.model = '" + MODEL + "'"));
                markedAtKill = Queries.count(c, "SELECT count(*) FROM annotated_sentences");
                // Batches commit whole: a marked sentence has its answer cached and its annotations written.
                assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences a JOIN sentences s "
                        + "ON s.card_id = a.card_id AND s.position = a.sentence "
                        + "WHERE sha256(s.text) NOT IN (SELECT text_hash FROM llm_cache)")).isZero();
                assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences a WHERE NOT EXISTS "
                        + "(SELECT 1 FROM annotations n WHERE n.card_id = a.card_id AND n.sentence = a.sentence)"))
                        .isZero();
            }
            // Killed midway: a good part answered and cached, not all.
            assertThat(cachedTexts).hasSizeGreaterThan(0).hasSizeLessThan((int) distinct);
            assertThat(markedAtKill).isLessThan(total);
            Map<String, Integer> beforeKill = server.requestsBySentence();
            assertThat(beforeKill.keySet()).containsAll(cachedTexts);

            // The second run: no cached sentence is sent again; each other text is sent once.
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + killed)) {
                StoreLlmCache cache = new StoreLlmCache(c);
                AnnotationPhase phase = new AnnotationPhase(c, BATCH);
                try (LlmAnnotator llm = new LlmAnnotator(LlmConfig.defaults(server.url(), MODEL)
                        .withConcurrency(CONCURRENCY).withRetries(0, Duration.ZERO)
                        .withTimeout(Duration.ofSeconds(5)), cache)) {
                    AnnotationPhase.Result r = phase.run(llm, log);
                    assertThat(r.stopped()).isFalse();
                    assertThat(r.sentences()).isEqualTo(total - markedAtKill);
                    assertThat(llm.stats().requests()).isEqualTo(distinct - cachedTexts.size());
                }
                Map<String, Integer> after = server.requestsBySentence();
                for (String text : cachedTexts) {
                    assertThat(after.get(text)).as("requests for a text cached before the kill: %s", text)
                            .isEqualTo(beforeKill.get(text));
                }

                // The store ends as the uninterrupted run left its copy: same annotations, no duplicates.
                assertThat(rows(c, "SELECT * FROM annotations ORDER BY ALL")).isEqualTo(expected);
                assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences")).isEqualTo(total);
                assertThat(Queries.count(c, "SELECT count(DISTINCT (card_id, sentence)) FROM annotated_sentences"))
                        .isEqualTo(total);
                assertThat(Queries.count(c, "SELECT count(*) FROM llm_cache")).isEqualTo(distinct);
            }
            System.out.printf("LlmKillResumeTest: %d sentences (%d texts); killed after %d answers with %d cached, "
                    + "%d sentences marked%n", total, distinct, answeredAtKill, cachedTexts.size(), markedAtKill);
        }
    }

    /**
     * A store of synthetic sentences: every card repeats two headings (shared requests), the rest are
     * distinct, some naming a BERT-family model.
     */
    private static void writeStore(Path file) throws Exception {
        String[] models = {"DistilBERT", "a small LSTM", "RoBERTa-large", "T5"};
        String[] openers = {"This", "Our", "The", "Each"};
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).build().open(file);
             PreparedStatement st = c.prepareStatement("INSERT INTO sentence_rows (card_id, position, section, heading, "
                     + "start_offset, end_offset, text) VALUES (?, ?, NULL, NULL, 0, 0, ?)")) {
            for (int card = 0; card < CARDS; card++) {
                for (int i = 0; i < PER_CARD; i++) {
                    String text = switch (i) {
                        case 0 -> "Model description";
                        case 8 -> "Training procedure";
                        default -> "%s card %d, sentence %d: %s was trained for %d epochs.".formatted(
                                openers[(card + i) % openers.length], card, i, models[(card * i) % models.length],
                                1 + (card + i) % 5);
                    };
                    st.setString(1, "org/card-%02d".formatted(card));
                    st.setInt(2, i);
                    st.setString(3, text);
                    st.addBatch();
                }
            }
            st.executeBatch();
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        return Queries.rows(c, sql);
    }

}
