package dev.cardminer.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Open LLM Leaderboard's results ({@code open-llm-leaderboard/contents}, one Parquet file), read once
 * with DuckDB and joined on the model id ({@code fullname}).
 */
public final class Leaderboard {

    /** The dataset that holds the leaderboard's table on the Hub. */
    public static final String DATASET = "open-llm-leaderboard/contents";

    private static final Map<String, String> COLUMNS = Map.of("average", "Average ⬆️", "ifeval", "IFEval", "bbh", "BBH",
            "math", "MATH Lvl 5", "gpqa", "GPQA", "musr", "MUSR", "mmlu_pro", "MMLU-PRO");

    /** DriverManager's state when no driver takes the URL. */
    private static final String NO_DRIVER = "08001";

    private final Map<String, LeaderboardScores> byModel;

    private Leaderboard(Map<String, LeaderboardScores> byModel) {
        this.byModel = byModel;
    }

    /** A leaderboard with no models, for runs without one. */
    public static Leaderboard empty() {
        return new Leaderboard(Map.of());
    }

    /**
     * Reads a local copy of the leaderboard's Parquet file, with DuckDB: this module does not pass its driver on, so
     * an application that calls this adds {@code org.duckdb:duckdb_jdbc} (or {@code cardminer-io}, which has it).
     *
     * @throws IOException when the file cannot be read as the leaderboard's table, or the driver is missing
     */
    public static Leaderboard read(Path parquet) throws IOException {
        if (!Files.isRegularFile(parquet)) {
            throw new IOException(parquet + ": no such file (the leaderboard's Parquet file)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            Set<String> have = new java.util.HashSet<>();
            try (ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + parquet.toAbsolutePath()
                    .toString().replace("'", "''") + "')")) {
                while (r.next()) {
                    have.add(r.getString(1));
                }
            }
            if (!have.contains("fullname")) {
                throw new IOException(parquet + " has no 'fullname' column: not the Open LLM Leaderboard's table");
            }
            StringBuilder sql = new StringBuilder("SELECT fullname, ")
                    .append(have.contains("Precision") ? "\"Precision\"" : "NULL").append(", ")
                    .append(have.contains("Model sha") ? "\"Model sha\"" : "NULL");
            for (String key : new String[] {"average", "ifeval", "bbh", "math", "gpqa", "musr", "mmlu_pro"}) {
                String col = COLUMNS.get(key);
                sql.append(", ").append(have.contains(col) ? "TRY_CAST(\"" + col + "\" AS DOUBLE)" : "NULL");
            }
            sql.append(" FROM read_parquet('").append(parquet.toAbsolutePath().toString().replace("'", "''")).append("')");
            Map<String, LeaderboardScores> out = new HashMap<>();
            try (ResultSet r = s.executeQuery(sql.toString())) {
                while (r.next()) {
                    String model = r.getString(1);
                    if (model == null) {
                        continue;
                    }
                    LeaderboardScores row = new LeaderboardScores(model, r.getString(2), num(r, 4), num(r, 5),
                            num(r, 6), num(r, 7), num(r, 8), num(r, 9), num(r, 10), r.getString(3));
                    out.merge(model.toLowerCase(Locale.ROOT), row, (a, b) -> better(a, b));
                }
            }
            return new Leaderboard(Map.copyOf(out));
        } catch (SQLException e) {
            if (NO_DRIVER.equals(e.getSQLState())) {
                throw new IOException(parquet + ": reading the leaderboard needs DuckDB's JDBC driver (org.duckdb:duckdb_jdbc)"
                        + " on the class path", e);
            }
            throw new IOException(parquet + ": cannot read it as Parquet (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** The model's scores (case-insensitive id), empty when the leaderboard has not evaluated it. */
    public Optional<LeaderboardScores> scores(String model) {
        return Optional.ofNullable(byModel.get(model.toLowerCase(Locale.ROOT)));
    }

    /** How many models it has scores for. */
    public int size() {
        return byModel.size();
    }

    private static LeaderboardScores better(LeaderboardScores a, LeaderboardScores b) {
        double x = a.average() == null ? -1 : a.average();
        double y = b.average() == null ? -1 : b.average();
        return y > x ? b : a;
    }

    private static Double num(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? null : v;
    }
}
