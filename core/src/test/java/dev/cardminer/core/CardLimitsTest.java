package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Past each per-card limit, parsing keeps what fits and says with a located warning what it left out. */
class CardLimitsTest {

    private static Problem only(ModelCard card, String code) {
        List<Problem> found = card.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertThat(found).as(code + " in " + card.problems()).hasSize(1);
        return found.get(0);
    }

    @Test
    void bodyPastTheLimitIsReadUpToTheLastLineBreakBeforeIt() {
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withMaxBodyChars(100)).build();
        String body = "# A\n" + "text\n".repeat(30) + "# B\nafter the cut https://huggingface.co/org/late\n";
        ModelCard card = parser.parse("x", "---\nlicense: mit\n---\n" + body);
        Problem p = only(card, "body-too-large");
        assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
        // 4 + 19 lines of "text" fit in 100 chars: the analysis stops at the start of card line 4 + 20.
        assertThat(p.line()).isEqualTo(24);
        assertThat(p.column()).isEqualTo(1);
        assertThat(card.metadata().license()).contains("mit");
        assertThat(card.body()).isEqualTo(body); // the body itself is kept whole
        assertThat(card.sections()).extracting(Section::title).containsExactly("A");
        assertThat(card.links()).isEmpty();
    }

    @Test
    void sectionsPastTheCapAreCountedAtTheFirstOneLeftOut() {
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withMaxSections(3)).build();
        ModelCard card = parser.parse("x", "# a\n# b\n# c\n# d\n# e\n");
        assertThat(card.sections()).extracting(Section::title).containsExactly("a", "b", "c");
        Problem p = only(card, "sections-capped");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).isEqualTo("the body has 5 headings; only the first 3 are kept as sections (the rest "
                + "from here on)");
    }

    @Test
    void headingsPastTheAnalysedPartAreNotCountedAsIfTheBodyHadNoMore() {
        // 40 headings in all, of which the 24-character analysed part holds 6: the count says it is of that part
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withMaxSections(3).withMaxBodyChars(24))
                .build();
        ModelCard card = parser.parse("x", "# a\n".repeat(40));
        Problem p = only(card, "sections-capped");
        assertThat(p.message()).isEqualTo("the first 24 characters of the body have 6 headings (the rest is not read);"
                + " only the first 3 are kept as sections (the rest from here on)");
        assertThat(p.line()).isEqualTo(4);
        assertThat(card.problems()).extracting(Problem::code).contains("body-too-large");
    }

    @Test
    void linksPastTheCapAreCounted() {
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withMaxLinks(2)).build();
        ModelCard card = parser.parse("x", "see https://huggingface.co/a/b\nhttps://huggingface.co/c/d\n"
                + "https://huggingface.co/e/f\n");
        assertThat(card.links()).hasSize(2);
        assertThat(only(card, "links-capped").line()).isEqualTo(3);
    }

    @Test
    void problemsPastTheCapAreSummarisedByCode() {
        // Every "no" is a yaml11-scalar note: a million-item list must not make a million rows.
        ModelCard card = ModelCard.parse("---\nlanguage:\n" + "- no\n".repeat(5_000) + "---\n# t\n");
        assertThat(card.problems()).hasSize(CardLimits.DEFAULTS.maxProblems() + 1);
        Problem p = only(card, "problems-capped");
        assertThat(p.message()).contains("4,000 more").contains("yaml11-scalar 4000");
        assertThat(p.line()).isEqualTo(3 + CardLimits.DEFAULTS.maxProblems());
        assertThat(card.metadata().language()).hasSize(5_000);
    }

    @Test
    void yamlNotesPastTheCapAreCountedPerCode() {
        // Past the cap the YAML reader only counts its notes; the summary must count every kind alike.
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withMaxProblems(3)).build();
        StringBuilder yaml = new StringBuilder("---\nlanguage: [no, no, no, no]\n");
        for (int i = 0; i < 5; i++) {
            yaml.append("? [c").append(i).append("]\n: v\n");
        }
        yaml.append("k: 1\nk: 2\nk: 3\nx: !!int a\n");
        ModelCard card = parser.parse("x", yaml + "---\n# t\n");
        assertThat(card.problems()).hasSize(4);
        Problem p = only(card, "problems-capped");
        assertThat(p.message()).contains("9 more")
                .contains("yaml-complex-key 5").contains("yaml-duplicate-key 2").contains("yaml-tag 1")
                .contains("yaml11-scalar 1");
        assertThat(p.line()).isEqualTo(2);
        assertThat(card.metadata().get("k")).isEqualTo(3L);
    }

    @Test
    void aBodyAnalysisPastTheTimeLimitStopsWithAProblemAndKeepsTheMetadata() {
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withTimeLimitMillis(1)).build();
        ModelCard card = parser.parse("x", "---\nlicense: mit\n---\n"
                + "# H\n\nsee https://huggingface.co/a/b and more words\n\n".repeat(20_000));
        assertThat(only(card, "timeout").message()).contains("1 ms");
        assertThat(card.metadata().license()).contains("mit");
        assertThat(card.sections()).isNotEmpty();
        assertThat(card.links()).isEmpty();
    }

    /**
     * The limit is on the parsing thread's CPU time: with many more threads than cores each parse takes several times
     * its CPU time by the wall clock, and a wall-clock limit cut most of them short (links dropped), so the same card
     * parsed differently with the load.
     */
    @Test
    void theTimeLimitCountsCpuTimeSoABusyMachineParsesCardsAlike() throws Exception {
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withTimeLimitMillis(600)).build();
        String text = "---\nlicense: mit\n---\n" + "## Part with [a link](https://huggingface.co/a/b)\n\nText.\n\n"
                .repeat(4_000);
        ModelCard alone = null;
        for (int i = 0; i < 10; i++) {
            alone = parser.parse("x", text);
        }
        assertThat(alone.problems()).extracting(Problem::code).doesNotContain("timeout");
        assertThat(alone.links()).hasSize(4_000);
        // 16 threads a core: each parse takes ~16 times its CPU time by the wall clock, past the limit
        int threads = Runtime.getRuntime().availableProcessors() * 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<ModelCard>> parses = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                parses.add(pool.submit(() -> parser.parse("x", text)));
            }
            for (java.util.concurrent.Future<ModelCard> parse : parses) {
                assertThat(parse.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onAVirtualThreadWhoseCpuTimeCannotBeReadTheWallClockLimitsTheCard() throws Exception {
        CardParser parser = CardParser.builder().limits(CardLimits.DEFAULTS.withTimeLimitMillis(1)).build();
        String text = "---\nlicense: mit\n---\n" + "# H\n\nsee https://huggingface.co/a/b and more words\n\n".repeat(20_000);
        java.util.concurrent.atomic.AtomicReference<ModelCard> card = new java.util.concurrent.atomic.AtomicReference<>();
        Thread.ofVirtual().start(() -> card.set(parser.parse("x", text))).join();
        assertThat(only(card.get(), "timeout").message()).contains("1 ms");
        assertThat(card.get().links()).isEmpty();
    }

    @Test
    void headingTextOfAnyNestingIsRead() {
        // Images nest inside image descriptions (commonmark nests up to somewhere between 50 and 200 levels).
        String deep = "![".repeat(100) + "a" + "](b)".repeat(100);
        ModelCard card = ModelCard.parse("# " + deep + " b\n");
        assertThat(card.sections()).singleElement().satisfies(s -> assertThat(s.title()).endsWith("a b"));
    }

    @Test
    void headingsOfInlineMarkupReadAsTheFullTreeReadsThem() {
        ModelCard card = ModelCard.parse("# Model *x* `y` [z][r] [w][missing]\n\nSet\nup\\\n=== \n\n# a #\n\n"
                + "> # quoted *h*\n\n[r]: http://example.com\n");
        assertThat(card.sections()).extracting(Section::title)
                .containsExactly("Model x y z [w][missing]", "Set up\\", "a");
    }
}
