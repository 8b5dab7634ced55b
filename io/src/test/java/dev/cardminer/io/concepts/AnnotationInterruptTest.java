package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.AnnotationOutcome;
import dev.cardminer.annotate.Annotator;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.Queries;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's annotations and its done-marks are one transaction on every path: an exception while the
 * marks are written, SIGINT and SIGKILL at many points. After each interruption a re-run must end with
 * exactly the store an uninterrupted run leaves.
 */
class AnnotationInterruptTest {

    private static final int BATCH = 40;

    @TempDir
    static Path dir;

    private static Path base;
    private static List<String> expected;
    private static long sentences;

    private final PrintWriter log = new PrintWriter(new StringWriter());

    @BeforeAll
    static void referenceRun() throws Exception {
        base = dir.resolve("base.duckdb");
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("trainer", "llm", "peft")).build().open(base)) {
            sentences = new AnnotationPhase(c, BATCH).ensureSentences();
        }
        Path reference = copy("reference");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + reference)) {
            AnnotationPhase phase = new AnnotationPhase(c, BATCH);
            phase.run(new RuleAnnotator(phase.knownNames()), new PrintWriter(new StringWriter()));
            expected = annotations(c);
        }
        assertThat(sentences).as("enough sentences for many batches").isGreaterThan(BATCH * 30L);
        assertThat(expected).hasSizeGreaterThan(100);
    }

    @Test
    void anExceptionWhileTheMarksAreWrittenKeepsNoAnnotationOfThatBatch() throws Exception {
        Path db = copy("failing");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            AnnotationPhase phase = new AnnotationPhase(c, BATCH);
            RuleAnnotator rules = new RuleAnnotator(phase.knownNames());
            AtomicInteger batches = new AtomicInteger();
            // On the fourth batch the marks table goes away (another connection renames it) after the batch
            // is annotated: the annotations appender takes the batch's rows, the marks appender then fails.
            Connection other = ((org.duckdb.DuckDBConnection) c).duplicate();
            Annotator failing = new Wrapped(rules) {
                @Override
                public AnnotationOutcome annotateAll(List<Sentence> batch) {
                    if (batches.incrementAndGet() == 4) {
                        try (Statement st = other.createStatement()) {
                            st.execute("ALTER TABLE sentence_marks RENAME TO marks_elsewhere");
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return rules.annotateAll(batch);
                }
            };
            assertThatThrownBy(() -> phase.run(failing, log)).isInstanceOf(SQLException.class);
            try (Statement st = other.createStatement()) {
                st.execute("ALTER TABLE marks_elsewhere RENAME TO sentence_marks");
            }
            other.close();
            assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences")).isEqualTo(3L * BATCH);
            assertThat(Queries.count(c, "SELECT count(*) FROM annotations n WHERE NOT EXISTS (SELECT 1 FROM "
                    + "annotated_sentences a WHERE a.card_id = n.card_id AND a.sentence = n.sentence)"))
                    .as("annotations without their mark").isZero();
            phase.run(new RuleAnnotator(phase.knownNames()), log);
            assertThat(annotations(c)).isEqualTo(expected);
        }
    }

    @Test
    void interruptedAtManyPointsAReRunEndsAsAnUninterruptedRun() throws Exception {
        int[] afterBatches = {1, 2, 3, 5, 8, 12, 17, 23};
        int interrupted = 0;
        for (int i = 0; i < afterBatches.length; i++) {
            String signal = i % 2 == 0 ? "INT" : "KILL";
            Path db = copy("interrupted-" + i);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    RulesAnnotationMain.class.getName(), db.toString(), String.valueOf(BATCH))
                    .redirectErrorStream(true).start();
            boolean finished = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                int seen = 0;
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("done")) {
                        finished = true;
                        break;
                    }
                    if (line.equals("batch") && ++seen == afterBatches[i]) {
                        // The batch is about to be written: the signal lands before, during or after it.
                        new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start().waitFor();
                        break;
                    }
                }
            } finally {
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            if (!finished) {
                interrupted++;
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
                long marked = Queries.count(c, "SELECT count(*) FROM annotated_sentences");
                assertThat(marked % BATCH).as("whole batches only (SIG%s after %d)", signal, afterBatches[i]).isZero();
                assertThat(Queries.count(c, "SELECT count(*) FROM annotations n WHERE NOT EXISTS (SELECT 1 FROM "
                        + "annotated_sentences a WHERE a.card_id = n.card_id AND a.sentence = n.sentence)"))
                        .as("annotations without their mark (SIG%s after %d)", signal, afterBatches[i]).isZero();
                AnnotationPhase phase = new AnnotationPhase(c, BATCH);
                AnnotationPhase.Result r = phase.run(new RuleAnnotator(phase.knownNames()), log);
                assertThat(r.sentences()).isEqualTo(sentences - marked);
                assertThat(annotations(c)).as("SIG%s after %d batches", signal, afterBatches[i]).isEqualTo(expected);
                assertThat(Queries.count(c, "SELECT count(*) FROM annotated_sentences")).isEqualTo(sentences);
            }
        }
        assertThat(interrupted).as("runs the signal stopped before their end").isGreaterThan(afterBatches.length / 2);
    }

    private static Path copy(String name) throws Exception {
        Path to = dir.resolve(name + ".duckdb");
        Files.copy(base, to);
        return to;
    }

    private static List<String> annotations(Connection c) throws SQLException {
        return Queries.rows(c, "SELECT * FROM annotations ORDER BY ALL");
    }

    /** An annotator that passes everything to another. */
    private static class Wrapped implements Annotator {
        private final Annotator inner;

        Wrapped(Annotator inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<Annotation> annotate(List<Sentence> sentences) {
            return inner.annotate(sentences);
        }
    }
}
