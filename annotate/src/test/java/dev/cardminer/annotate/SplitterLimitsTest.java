package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.CardLimits;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The splitter's limits: deep nesting, many sentences, a time limit, a huge body: all said, none silent. */
class SplitterLimitsTest {

    private static Problem only(SentenceSplitter.Split split, String code) {
        List<Problem> found = split.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertThat(found).as(code + " in " + split.problems()).hasSize(1);
        return found.get(0);
    }

    /** Splits on a thread with a small stack, as a pool thread may have: deep input must not overflow it. */
    private static SentenceSplitter.Split splitOnSmallStack(SentenceSplitter splitter, ModelCard card)
            throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(splitter.splitWithProblems(card));
            } catch (Throwable e) {
                out.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        assertThat(out.get()).isInstanceOf(SentenceSplitter.Split.class);
        return (SentenceSplitter.Split) out.get();
    }

    @Test
    void deeplyNestedListsAndQuotesAreCutAtTheDepthLimitWithAProblem() throws InterruptedException {
        // commonmark 0.32 itself nests blocks and inlines about 100 deep (deeper markup stays text), so the
        // splitter's own limit (200 by default) is shown with a lower one.
        SentenceSplitter splitter = SentenceSplitter.markdown(CardLimits.DEFAULTS.withMaxDepth(20));
        ModelCard lists = ModelCard.parse("x", "---\nlicense: mit\n---\nIntro text.\n\n" + "- ".repeat(10_000)
                + "deep words\n");
        SentenceSplitter.Split split = splitOnSmallStack(splitter, lists);
        assertThat(split.sentences()).extracting(Sentence::text).containsExactly("Intro text.");
        Problem p = only(split, "too-deep");
        assertThat(p.line()).isEqualTo(6);
        assertThat(p.message()).contains("deeper than 20 levels");

        ModelCard quotes = ModelCard.parse("x", ">".repeat(100_000) + " quoted words\n");
        assertThat(only(splitOnSmallStack(splitter, quotes), "too-deep").line()).isEqualTo(1);

        ModelCard emphasis = ModelCard.parse("x", "*".repeat(30_000) + "a" + "*".repeat(30_000) + "\n");
        assertThat(only(splitOnSmallStack(splitter, emphasis), "too-deep").line()).isEqualTo(1);
    }

    @Test
    void deepNestingWithTheDefaultLimitsNeverEndsInAnEmptySilentResult() throws InterruptedException {
        SentenceSplitter splitter = SentenceSplitter.markdown();
        for (String body : List.of("- ".repeat(10_000) + "deep words\n", ">".repeat(100_000) + " quoted words\n",
                "*".repeat(30_000) + "a" + "*".repeat(30_000) + "\n")) {
            SentenceSplitter.Split split = splitOnSmallStack(splitter, ModelCard.parse("x", body));
            assertThat(split.sentences().isEmpty() && split.problems().isEmpty()).as(body.substring(0, 8)).isFalse();
        }
    }

    @Test
    void sentencesPastTheCapAreCutWithAProblem() {
        SentenceSplitter splitter = SentenceSplitter.markdown(CardLimits.DEFAULTS.withMaxSentences(3));
        ModelCard card = ModelCard.parse("x", "# H\n\nOne. Two. Three.\n\nFour here.\n");
        SentenceSplitter.Split split = splitter.splitWithProblems(card);
        assertThat(split.sentences()).extracting(Sentence::text).containsExactly("H", "One.", "Two.");
        Problem p = only(split, "sentences-capped");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(11);
    }

    @Test
    void aSplitPastTheTimeLimitStopsWithAProblem() {
        // no sentence cap to stop it first: 1 ms of CPU time passes within the analysed part
        SentenceSplitter splitter = SentenceSplitter.markdown(CardLimits.DEFAULTS.withTimeLimitMillis(1)
                .withMaxSentences(1_000_000));
        ModelCard card = ModelCard.parse("x", "A sentence here.\n\n".repeat(200_000));
        SentenceSplitter.Split split = splitter.splitWithProblems(card);
        assertThat(only(split, "timeout").message()).contains("1 ms");
        assertThat(split.sentences().size()).isLessThan(200_000);
    }

    /** The split's limit is on the thread's CPU time: many more threads than cores split a card as one thread does. */
    @Test
    void theTimeLimitCountsCpuTimeSoABusyMachineSplitsCardsAlike() throws Exception {
        SentenceSplitter splitter = SentenceSplitter.markdown(CardLimits.DEFAULTS.withTimeLimitMillis(600));
        ModelCard card = ModelCard.parse("x", "A sentence here. And [a link](https://huggingface.co/a/b) too.\n\n"
                .repeat(3_000));
        SentenceSplitter.Split alone = null;
        for (int i = 0; i < 10; i++) {
            alone = splitter.splitWithProblems(card);
        }
        assertThat(alone.problems()).extracting(Problem::code).doesNotContain("timeout");
        // 16 threads a core: each split takes ~16 times its CPU time by the wall clock, past the limit
        int threads = Runtime.getRuntime().availableProcessors() * 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<SentenceSplitter.Split>> splits = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                splits.add(pool.submit(() -> splitter.splitWithProblems(card)));
            }
            for (java.util.concurrent.Future<SentenceSplitter.Split> split : splits) {
                assertThat(split.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onAVirtualThreadTheWallClockLimitsTheSplit() throws Exception {
        SentenceSplitter splitter = SentenceSplitter.markdown(CardLimits.DEFAULTS.withTimeLimitMillis(1)
                .withMaxSentences(1_000_000));
        ModelCard card = ModelCard.parse("x", "A sentence here.\n\n".repeat(200_000));
        AtomicReference<SentenceSplitter.Split> split = new AtomicReference<>();
        Thread.ofVirtual().start(() -> split.set(splitter.splitWithProblems(card))).join();
        assertThat(only(split.get(), "timeout").message()).contains("1 ms");
    }

    @Test
    void aBodyPastTheLimitIsSplitUpToTheSameCutAsTheSections() {
        CardLimits limits = CardLimits.DEFAULTS.withMaxBodyChars(40);
        ModelCard card = dev.cardminer.core.CardParser.builder().limits(limits).build().parse("x",
                "# A\n\nFirst words here.\n\nSecond words here.\n\nThird words.\n");
        SentenceSplitter.Split split = SentenceSplitter.markdown(limits).splitWithProblems(card);
        assertThat(split.sentences()).extracting(Sentence::text).containsExactly("A", "First words here.");
        assertThat(only(split, "body-too-large").line()).isEqualTo(5);
    }

    @Test
    void manyHeadingsGetTheirSectionsAsBefore() {
        // The innermost enclosing section that maps to the template, looked up by index.
        ModelCard card = ModelCard.parse("x", "# Model Details\n\nAbout it.\n\n## Funky\n\nDeep.\n\n# Training Data\n\n"
                + "Data.\n\n# Whatever\n\nNone.\n");
        assertThat(SentenceSplitter.markdown().split(card)).extracting(Sentence::text, Sentence::section)
                .contains(org.assertj.core.groups.Tuple.tuple("About it.", "Model Details"),
                        org.assertj.core.groups.Tuple.tuple("Deep.", "Model Details"),
                        org.assertj.core.groups.Tuple.tuple("Data.", "Training Data"),
                        org.assertj.core.groups.Tuple.tuple("None.", null));
    }
}
