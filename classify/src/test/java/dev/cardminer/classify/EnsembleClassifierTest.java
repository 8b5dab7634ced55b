package dev.cardminer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnsembleClassifierTest {

    private static Classification says(String card, String method, Object... labelScore) {
        List<Prediction> p = new java.util.ArrayList<>();
        for (int i = 0; i < labelScore.length; i += 2) {
            p.add(new Prediction((String) labelScore[i], (Double) labelScore[i + 1], ""));
        }
        return new Classification(card, method, p, "h-" + card);
    }

    private static Map<String, List<Classification>> votes() {
        Map<String, List<Classification>> byMethod = new LinkedHashMap<>();
        byMethod.put("rules", List.of(says("agree", "rules", "a", 0.9), says("split", "rules", "a", 0.6),
                says("silent", "rules")));
        byMethod.put("embedding", List.of(says("agree", "embedding", "a", 0.8, "b", 0.2),
                says("split", "embedding", "b", 0.7, "a", 0.3), says("silent", "embedding", "b", 0.4)));
        return byMethod;
    }

    @Test
    void agreementLabelsDisagreementAbstains() {
        var w = new EnsembleClassifier.Weights(Map.of("rules", 1.0, "embedding", 1.0), 0.5);
        List<Classification> out = EnsembleClassifier.combine(votes(), w, false);
        assertThat(out.get(0).best()).isEqualTo("a");
        assertThat(out.get(0).bestScore()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.get(0).labels().get(0).evidence()).contains("rules=0.90").contains("embedding=0.80");
        // a: (0.6 + 0.3) / 2 = 0.45, b: 0.35: both below the threshold
        assertThat(out.get(1).abstained()).isTrue();
        // one member silent: b gets 0.4 / 2 = 0.2
        assertThat(out.get(2).abstained()).isTrue();
        assertThat(out).allSatisfy(c -> assertThat(c.method()).isEqualTo("ensemble"));
    }

    @Test
    void weightsDecide() {
        var rulesOnly = new EnsembleClassifier.Weights(Map.of("rules", 1.0, "embedding", 0.0), 0.5);
        assertThat(EnsembleClassifier.combine(votes(), rulesOnly, false).get(1).best()).isEqualTo("a");
        var embeddingHeavy = new EnsembleClassifier.Weights(Map.of("rules", 0.2, "embedding", 1.0), 0.3);
        assertThat(EnsembleClassifier.combine(votes(), embeddingHeavy, false).get(2).best()).isEqualTo("b");
    }

    @Test
    void fittingFindsTheWeightsAndThresholdThatReachThePrecision() {
        // rules are always right when they speak; the embedding is right on half the cards only
        Map<String, String> known = new LinkedHashMap<>();
        Map<String, List<Classification>> byMethod = new LinkedHashMap<>();
        List<Classification> rules = new java.util.ArrayList<>();
        List<Classification> emb = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "c" + i;
            known.put(id, "a");
            rules.add(i < 30 ? says(id, "rules", "a", 0.9) : says(id, "rules"));
            emb.add(i % 2 == 0 ? says(id, "embedding", "a", 0.6) : says(id, "embedding", "b", 0.6));
        }
        byMethod.put("rules", rules);
        byMethod.put("embedding", emb);
        EnsembleClassifier.Weights w = Evaluation.fit(byMethod, known, 0.9);
        List<Classification> out = EnsembleClassifier.combine(byMethod, w, false);
        Evaluation.Scores s = Evaluation.score("ensemble", out, known);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(s.coverage()).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void bundledWeightsAreReadForPipelineTag() {
        assertThat(EnsembleClassifier.bundled()).containsKey("pipeline_tag");
        assertThat(EnsembleClassifier.bundled().get("pipeline_tag").byMethod()).containsKeys("rules", "embedding");
    }
}
