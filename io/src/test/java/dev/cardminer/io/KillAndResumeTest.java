package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills an analyze process mid-run (like kill -9 or a power cut), starts again and checks that the store
 * ends exactly as after an uninterrupted run.
 */
class KillAndResumeTest {

    private static final int CARDS = 499;

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayResumesToTheSameStoreAsAnUninterruptedRun() throws Exception {
        killAndResume(ConceptAnnotation.Annotators.NONE);
    }

    /** With the rules in one pass: sentences and annotations as well, and none left waiting for the names. */
    @Test
    void aOnePassRunKilledMidwayResumesToTheSameStoreAsAnUninterruptedRun() throws Exception {
        killAndResume(ConceptAnnotation.Annotators.RULES);
    }

    private void killAndResume(ConceptAnnotation.Annotators annotators) throws Exception {
        String corpus = TestCards.shared().resolve("corpus/cards").toString();
        Path reference = dir.resolve("reference.duckdb");
        try (CardSource cards = CardSources.open(corpus, HubOptions.fromEnvironment(), ProgressOutput.none())) {
            assertThat(new Analyzer(Analyzer.Config.builder(reference).annotators(annotators).build()).run(cards)
                    .written()).isEqualTo(CARDS);
        }

        Path db = dir.resolve("killed.duckdb");
        Path wal = dir.resolve("killed.duckdb.wal");
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AnalyzeChild.class.getName(), corpus, db.toString(),
                "10", "7", annotators.name().toLowerCase(Locale.ROOT))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            // Committed batches go to the write-ahead log: kill once a good part of the corpus is in.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(wal) && Files.size(wal) > 600_000) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(child.isAlive()).as("the child is still running (log: %s)", read(output)).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        long survived = TestCards.scalar(db, "SELECT count(*) FROM cards");
        assertThat(survived).as("cards committed before the kill").isBetween(1L, CARDS - 1L);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NULL")).isEqualTo(1);
        // Every card that survived is whole: its child rows are all there.
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards c WHERE problem_count <> "
                + "(SELECT count(*) FROM problems p WHERE p.card_id = c.id)")).isZero();
        if (annotators.rules()) {
            assertThat(TestCards.scalar(db, "SELECT count(*) FROM known_names_pending"))
                    .as("cards killed before the corpus's names were known").isEqualTo(survived);
            assertThat(TestCards.scalar(db, "SELECT count(*) FROM annotated_sentences")).isEqualTo(
                    TestCards.scalar(db, "SELECT count(*) FROM sentences")).isPositive();
        }

        Analyzer.Result resumed;
        try (CardSource cards = CardSources.open(corpus, HubOptions.fromEnvironment(), ProgressOutput.none())) {
            resumed = new Analyzer(Analyzer.Config.builder(db).annotators(annotators).build()).run(cards);
        }

        assertThat(resumed.skipped()).isEqualTo(survived);
        assertThat(resumed.written()).isEqualTo(CARDS - survived);
        assertThat(TestCards.differences(db, reference))
                .containsKeys("cards", "metadata", "metadata_values", "sections", "eval_results", "links", "problems",
                        "sentences", "annotations", "annotated_sentences", "known_names_pending")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
        Map<String, Long> counts = TestCards.counts(db);
        Map<String, Long> expected = TestCards.counts(reference);
        counts.remove("runs");
        expected.remove("runs");
        assertThat(counts).isEqualTo(expected);
        if (annotators.rules()) {
            assertThat(counts.get("annotations")).isPositive();
            assertThat(counts.get("known_names_pending")).isZero();
        }
        System.out.println("kill-and-resume (" + annotators + "): " + survived + " of " + CARDS + " cards were committed before the kill");
    }

    private static String read(Path p) {
        try {
            return String.join("\n", Files.exists(p) ? Files.readAllLines(p) : List.of());
        } catch (IOException e) {
            return e.toString();
        }
    }
}
