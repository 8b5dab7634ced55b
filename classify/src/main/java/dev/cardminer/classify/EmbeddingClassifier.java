package dev.cardminer.classify;

import dev.cardminer.annotate.PromptTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zero-shot classification with a sentence-embedding model: each label becomes a hypothesis text
 * ({@value #HYPOTHESIS} with the label's description) and each card its {@link CardText#headline}; the
 * scores are the cosine similarities turned into probabilities by a softmax with temperature
 * {@link #temperature()} (calibrated on the dev split of hub-2023: see docs/classify.md). Cards are
 * embedded in batches; hypotheses once per label set.
 */
public final class EmbeddingClassifier implements Classifier {

    /**
     * The hypothesis template: {@code {label}} (its id, dashes and underscores as spaces) and {@code
     * {description}} are filled in.
     */
    public static final String HYPOTHESIS = "This model is for {label}: {description}.";
    /** The softmax temperature calibrated on the dev split of hub-2023 (docs/classify.md). */
    public static final double DEFAULT_TEMPERATURE = 0.02;
    private static final int BATCH = 64;

    private final TextEmbedder embedder;
    private final double temperature;
    private final Map<String, List<float[]>> hypotheses = new ConcurrentHashMap<>();

    /** A classifier over {@code embedder} with {@link #DEFAULT_TEMPERATURE}. */
    public EmbeddingClassifier(TextEmbedder embedder) {
        this(embedder, DEFAULT_TEMPERATURE);
    }

    /** A classifier over {@code embedder} with another softmax temperature (lower: sharper scores). */
    public EmbeddingClassifier(TextEmbedder embedder, double temperature) {
        this.embedder = embedder;
        this.temperature = temperature;
    }

    /** The softmax temperature. */
    public double temperature() {
        return temperature;
    }

    @Override
    public String method() {
        return "embedding";
    }

    @Override
    public String model() {
        return embedder.model();
    }

    @Override
    public String promptVersion(LabelSet labels) {
        return PromptTemplate.hash(HYPOTHESIS + "\n" + labels.version() + "\n" + temperature).substring(0, 12);
    }

    /** The hypothesis text of a label. */
    public static String hypothesis(Label label) {
        return HYPOTHESIS.replace("{label}", label.id().replace('-', ' ').replace('_', ' '))
                .replace("{description}", label.description());
    }

    @Override
    public List<Classification> classify(List<CardText> cards, LabelSet labels, boolean multiLabel) {
        List<float[]> hyp = hypotheses.computeIfAbsent(labels.name() + "@" + labels.version(),
                k -> embedder.embed(labels.labels().stream().map(EmbeddingClassifier::hypothesis).toList()));
        List<Classification> out = new ArrayList<>(cards.size());
        for (int from = 0; from < cards.size(); from += BATCH) {
            List<CardText> batch = cards.subList(from, Math.min(cards.size(), from + BATCH));
            List<float[]> vectors = embedder.embed(batch.stream().map(c -> c.headline(embedder.maxChars())).toList());
            for (int i = 0; i < batch.size(); i++) {
                out.add(new Classification(batch.get(i).id(), method(), score(vectors.get(i), hyp, labels, multiLabel),
                        batch.get(i).hash()));
            }
        }
        return out;
    }

    private List<Prediction> score(float[] card, List<float[]> hyp, LabelSet labels, boolean multiLabel) {
        double[] cos = new double[hyp.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cos.length; j++) {
            cos[j] = dot(card, hyp.get(j));
            max = Math.max(max, cos[j]);
        }
        double sum = 0;
        double[] p = new double[cos.length];
        for (int j = 0; j < cos.length; j++) {
            p[j] = Math.exp((cos[j] - max) / temperature);
            sum += p[j];
        }
        List<Prediction> out = new ArrayList<>();
        for (int j = 0; j < cos.length; j++) {
            out.add(new Prediction(labels.labels().get(j).id(), p[j] / sum, String.format(java.util.Locale.ROOT, "cos=%.3f", cos[j])));
        }
        out.sort(Comparator.comparingDouble(Prediction::score).reversed());
        // Keep the labels that matter: the top five, or in multi-label mode those above a fair share.
        double share = 1.0 / cos.length;
        return multiLabel ? out.stream().filter(x -> x.score() > 2 * share).limit(10).toList() : out.subList(0, Math.min(5, out.size()));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
