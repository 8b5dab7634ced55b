package dev.cardminer.annotate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes {@link ModelCard#parse} and the sentence splitter with Jazzer, seeded with the shared corpus's
 * cards (copied into Jazzer's generated corpus folder, never into the project). Not part of {@code mvn
 * verify}: run {@code mvn -pl annotate -am verify -Pfuzz} (docs/limits.md); the time is bounded by
 * {@code maxDuration}. Whatever the bytes, parsing and splitting must return, with offsets inside the body
 * and problems located inside the card.
 */
class CardFuzzTest {

    private static final SentenceSplitter SPLITTER = SentenceSplitter.markdown();

    @BeforeAll
    static void seedWithTheCorpus() throws IOException {
        Path cards = SharedData.corpusCards();
        Path seeds = Path.of(".cifuzz-corpus", CardFuzzTest.class.getName(), "parseAndSplit");
        if (!Files.isDirectory(cards) || !"1".equals(System.getenv("JAZZER_FUZZ"))) {
            return;
        }
        Files.createDirectories(seeds);
        try (Stream<Path> files = Files.walk(cards)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                Path target = seeds.resolve("corpus-" + f.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(f, target);
                }
            }
        }
    }

    @FuzzTest(maxDuration = "120s")
    void parseAndSplit(byte[] data) {
        ModelCard card = ModelCard.parse("fuzz", data);
        int lines = (int) card.text().chars().filter(c -> c == '\n' || c == '\r').count() + 2;
        for (Problem p : card.problems()) {
            assertThat(p.line()).as(p.toString()).isBetween(0, lines);
        }
        for (Section s : card.sections()) {
            assertThat(s.start()).isBetween(0, card.body().length());
            assertThat(s.end()).isBetween(s.start(), card.body().length());
        }
        SentenceSplitter.Split split = SPLITTER.splitWithProblems(card);
        for (Sentence s : split.sentences()) {
            assertThat(s.start()).isBetween(0, card.body().length());
            assertThat(s.end()).isBetween(s.start(), card.body().length());
        }
        for (Problem p : split.problems()) {
            assertThat(p.line()).as(p.toString()).isBetween(0, lines);
        }
    }
}
