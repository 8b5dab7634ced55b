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
 * types of {@code model-index}. Ids are lower-case evaluate-style names; loss is no metric.
 */
public final class MetricsExtractor implements MetadataExtractor {

    public static final String FIELD = "metrics";

    private static final Pattern METRIC_ID = Pattern.compile("[a-z][a-z0-9_.-]{0,40}");

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
            if (type != null && METRIC_ID.matcher(type).matches() && !type.equals("loss")) {
                out.putIfAbsent(type, new Suggestion(FIELD, type, BodyText.metadata(card, "model-index metric: " + type),
                        0.85, "model-index-metric"));
            }
        }
        return new ArrayList<>(out.values());
    }
}
