package dev.cardminer.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read queries on a store with bound parameters, for the views over it (report, explorer) and io itself. */
public final class StoreQuery {

    private StoreQuery() {
    }

    /** The rows of {@code sql} with {@code params} bound in order; each row's cells as JDBC gives them. */
    public static List<Object[]> rows(Connection connection, String sql, Object... params) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int c = 0; c < n; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** The first cell of {@code sql}'s first row as a number (a count), with {@code params} bound in order; 0 for none. */
    public static long count(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
