package dev.cardminer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection for SQL that a user types ({@code cardminer query}): it can read the store and nothing
 * else. The store is opened read-only; DuckDB's access to files and the network is off (no {@code COPY
 * ... TO}, {@code EXPORT DATABASE}, {@code ATTACH}, {@code read_text}, {@code glob}, {@code INSTALL});
 * extensions are neither installed nor loaded on demand; and the configuration is locked, so that no
 * {@code SET} can turn any of this back on. {@link #singleStatement} refuses a second statement.
 */
public final class QueryConnection {

    private QueryConnection() {
    }

    /** Opens an existing store for user queries. */
    public static Connection open(Path store) throws IOException, SQLException {
        if (!Files.isRegularFile(store)) {
            throw new IOException(store + ": no such store (run cardminer analyze first)");
        }
        Properties props = new Properties();
        props.setProperty("access_mode", "READ_ONLY");
        props.setProperty("enable_external_access", "false");
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        props.setProperty("allow_community_extensions", "false");
        // Applied when the database starts, after the settings above, whatever the order of the properties.
        props.setProperty("lock_configuration", "true");
        return CardStore.connect(store, props, "for queries");
    }

    /**
     * The text unchanged when it holds one SQL statement (a trailing {@code ;} and comments allowed).
     * DuckDB's JDBC driver would otherwise run every statement but the last without a word.
     *
     * @throws SQLException naming where the second statement starts
     */
    public static String singleStatement(String sql) throws SQLException {
        int end = firstStatementEnd(sql);
        if (end >= 0 && hasCode(sql, end + 1)) {
            throw new SQLException("one statement at a time: a second one starts after character " + (end + 1));
        }
        return sql;
    }

    /** The index of the first {@code ;} outside strings, quoted names and comments, or -1. */
    private static int firstStatementEnd(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';') {
                return i;
            }
            i = skip(sql, i);
        }
        return -1;
    }

    /** Whether anything but blanks, semicolons and comments follows {@code from}. */
    private static boolean hasCode(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == ';') {
                i++;
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                i = skip(sql, i);
            } else {
                return true;
            }
        }
        return false;
    }

    /** Past the token that starts at {@code i}: a string, quoted name, comment, dollar-quoted text, or one char. */
    private static int skip(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            // E'...' strings take backslash escapes; elsewhere a doubled quote is the only escape.
            boolean backslash = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
            int j = i + 1;
            while (j < n) {
                char d = sql.charAt(j);
                if (backslash && d == '\\') {
                    j += 2;
                } else if (d == c) {
                    if (j + 1 < n && sql.charAt(j + 1) == c) {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }
        if (sql.startsWith("--", i)) {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
        }
        if (sql.startsWith("/*", i)) {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? n : close + 2;
        }
        if (c == '$') {
            int tagEnd = i + 1;
            while (tagEnd < n && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
                tagEnd++;
            }
            if (tagEnd < n && sql.charAt(tagEnd) == '$') {
                String tag = sql.substring(i, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                return close < 0 ? n : close + tag.length();
            }
        }
        return i + 1;
    }
}
