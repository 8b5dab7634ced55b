package dev.cardminer.annotate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SentenceBoundariesTest {

    @Test
    void textWithoutTerminatorsIsOneSentenceAsTheIteratorSays() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", " ", "Hello world", "  a; b: c (d) - e, f  ", "x | y | z",
                "Developed by: someone", "a\tb", "\"quoted\" and 'single'", "#1 ranked ~ 2 * 3 = 6"));
        try (Stream<Path> files = Files.walk(SharedData.corpusCards())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String card = Files.readString(p, StandardCharsets.UTF_8);
                texts.addAll(card.lines().toList());
                for (String block : card.split("\n\\s*\n")) {
                    texts.add(block.replaceAll("\\s+", " "));
                }
            }
        }
        SentenceBoundaries boundaries = new SentenceBoundaries();
        int fast = 0;
        for (String text : texts) {
            if (!SentenceBoundaries.oneSentence(text)) {
                continue; // split() is the iterator's then
            }
            fast++;
            assertThat(boundaries.split(text)).as(text)
                    .usingElementComparator((a, b) -> a[0] == b[0] && a[1] == b[1] ? 0 : 1)
                    .containsExactlyElementsOf(boundaries.splitWithIterator(text));
        }
        assertThat(fast).isGreaterThan(1000);
    }

    @Test
    void shortTextsOfTerminatorsAndCasesAreOneSentenceOnlyWhereTheIteratorSays() {
        // Every text up to 6 chars over letters, digits, terminators, spaces and brackets, and random longer ones.
        String alphabet = "aB1.!? )\"";
        SentenceBoundaries boundaries = new SentenceBoundaries();
        List<String> texts = new ArrayList<>();
        allTexts(alphabet, "", 6, texts);
        java.util.Random random = new java.util.Random(14);
        String wide = "aZ9.!?  ,;:()\"'-/_e.g";
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int len = 1 + random.nextInt(30); b.length() < len; ) {
                b.append(wide.charAt(random.nextInt(wide.length())));
            }
            texts.add(b.toString());
        }
        int fast = 0;
        for (String text : texts) {
            if (SentenceBoundaries.oneSentence(text)) {
                fast++;
                assertThat(boundaries.split(text)).as(text)
                        .usingElementComparator((a, b) -> a[0] == b[0] && a[1] == b[1] ? 0 : 1)
                        .containsExactlyElementsOf(boundaries.splitWithIterator(text));
            }
        }
        assertThat(fast).isGreaterThan(10_000);
    }

    private static void allTexts(String alphabet, String prefix, int left, List<String> out) {
        out.add(prefix);
        if (left > 0) {
            for (int i = 0; i < alphabet.length(); i++) {
                allTexts(alphabet, prefix + alphabet.charAt(i), left - 1, out);
            }
        }
    }

    @Test
    void aPieceEndingWithAnOpeningParenthesisIsNotAnError() {
        // The iterator cuts after a paragraph separator; the piece before it ends with '(' and has no last word.
        String text = "Scores (\u2029see below) are high. Next one.";
        List<int[]> ranges = new SentenceBoundaries().split(text);
        assertThat(ranges).isNotEmpty();
        assertThat(ranges.getLast()[1]).isEqualTo(text.length());
    }
}
