package dev.cardminer.io;

import java.sql.SQLException;

/** DuckDB's own reason for a failed statement, in one line, as the JDBC driver hides it. */
public final class DuckDbErrors {

    private static final String PENDING_WRAPPER =
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result";

    private DuckDbErrors() {
    }

    /**
     * DuckDB's error, in one line. duckdb_jdbc 1.5 reports a statement that fails when it is prepared or started
     * as this wrapper, with DuckDB's own error on a later line after {@code "Error: "}: that one is returned.
     */
    public static String reason(SQLException e) {
        String message = e.getMessage();
        if (message != null && message.startsWith(PENDING_WRAPPER)) {
            int own = message.indexOf("\nError: ");
            if (own >= 0) {
                return firstLine(message.substring(own + "\nError: ".length()));
            }
        }
        return firstLine(message);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
