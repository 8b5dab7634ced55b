package dev.cardminer.classify;

import dev.cardminer.annotate.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A weighted vote of other methods with abstention: a label's score is the weighted mean of the scores
 * the members give it (a member that abstains or does not name the label gives 0), and the card gets no
 * label when the best score is below the threshold: no label is better than a wrong one. The weights and
 * threshold for the built-in label sets were fitted on the dev split of hub-2023 (bundled
 * {@code ensemble.properties}); other label sets get equal weights and {@link Weights#DEFAULT_THRESHOLD}.
 */
public final class EnsembleClassifier implements Classifier {

    /**
     * How the members count.
     *
     * @param byMethod  weight per member method (methods not named count 0)
     * @param threshold the best label's score must reach this, or the ensemble abstains
     */
    public record Weights(Map<String, Double> byMethod, double threshold) {
        /** The threshold for label sets without fitted weights. */
        public static final double DEFAULT_THRESHOLD = 0.5;

        /** Copies {@code byMethod}. */
        public Weights {
            byMethod = Map.copyOf(byMethod);
        }

        /** The weight of a member method, 0 when not named. */
        public double of(String method) {
            return byMethod.getOrDefault(method, 0.0);
        }

        @Override
        public String toString() {
            return byMethod.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.2f", e.getValue()))
                    .collect(Collectors.joining(" ")) + String.format(Locale.ROOT, " threshold=%.2f", threshold);
        }
    }

    private final List<Classifier> members;
    private final Map<String, Weights> fitted;

    /** Members with the bundled weights for built-in label sets. */
    public EnsembleClassifier(List<Classifier> members) {
        this(members, bundled());
    }

    /** Members with given weights per label set name (a set not named gets equal weights). */
    public EnsembleClassifier(List<Classifier> members, Map<String, Weights> weightsByLabelSet) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs members");
        }
        this.members = List.copyOf(members);
        this.fitted = Map.copyOf(weightsByLabelSet);
    }

    /** The members, in the order given. */
    public List<Classifier> members() {
        return members;
    }

    /** The weights used for a label set: fitted ones for the members present, else equal weights. */
    public Weights weights(LabelSet labels) {
        Weights w = fitted.get(labels.name());
        Map<String, Double> byMethod = new LinkedHashMap<>();
        for (Classifier c : members) {
            byMethod.put(c.method(), w != null && w.byMethod().containsKey(c.method()) ? w.of(c.method()) : 1.0);
        }
        return new Weights(byMethod, w != null ? w.threshold() : Weights.DEFAULT_THRESHOLD);
    }

    @Override
    public String method() {
        return "ensemble";
    }

    @Override
    public String model() {
        return members.stream().map(c -> c.method() + ":" + c.model()).collect(Collectors.joining("+"));
    }

    @Override
    public String promptVersion(LabelSet labels) {
        String parts = members.stream().map(c -> c.promptVersion(labels)).collect(Collectors.joining(","));
        return PromptTemplate.hash(parts + "\n" + weights(labels)).substring(0, 12);
    }

    @Override
    public List<Classification> classify(List<CardText> cards, LabelSet labels, boolean multiLabel) {
        Map<String, List<Classification>> byMethod = new LinkedHashMap<>();
        for (Classifier c : members) {
            byMethod.put(c.method(), c.classify(cards, labels, multiLabel));
        }
        return combine(byMethod, weights(labels), multiLabel);
    }

    /**
     * Combines what the members said (each list in the same card order) with the given weights.
     * Public so that an evaluation can run the members once and try several weightings.
     */
    public static List<Classification> combine(Map<String, List<Classification>> byMethod, Weights weights, boolean multiLabel) {
        List<List<Classification>> lists = new ArrayList<>(byMethod.values());
        List<String> methods = new ArrayList<>(byMethod.keySet());
        int n = lists.get(0).size();
        double total = methods.stream().mapToDouble(weights::of).sum();
        List<Classification> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Double> score = new HashMap<>();
            Map<String, List<String>> evidence = new HashMap<>();
            for (int m = 0; m < methods.size(); m++) {
                double w = weights.of(methods.get(m));
                if (w == 0) {
                    continue;
                }
                for (Prediction p : lists.get(m).get(i).labels()) {
                    score.merge(p.label(), w * p.score() / total, Double::sum);
                    evidence.computeIfAbsent(p.label(), k -> new ArrayList<>())
                            .add(methods.get(m) + String.format(Locale.ROOT, "=%.2f", p.score()));
                }
            }
            List<Prediction> labels = new ArrayList<>();
            score.forEach((label, s) -> {
                if (s >= weights.threshold()) {
                    labels.add(new Prediction(label, s, String.join(" ", evidence.get(label))));
                }
            });
            labels.sort(Comparator.comparingDouble(Prediction::score).reversed().thenComparing(Prediction::label));
            Classification first = lists.get(0).get(i);
            out.add(new Classification(first.cardId(), "ensemble", multiLabel ? labels : labels.stream().limit(1).toList(),
                    first.inputHash()));
        }
        return out;
    }

    /** The weights fitted for the built-in label sets: {@code <set>.<method>=w} and {@code <set>.threshold=t}. */
    public static Map<String, Weights> bundled() {
        Properties p = new Properties();
        try (InputStream in = EnsembleClassifier.class.getResourceAsStream("ensemble.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String set = key.substring(0, dot);
            double v = Double.parseDouble(p.getProperty(key).strip());
            if (key.endsWith(".threshold")) {
                thresholds.put(set, v);
            } else {
                weights.computeIfAbsent(set, k -> new LinkedHashMap<>()).put(key.substring(dot + 1), v);
            }
        }
        Map<String, Weights> out = new LinkedHashMap<>();
        weights.forEach((set, w) -> out.put(set, new Weights(w, thresholds.getOrDefault(set, Weights.DEFAULT_THRESHOLD))));
        return out;
    }
}
