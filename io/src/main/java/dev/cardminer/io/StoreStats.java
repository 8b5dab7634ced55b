package dev.cardminer.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store's headline figures.
 *
 * @param cards              cards in the store
 * @param cardsWithMetadata  cards with a metadata block
 * @param cardsWithProblems  cards with at least one problem
 * @param bytes              UTF-8 bytes of all cards
 * @param metadataKeys       distinct top-level metadata keys
 * @param meanCompleteness   mean template completeness (0 to 1), null for an empty store
 * @param problemsBySeverity problem counts by severity (error, warning, info)
 * @param topProblemCodes    the ten most frequent problem codes with their counts
 * @param problems    problems of all cards
 * @param sections    sections of all cards
 * @param evalResults flattened {@code model-index} results of all cards
 * @param links       links of all cards
 * @param sentences   sentences stored (by the annotation phases)
 * @param annotations annotations stored, all annotators together
 */
public record StoreStats(long cards, long cardsWithMetadata, long cardsWithProblems, long bytes, long problems,
                         long sections, long evalResults, long links, long sentences, long annotations,
                         long metadataKeys, Double meanCompleteness, Map<String, Long> problemsBySeverity,
                         Map<String, Long> topProblemCodes) {

    /** Copies the maps, keeping their order. */
    public StoreStats {
        problemsBySeverity = Collections.unmodifiableMap(new LinkedHashMap<>(problemsBySeverity));
        topProblemCodes = Collections.unmodifiableMap(new LinkedHashMap<>(topProblemCodes));
    }

    /**
     * Reads the figures from an open store with a few queries.
     *
     * @throws SQLException when the store cannot be read
     */
    public static StoreStats read(Connection store) throws SQLException {
        try (Statement st = store.createStatement()) {
            long cards;
            long withMetadata;
            long withProblems;
            long bytes;
            Double completeness;
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE has_metadata), "
                    + "count(*) FILTER (WHERE problem_count > 0), coalesce(sum(bytes), 0), avg(completeness) FROM cards")) {
                rs.next();
                cards = rs.getLong(1);
                withMetadata = rs.getLong(2);
                withProblems = rs.getLong(3);
                bytes = rs.getLong(4);
                double c = rs.getDouble(5);
                completeness = rs.wasNull() ? null : c;
            }
            Map<String, Long> bySeverity = new LinkedHashMap<>();
            for (String s : new String[] {"error", "warning", "info"}) {
                bySeverity.put(s, 0L);
            }
            try (ResultSet rs = st.executeQuery("SELECT severity, count(*) FROM problems GROUP BY 1 ORDER BY 2 DESC, 1")) {
                while (rs.next()) {
                    bySeverity.put(String.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            Map<String, Long> codes = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT code, count(*) FROM problems GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10")) {
                while (rs.next()) {
                    codes.put(String.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return new StoreStats(cards, withMetadata, withProblems, bytes, count(st, "problems"),
                    count(st, "sections"), count(st, "eval_results"), count(st, "links"), count(st, "sentences"),
                    count(st, "annotations"), scalar(st, "SELECT count(DISTINCT key) FROM metadata"), completeness,
                    bySeverity, codes);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        return scalar(st, "SELECT count(*) FROM " + table);
    }

    private static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The figures as JSON, keys in camelCase. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("cards", cards);
        o.put("cardsWithMetadata", cardsWithMetadata);
        o.put("cardsWithProblems", cardsWithProblems);
        o.put("bytes", bytes);
        o.put("problems", problems);
        o.put("sections", sections);
        o.put("evalResults", evalResults);
        o.put("links", links);
        o.put("sentences", sentences);
        o.put("annotations", annotations);
        o.put("metadataKeys", metadataKeys);
        if (meanCompleteness == null) {
            o.putNull("meanCompleteness");
        } else {
            o.put("meanCompleteness", Math.round(meanCompleteness * 10_000) / 10_000.0);
        }
        ObjectNode severity = o.putObject("problemsBySeverity");
        problemsBySeverity.forEach(severity::put);
        ObjectNode codes = o.putObject("topProblemCodes");
        topProblemCodes.forEach(codes::put);
        return o;
    }
}
