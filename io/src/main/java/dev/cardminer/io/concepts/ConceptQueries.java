package dev.cardminer.io.concepts;

import dev.cardminer.annotate.ConceptCount;
import dev.cardminer.annotate.ConceptSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000's tables from the store's {@code annotations}. This first version counts raw forms only;
 * the normalised (merged) view replaces it.
 */
public final class ConceptQueries {

    private final Connection connection;

    public ConceptQueries(Connection connection) {
        this.connection = connection;
    }

    /**
     * @param category only subjects of this category (null: all)
     * @param top      rows per table
     * @param raw      true for surface forms as annotated, false for merged variants
     */
    public ConceptSummary summary(String category, int top, boolean raw) throws SQLException {
        String where = category == null ? "" : " WHERE category = ?";
        long total;
        long subjects;
        long categories;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT count(*), count(DISTINCT subject), count(DISTINCT category) FROM annotations" + where)) {
            if (category != null) {
                st.setString(1, category);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
                subjects = rs.getLong(2);
                categories = rs.getLong(3);
            }
        }
        return new ConceptSummary(total, subjects, categories, top("subject", where, category, top, total),
                top("category", where, category, top, total));
    }

    private List<ConceptCount> top(String column, String where, String category, int top, long total)
            throws SQLException {
        List<ConceptCount> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT " + column + ", count(*) AS n FROM annotations"
                + where + " GROUP BY 1 ORDER BY n DESC, 1 LIMIT " + top)) {
            if (category != null) {
                st.setString(1, category);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    out.add(new ConceptCount(rs.getString(1), n, total == 0 ? 0 : 100.0 * n / total,
                            List.of(rs.getString(1))));
                }
            }
        }
        return out;
    }
}
