package dev.cardminer.suggest.internal;

import dev.cardminer.core.EvalResult;
import dev.cardminer.core.ModelCard;
import dev.cardminer.suggest.MetadataExtractor;
import dev.cardminer.suggest.Suggestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code metrics}: the metric ids of the Trainer's results block (as the Trainer maps them) and the metric
 * types of {@code model-index} that are Hub metric ids ({@code hub-metrics.tsv}: evaluate's metrics), not those of
 * benchmark suites run on the model (MTEB's dozens of {@code cos_sim_pearson}, {@code ndcg_at_10}, ...).
 */
public final class MetricsExtractor implements MetadataExtractor {

    public static final String FIELD = "metrics";

    /** Benchmark suites whose results a card's model-index lists by the dozen: their metrics are the suite's. */
    private static final Pattern SUITE_DATASET = Pattern.compile("(?i)^mteb/.*");

    private final java.util.Set<String> hubMetrics = new java.util.HashSet<>();

    public MetricsExtractor() {
        for (String[] row : TsvResource.rows("hub-metrics.tsv")) {
            hubMetrics.add(row[0]);
        }
    }

    @Override
    public String field() {
        return FIELD;
    }

    @Override
    public List<Suggestion> extract(ModelCard card) {
        BodyText text = new BodyText(card);
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (TrainerResults.Item item : TrainerResults.items(text.body())) {
            if (item.metricType() != null) {
                out.putIfAbsent(item.metricType(), text.suggestion(FIELD, item.metricType(), item.start(), item.end(),
                        0.88, "trainer-results"));
            }
        }
        for (EvalResult r : card.evalResults()) {
            String type = r.metricType() == null ? null : r.metricType().strip().toLowerCase(Locale.ROOT);
            if (type != null && hubMetrics.contains(type)
                    && (r.datasetType() == null || !SUITE_DATASET.matcher(r.datasetType()).matches())) {
                out.putIfAbsent(type, new Suggestion(FIELD, type, BodyText.metadataKey(card, "model-index", "model-index metric: " + type),
                        0.85, "model-index-metric"));
            }
        }
        return new ArrayList<>(out.values());
    }
}
