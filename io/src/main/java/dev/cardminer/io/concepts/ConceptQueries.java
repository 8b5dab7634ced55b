package dev.cardminer.io.concepts;

import dev.cardminer.annotate.ConceptCount;
import dev.cardminer.annotate.ConceptNormaliser;
import dev.cardminer.annotate.ConceptSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's tables from the store's {@code annotations}: headline counts, top subjects and categories
 * by proportion, top subjects within a category, example sentences per subject. The raw view counts
 * surface forms as annotated; the merged view (raw = false) groups them with {@link ConceptNormaliser}
 * and lists the raw forms of each row.
 *
 * <p>Not thread-safe: the queries run on the one JDBC connection it was given, which takes one statement at a
 * time. Give each thread its own {@code ConceptQueries} over its own connection (for a {@link
 * dev.cardminer.io.CardStore}, a duplicate of its connection).
 */
public final class ConceptQueries {

    /**
     * A sentence where a subject was annotated.
     *
     * @param cardId   the card's id
     * @param sentence the sentence's position in the card, from 0
     * @param subject  the annotated subject, as written
     * @param category its category
     * @param text     the sentence
     */
    public record Example(String cardId, int sentence, String subject, String category, String text) {
    }

    private final Connection connection;
    private final ConceptNormaliser normaliser;

    /** Queries over the store open on {@code connection}, merging forms with the default {@link ConceptNormaliser}. */
    public ConceptQueries(Connection connection) {
        this(connection, new ConceptNormaliser());
    }

    /** Queries over the store open on {@code connection}, merging forms with {@code normaliser}. */
    public ConceptQueries(Connection connection, ConceptNormaliser normaliser) {
        this.connection = connection;
        this.normaliser = normaliser;
    }

    /**
     * @param category only subjects of this category (null: all); merged categories match their variants
     * @param top      rows per table
     * @param raw      true for surface forms as annotated, false for merged variants
     */
    public ConceptSummary summary(String category, int top, boolean raw) throws SQLException {
        return summary(category, top, raw, null);
    }

    /** As {@link #summary(String, int, boolean)}, for one annotator's annotations (null: all annotators). */
    public ConceptSummary summary(String category, int top, boolean raw, String annotator) throws SQLException {
        // (category, subject) -> count: small enough to merge in memory even for a large corpus.
        Map<String, Map<String, Long>> byCategory = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT category, subject, count(*) FROM annotations"
                + (annotator == null ? "" : " WHERE annotator = ?") + " GROUP BY 1, 2")) {
            if (annotator != null) {
                st.setString(1, annotator);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String c = rs.getString(1) == null ? "" : rs.getString(1);
                    String s = rs.getString(2) == null ? "" : rs.getString(2);
                    byCategory.computeIfAbsent(c, k -> new HashMap<>()).merge(s, rs.getLong(3), Long::sum);
                }
            }
        }
        Map<String, Long> subjects = new HashMap<>();
        Map<String, Long> categories = new HashMap<>();
        long total = 0;
        String wanted = category == null ? null : raw ? category : normaliser.categoryKey(category);
        for (Map.Entry<String, Map<String, Long>> e : byCategory.entrySet()) {
            if (wanted != null && !wanted.equals(raw ? e.getKey() : normaliser.categoryKey(e.getKey()))) {
                continue;
            }
            long n = 0;
            for (Map.Entry<String, Long> s : e.getValue().entrySet()) {
                subjects.merge(s.getKey(), s.getValue(), Long::sum);
                n += s.getValue();
            }
            categories.merge(e.getKey(), n, Long::sum);
            total += n;
        }
        if (raw) {
            return new ConceptSummary(total, subjects.size(), categories.size(), rawTop(subjects, total, top),
                    rawTop(categories, total, top));
        }
        return new ConceptSummary(total, normaliser.distinct(subjects.keySet(), false),
                normaliser.distinct(categories.keySet(), true), normaliser.merge(subjects, false, total, top),
                normaliser.merge(categories, true, total, top));
    }

    private static List<ConceptCount> rawTop(Map<String, Long> counts, long total, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new ConceptCount(e.getKey(), e.getValue(), total == 0 ? 0 : 100.0 * e.getValue() / total,
                        List.of(e.getKey())))
                .toList();
    }

    /**
     * Up to {@code limit} sentences where one of these surface forms was annotated (the forms of a
     * {@link ConceptCount}), optionally within a category, one per card first.
     */
    public List<Example> examples(List<String> forms, String category, int limit) throws SQLException {
        List<Example> out = new ArrayList<>();
        if (forms.isEmpty()) {
            return out;
        }
        String marks = String.join(",", Collections.nCopies(forms.size(), "?"));
        try (PreparedStatement st = connection.prepareStatement("SELECT a.card_id, a.sentence, a.subject, a.category, "
                + "s.text FROM annotations a JOIN sentences s ON s.card_id = a.card_id AND s.position = a.sentence "
                + "WHERE a.subject IN (" + marks + ")" + (category == null ? "" : " AND a.category = ?")
                + " QUALIFY row_number() OVER (PARTITION BY a.card_id ORDER BY a.sentence) = 1"
                + " ORDER BY a.card_id, a.sentence LIMIT " + Math.max(0, limit))) {
            int i = 1;
            for (String f : forms) {
                st.setString(i++, f);
            }
            if (category != null) {
                st.setString(i, category);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new Example(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** The annotators present, with their annotation counts. */
    public Map<String, Long> annotators() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT annotator, count(*) FROM annotations GROUP BY 1 ORDER BY 2 DESC, 1");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
