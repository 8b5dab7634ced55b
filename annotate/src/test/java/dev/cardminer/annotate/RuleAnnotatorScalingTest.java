package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.CpuTime;
import dev.cardminer.testkit.LinearScaling;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sentence text is hostile input: the rules annotator's cost must be linear in a sentence's length. A hyperparameter's
 * name followed by a run of blanks was quadratic (its value pattern split the blanks between two runs in every way),
 * at two sizes 4x apart by the test thread's CPU time, bounded so that a runaway pattern fails instead of hanging.
 */
class RuleAnnotatorScalingTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final RuleAnnotator rules = new RuleAnnotator(KnownNames.none());

    private long bestOf(String text, int runs) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, CpuTime.limit(BOUND, BOUND.multipliedBy(3), () -> {
                long t0 = CpuTime.threadNanos();
                rules.annotate(List.of(new Sentence("c", 0, null, null, 0, text.length(), text)));
                return CpuTime.threadNanos() - t0;
            }));
        }
        return best;
    }

    @Test
    void aHyperparameterBeforeBlanksCostsTimeLinearInTheSentence() {
        String small = "The learning rate" + " ".repeat(16 * 1024) + "x.";
        String large = "The learning rate" + " ".repeat(64 * 1024) + "x.";
        bestOf(small, 2);   // warm-up
        LinearScaling.Figure figure = LinearScaling.measure("hyperparameter blanks", () -> bestOf(small, 3), () -> bestOf(large, 2));
        System.out.print(figure.line());
        assertThat(figure.superlinear()).as(figure.line()).isFalse();
        String value = "The learning rate   :  2e-5 and more";   // blanks around the colon still lead to the value
        assertThat(rules.annotate(List.of(new Sentence("c", 0, null, null, 0, value.length(), value))))
                .anyMatch(a -> a.subject().equals("2e-5"));
    }
}
