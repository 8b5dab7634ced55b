package dev.cardminer.classify;

import dev.cardminer.annotate.PromptTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a method's outputs against known labels, and fits the ensemble on labelled data. Cards without
 * a known label are left out. An abstention counts against accuracy and recall, not against precision.
 */
public final class Evaluation {

    /** Share of cards in the test split (by a hash of the card id; the rest is the dev split). */
    public static final int TEST_PERCENT = 30;

    /**
     * The scores of one method.
     *
     * @param cards          cards with a known label
     * @param coverage       share of them the method labelled
     * @param accuracy       share labelled right (abstentions count as wrong)
     * @param precision      share right among those labelled
     * @param macroF1        mean F1 over the known labels' classes
     * @param precisionAt75  precision of the 75% of cards the method is surest of (NaN when it labels fewer)
     * @param coverageAt90   largest coverage whose surest part has precision ≥ 0.90 (0 when none)
     * @param confusions     the most frequent errors, "known -> predicted" with counts
     * @param method the method scored
     */
    public record Scores(String method, int cards, double coverage, double accuracy, double precision,
                         double macroF1, double precisionAt75, double coverageAt90, Map<String, Integer> confusions) {
    }

    private Evaluation() {
    }

    /** Whether a card belongs to the test split: SHA-256 of its id, first two bytes, modulo 100. */
    public static boolean inTestSplit(String cardId) {
        String h = PromptTemplate.hash(cardId);
        return Integer.parseInt(h.substring(0, 4), 16) % 100 < TEST_PERCENT;
    }

    /**
     * The scores of {@code method}'s {@code results} against {@code known} (card id to label); cards without a
     * known label are left out.
     */
    public static Scores score(String method, List<Classification> results, Map<String, String> known) {
        int n = 0, covered = 0, correct = 0;
        Map<String, int[]> perClass = new HashMap<>(); // tp, fp, fn
        Map<String, Integer> confusions = new HashMap<>();
        List<double[]> ranked = new ArrayList<>(); // score, right (1/0)
        for (Classification c : results) {
            String gold = known.get(c.cardId());
            if (gold == null) {
                continue;
            }
            n++;
            String pred = c.best();
            perClass.computeIfAbsent(gold, k -> new int[3]);
            if (pred != null) {
                covered++;
                boolean right = pred.equals(gold);
                ranked.add(new double[]{c.bestScore(), right ? 1 : 0});
                if (right) {
                    correct++;
                    perClass.get(gold)[0]++;
                    continue;
                }
                perClass.computeIfAbsent(pred, k -> new int[3])[1]++;
                confusions.merge(gold + " -> " + pred, 1, Integer::sum);
            } else {
                confusions.merge(gold + " -> (none)", 1, Integer::sum);
            }
            perClass.get(gold)[2]++;
        }
        Set<String> goldClasses = new HashSet<>(known.values());
        double f1sum = 0;
        int classes = 0;
        for (var e : perClass.entrySet()) {
            if (!goldClasses.contains(e.getKey())) {
                continue;
            }
            int[] t = e.getValue();
            if (t[0] + t[2] == 0) {
                continue; // a class with no card in this part
            }
            classes++;
            f1sum += t[0] == 0 ? 0 : 2.0 * t[0] / (2.0 * t[0] + t[1] + t[2]);
        }
        ranked.sort(Comparator.comparingDouble((double[] r) -> r[0]).reversed());
        double pAt75 = Double.NaN;
        int want = (int) Math.ceil(0.75 * n);
        double cAt90 = 0;
        int right = 0;
        for (int i = 0; i < ranked.size(); i++) {
            right += (int) ranked.get(i)[1];
            if (i + 1 == want) {
                pAt75 = right / (double) want;
            }
            if (right >= 0.9 * (i + 1)) {
                cAt90 = (i + 1) / (double) n;
            }
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        confusions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8).forEach(e -> top.put(e.getKey(), e.getValue()));
        return new Scores(method, n, ratio(covered, n), ratio(correct, n), ratio(correct, covered),
                classes == 0 ? 0 : f1sum / classes, pAt75, cAt90, top);
    }

    /** The majority-class baseline: every card gets the most frequent label of {@code train}. */
    public static List<Classification> majority(List<String> cardIds, Map<String, String> train) {
        Map<String, Integer> counts = new HashMap<>();
        train.values().forEach(v -> counts.merge(v, 1, Integer::sum));
        String top = counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElseThrow();
        return cardIds.stream().map(id -> new Classification(id, "majority", List.of(new Prediction(top, 1, "")), "")).toList();
    }

    /**
     * Fits the ensemble on labelled cards: a grid of member weights (0 to 1 in steps of 0.1, the first
     * member fixed at 1), and for each the lowest threshold whose surest labels reach {@code targetPrecision};
     * the weighting with the highest coverage wins.
     */
    public static EnsembleClassifier.Weights fit(Map<String, List<Classification>> byMethod, Map<String, String> known,
                                                 double targetPrecision) {
        List<String> methods = new ArrayList<>(byMethod.keySet());
        List<Map<String, Double>> grid = new ArrayList<>();
        grid(methods, 1, new LinkedHashMap<>(Map.of(methods.get(0), 1.0)), grid);
        EnsembleClassifier.Weights best = null;
        double bestCoverage = -1;
        for (Map<String, Double> w : grid) {
            List<Classification> combined = EnsembleClassifier.combine(byMethod, new EnsembleClassifier.Weights(w, 0), false);
            List<double[]> ranked = new ArrayList<>();
            int n = 0;
            for (Classification c : combined) {
                String gold = known.get(c.cardId());
                if (gold == null) {
                    continue;
                }
                n++;
                if (c.best() != null) {
                    ranked.add(new double[]{c.bestScore(), c.best().equals(gold) ? 1 : 0});
                }
            }
            ranked.sort(Comparator.comparingDouble((double[] r) -> r[0]).reversed());
            int right = 0;
            double threshold = Double.NaN;
            int covered = 0;
            for (int i = 0; i < ranked.size(); i++) {
                right += (int) ranked.get(i)[1];
                boolean tieAhead = i + 1 < ranked.size() && ranked.get(i + 1)[0] == ranked.get(i)[0];
                if (!tieAhead && right >= targetPrecision * (i + 1)) {
                    covered = i + 1;
                    threshold = ranked.get(i)[0];
                }
            }
            double coverage = n == 0 ? 0 : covered / (double) n;
            if (!Double.isNaN(threshold) && coverage > bestCoverage) {
                bestCoverage = coverage;
                best = new EnsembleClassifier.Weights(w, threshold);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no weighting reaches precision " + targetPrecision);
        }
        return best;
    }

    private static void grid(List<String> methods, int at, Map<String, Double> current, List<Map<String, Double>> out) {
        if (at == methods.size()) {
            out.add(Map.copyOf(current));
            return;
        }
        for (int step = 0; step <= 10; step++) {
            current.put(methods.get(at), step / 10.0);
            grid(methods, at + 1, current, out);
        }
        current.remove(methods.get(at));
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : a / (double) b;
    }
}
