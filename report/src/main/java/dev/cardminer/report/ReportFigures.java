package dev.cardminer.report;

import dev.cardminer.annotate.ConceptNormaliser;
import dev.cardminer.report.internal.StoreView;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Some of the report's figures as values, for other views of a store (the explorer draws them as
 * charts whose bars lead to the cards). The report's own sections read them from here, so the two
 * cannot count differently. Tables the store lacks read as empty.
 */
public final class ReportFigures {

    /**
     * A metric with its variants merged ("acc", "accuracy"): its usual name, cards, results, forms by use.
     *
     * @param metric  the metric's usual name (its canonical name, else its most used form)
     * @param cards   cards that report it
     * @param results eval results that report it
     * @param forms   the names it is written as, most used first
     */
    public record MetricUse(String metric, long cards, long results, List<String> forms) {
    }

    /**
     * Cards created in a month ({@code yyyy-MM}) and how documented they are.
     *
     * @param month            the month, {@code yyyy-MM}
     * @param cards            cards created in it
     * @param meanCompleteness their mean template completeness, 0 to 1 (NaN when none has one)
     * @param withMetadata     of them, cards with a metadata block
     * @param withModelIndex   of them, cards with a {@code model-index}
     */
    public record MonthTrend(String month, long cards, double meanCompleteness, long withMetadata,
                             long withModelIndex) {
    }

    /**
     * A metadata value and the cards that declare it (each item of a list counts).
     *
     * @param value the value
     * @param cards cards that declare it
     */
    public record ValueUse(String value, long cards) {
    }

    private final StoreView store;

    /** Reads the store on this connection (its tables unqualified, as the store's own connection has them). */
    public ReportFigures(Connection store) {
        this.store = new StoreView(store);
    }

    /** Metrics of the eval results, variants merged as concept variants are; most cards first. */
    public List<MetricUse> metrics() throws SQLException {
        if (!store.has("eval_results")) {
            return List.of();
        }
        ConceptNormaliser normaliser = new ConceptNormaliser();
        Map<String, Set<String>> cards = new HashMap<>();
        Map<String, Long> results = new HashMap<>();
        Map<String, Map<String, Long>> forms = new HashMap<>();
        for (Object[] row : store.rows("SELECT coalesce(metric_type, metric_name) AS v, card_id, count(*) "
                + "FROM eval_results WHERE coalesce(metric_type, metric_name) IS NOT NULL GROUP BY v, card_id")) {
            String form = row[0].toString();
            String key = normaliser.subjectKey(form);
            cards.computeIfAbsent(key, k -> new HashSet<>()).add(row[1].toString());
            results.merge(key, ((Number) row[2]).longValue(), Long::sum);
            forms.computeIfAbsent(key, k -> new HashMap<>()).merge(form, 1L, Long::sum);
        }
        List<String> keys = new ArrayList<>(cards.keySet());
        keys.sort(Comparator.comparingInt((String k) -> cards.get(k).size()).reversed()
                .thenComparing(Comparator.comparingLong((String k) -> results.get(k)).reversed())
                .thenComparing(Comparator.naturalOrder()));
        List<MetricUse> out = new ArrayList<>();
        for (String key : keys) {
            List<String> byUse = forms.get(key).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
            String canonical = normaliser.canonicalSubject(byUse.getFirst());
            out.add(new MetricUse(canonical != null ? canonical : byUse.getFirst(), cards.get(key).size(),
                    results.get(key), byUse));
        }
        return out;
    }

    /** Cards by creation month, oldest first; empty when the source gives no dates. */
    public List<MonthTrend> trends() throws SQLException {
        List<MonthTrend> out = new ArrayList<>();
        for (Object[] row : store.rows("SELECT strftime(created_at, '%Y-%m') AS month, count(*), avg(completeness), "
                + "count(*) FILTER (WHERE has_metadata), " + store.countCardsWithKey("model-index")
                + " FROM cards WHERE created_at IS NOT NULL GROUP BY month ORDER BY month")) {
            out.add(new MonthTrend(row[0].toString(), ((Number) row[1]).longValue(),
                    row[2] == null ? Double.NaN : ((Number) row[2]).doubleValue(), ((Number) row[3]).longValue(),
                    ((Number) row[4]).longValue()));
        }
        return out;
    }

    /** The values of a metadata key with the cards declaring each; most cards first. */
    public List<ValueUse> values(String key) throws SQLException {
        if (!store.has("metadata_values")) {
            return List.of();
        }
        List<ValueUse> out = new ArrayList<>();
        for (Object[] row : store.rows("SELECT value, count(DISTINCT card_id) AS n FROM metadata_values "
                + "WHERE key = ? AND value IS NOT NULL GROUP BY value ORDER BY n DESC, value", key)) {
            out.add(new ValueUse(row[0].toString(), ((Number) row[1]).longValue()));
        }
        return out;
    }
}
