package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run where a few cards changed: each transaction that replaces cards deletes their old rows with a scan of every
 * table, so the parser threads commit at the end, when the reader waits for budget, or after the source was quiet for
 * a while (a download), not at every short pause of the reader (a Parquet row group being decoded on a busy machine:
 * ten transactions for the 192 changed cards of hub-2023). The store ends as a fresh run either way.
 */
class RerunBatchesTest {

    private static final int CARDS = 40;

    @TempDir
    Path dir;

    /** Every eighth card changed, the source pausing before each: one transaction for all of them. */
    @Test
    void shortPausesOfTheSourceDoNotCommitTheChangedCardsOneByOne() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), CARDS);
        Path db = dir.resolve("store.duckdb");
        assertThat(analyze(cards, db, Set.of(), 0).written()).isEqualTo(CARDS);

        Set<String> changed = new HashSet<>();
        for (int i = 3; i < CARDS; i += 8) {
            Files.writeString(cards.resolve("org" + (i % 3) + "__model-" + i + ".md"),
                    "\nThis card was changed for the second run.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            changed.add("org" + (i % 3) + "/model-" + i);
        }
        Analyzer.Result rerun = analyze(cards, db, changed, 400);
        assertThat(rerun.replaced()).isEqualTo(changed.size());
        assertThat(rerun.skipped()).isEqualTo(CARDS - changed.size());
        assertThat(rerun.stages().batches()).as("transactions for %d changed cards, the source pausing before each",
                changed.size()).isEqualTo(1);

        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards, fresh, Set.of(), 0);
        assertThat(TestCards.differences(db, fresh)).containsKeys("cards", "sentences", "annotations")
                .allSatisfy((table, n) -> assertThat(n).as("rows differing in " + table).isZero());
    }

    /** A source quiet for longer than a pause (a shard being downloaded): what came before it is committed. */
    @Test
    void aLongQuietSourceStillCommitsWhatIsComplete() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 6);
        // A first run in this JVM loads and compiles what the parser thread needs, so that on a busy machine it has
        // the card before the quiet in hand well before the quiet ends (else the next card is queued by then).
        analyze(cards, dir.resolve("warm.duckdb"), Set.of(), 0);
        Path db = dir.resolve("store.duckdb");
        // The folder's order: org0/model-0, org0/model-3, org1/model-1, ...: the quiet comes after the first card.
        Analyzer.Result run = analyze(cards, db, Set.of("org0/model-3"), 5_000);
        assertThat(run.written()).isEqualTo(6);
        assertThat(run.stages().batches()).as("the card before the quiet, then the rest").isEqualTo(2);
    }

    /** One parser thread (so the transactions can be counted), rules in one pass; pauses before the named cards. */
    private static Analyzer.Result analyze(Path cards, Path db, Set<String> pauseBefore, long pauseMillis)
            throws Exception {
        try (CardSource source = new AnalyzeChild.SlowSource(CardSources.open(cards.toString(),
                HubOptions.fromEnvironment(), ProgressOutput.none()), pauseMillis, pauseBefore::contains)) {
            return new Analyzer(Analyzer.Config.builder(db).threads(1)
                    .annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
        }
    }
}
