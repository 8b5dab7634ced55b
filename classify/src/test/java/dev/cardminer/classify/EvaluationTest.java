package dev.cardminer.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Classification c(String id, String label, double score) {
        return new Classification(id, "m", label == null ? List.of() : List.of(new Prediction(label, score, "")), "");
    }

    @Test
    void scoresCountAbstentionsAgainstAccuracyNotPrecision() {
        Map<String, String> known = Map.of("1", "a", "2", "a", "3", "b", "4", "b");
        List<Classification> out = List.of(c("1", "a", 0.9), c("2", "b", 0.8), c("3", "b", 0.7), c("4", null, 0),
                c("unlabelled", "a", 0.9));
        Evaluation.Scores s = Evaluation.score("m", out, known);
        assertThat(s.cards()).isEqualTo(4);
        assertThat(s.coverage()).isEqualTo(0.75);
        assertThat(s.accuracy()).isEqualTo(0.5);
        assertThat(s.precision()).isCloseTo(2 / 3.0, offset(1e-9));
        // a: tp 1, fp 0, fn 1 -> 2/3; b: tp 1, fp 1, fn 1 -> 1/2
        assertThat(s.macroF1()).isCloseTo((2 / 3.0 + 0.5) / 2, offset(1e-9));
        // the surest 3 cards (75% of 4): 2 right
        assertThat(s.precisionAt75()).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(s.coverageAt90()).isEqualTo(0.25);
        assertThat(s.confusions()).containsEntry("a -> b", 1).containsEntry("b -> (none)", 1);
    }

    @Test
    void majorityBaselineAndSplit() {
        List<Classification> m = Evaluation.majority(List.of("x", "y"), Map.of("1", "a", "2", "b", "3", "b"));
        assertThat(m).extracting(Classification::best).containsExactly("b", "b");
        int test = 0;
        for (int i = 0; i < 2000; i++) {
            test += Evaluation.inTestSplit("org/model-" + i) ? 1 : 0;
        }
        assertThat(test).isBetween(520, 680);
        assertThat(Evaluation.inTestSplit("org/model-1")).isEqualTo(Evaluation.inTestSplit("org/model-1"));
    }
}
