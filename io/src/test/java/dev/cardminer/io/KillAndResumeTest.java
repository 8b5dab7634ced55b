package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        // Committed batches go to the write-ahead log: kill once a good part of the corpus is in.
        analyzeAndKill(corpus, db, annotators.name().toLowerCase(Locale.ROOT), 600_000);

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

    /**
     * A re-run that finds new cards (a third of the corpus, and one whose datasets bring a name the stored cards'
     * sentences name) killed mid-run, then resumed with pruning (a stored card the source no longer has goes, with the
     * only card's name it had): the store ends as a fresh run of the same cards.
     */
    @Test
    void aRerunWithNewCardsKilledMidwayResumesToAFreshRun() throws Exception {
        // One folder, so that the stored cards' sources are the fresh run's: first two thirds of the corpus, then all.
        Path folder = Files.createDirectories(dir.resolve("cards"));
        Path corpus = TestCards.shared().resolve("corpus/cards");
        List<Path> files;
        try (var walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        String reader = "# Reader\n\nIt was tuned on zorg/fresh-set and compared with zorg/only-gone.\n\n"
                + "The zorg/newcomer model is its successor.\n";
        Files.writeString(folder.resolve("zorg__reader.md"), reader);
        Files.writeString(folder.resolve("zorg__gone.md"), "---\ndatasets:\n- zorg/only-gone\n---\n# Gone\n\nA card.\n");
        copy(corpus, files, folder, false);
        Path db = dir.resolve("killed.duckdb");
        long before = analyze(folder, db, false).written();
        copy(corpus, files, folder, true);
        Files.delete(folder.resolve("zorg__gone.md"));
        Files.writeString(folder.resolve("zorg__newcomer.md"), "---\ndatasets:\n- zorg/fresh-set\n---\n# New\n\nA card.\n");
        Path reference = dir.resolve("reference.duckdb");
        analyze(folder, reference, false);

        analyzeAndKill(folder.toString(), db, "rules", 100_000);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).as("new cards committed before the kill")
                .isGreaterThan(before);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM known_names_changed")).isPositive();

        Analyzer.Result resumed = analyze(folder, db, true);
        assertThat(resumed.pruned()).isEqualTo(1);
        assertThat(TestCards.scalar(reference, "SELECT count(*) FROM annotations WHERE card_id = 'zorg/reader' "
                + "AND description IN ('a model id of the corpus', 'a dataset of the corpus metadata')"))
                .as("the corpus's names in the reader's sentences").isEqualTo(2);
        assertThat(TestCards.differences(db, reference))
                .containsKeys("cards", "sentences", "annotations", "annotated_sentences", "sentence_hub_ids",
                        "known_names_changed", "known_names_pending")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
    }

    /**
     * A re-run where every card's downloads changed and no text (the Hub's daily refresh), killed mid-run with some
     * batches of new facts committed, then resumed: the store ends as a fresh run of the new file.
     */
    @Test
    void aRerunWithNewFactsKilledMidwayResumesToAFreshRun() throws Exception {
        Path corpus = TestCards.shared().resolve("corpus/cards");
        List<Path> files;
        try (var walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path jsonl = dir.resolve("cards.jsonl");
        writeJsonLines(files, jsonl, 1);
        Path db = dir.resolve("killed.duckdb");
        assertThat(analyze(jsonl, db, false).written()).isEqualTo(CARDS);
        writeJsonLines(files, jsonl, 2);
        Path reference = dir.resolve("reference.duckdb");
        analyze(jsonl, reference, false);

        analyzeAndKill(jsonl.toString(), db, "rules", 4_000);
        long updated = TestCards.scalar(db, "SELECT count(*) FROM cards WHERE downloads % 2 = 0");
        assertThat(updated).as("cards whose new facts were committed before the kill").isBetween(1L, CARDS - 1L);

        Analyzer.Result resumed = analyze(jsonl, db, false);
        assertThat(resumed.written()).isZero();
        assertThat(resumed.factsUpdated()).isEqualTo(CARDS - updated);
        assertThat(TestCards.differences(db, reference))
                .containsKeys("cards", "sentences", "annotations", "annotated_sentences", "known_names_pending")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
        System.out.println("kill-and-resume (new facts): " + updated + " of " + CARDS + " cards had their new facts before the kill");
    }

    /** The corpus's cards as JSON Lines, card i with {@code downloads} 10 i + day. */
    private static void writeJsonLines(List<Path> files, Path to, int day) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            ObjectNode line = json.createObjectNode().put("modelId", "org/card-" + i).put("downloads", 10L * i + day)
                    .put("card", Files.readString(files.get(i)));
            out.append(json.writeValueAsString(line)).append('\n');
        }
        Files.writeString(to, out);
    }

    /**
     * Runs analyze of {@code source} into {@code db} in a child process (slowed down, 7 cards a batch) and kills it
     * (kill -9) once the store's write-ahead log passes {@code walBytes}: batches committed, the run unfinished.
     */
    private void analyzeAndKill(String source, Path db, String annotators, long walBytes) throws Exception {
        Path wal = Path.of(db + ".wal");
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AnalyzeChild.class.getName(), source, db.toString(),
                "10", "7", annotators)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!(Files.exists(wal) && Files.size(wal) > walBytes) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(child.isAlive()).as("the child is still running (log: %s)", read(output)).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Copies the corpus's files, every third ({@code third}) or the others, keeping their folders. */
    private static void copy(Path corpus, List<Path> files, Path to, boolean third) throws IOException {
        for (int i = 0; i < files.size(); i++) {
            if ((i % 3 == 0) == third) {
                Path target = to.resolve(corpus.relativize(files.get(i)).toString());
                Files.createDirectories(target.getParent());
                Files.copy(files.get(i), target);
            }
        }
    }

    private static Analyzer.Result analyze(Path cards, Path db, boolean prune) throws Exception {
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            return new Analyzer(Analyzer.Config.builder(db).annotators(ConceptAnnotation.Annotators.RULES).prune(prune)
                    .build()).run(source);
        }
    }

    private static String read(Path p) {
        try {
            return String.join("\n", Files.exists(p) ? Files.readAllLines(p) : List.of());
        } catch (IOException e) {
            return e.toString();
        }
    }
}
