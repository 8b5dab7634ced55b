package dev.cardminer.io.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The store's {@code runs} table, the one place that writes it: a row when a run starts, its counts
 * when its ingestion ends, {@code finished_at} once the whole run succeeded (a killed or failed run keeps a row
 * without it).
 */
public final class RunLog {

    private final Connection connection;

    public RunLog(Connection connection) {
        this.connection = connection;
    }

    /** Records the start of a run over {@code source}; returns the run's id. */
    public String started(String source, Instant at) throws SQLException {
        String runId = UUID.randomUUID().toString();
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO runs (run_id, source, started_at) VALUES (?, ?, ?)")) {
            st.setString(1, runId);
            st.setString(2, source);
            st.setTimestamp(3, utc(at));
            st.executeUpdate();
        }
        return runId;
    }

    /**
     * Records what a run's ingestion did, with the cards it pruned when it pruned ({@code pruning}; else null); the run
     * is not finished until {@link #finished}.
     */
    public void counted(String runId, Pipeline.Counts counts, boolean pruning) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("UPDATE runs SET cards_seen = ?, "
                + "cards_new = ?, cards_skipped = ?, failures = ?, cards_replaced = ?, duplicates = ?, bytes = ?, "
                + "pruned = ?, facts_updated = ? WHERE run_id = ?")) {
            st.setLong(1, counts.seen());
            st.setLong(2, counts.written());
            st.setLong(3, counts.skipped());
            st.setLong(4, counts.failures());
            st.setLong(5, counts.replaced());
            st.setLong(6, counts.duplicates());
            st.setLong(7, counts.bytes());
            if (pruning) {
                st.setLong(8, counts.pruned());
            } else {
                st.setNull(8, Types.BIGINT);
            }
            st.setLong(9, counts.factsUpdated());
            st.setString(10, runId);
            st.executeUpdate();
        }
    }

    /**
     * Marks a run finished: everything it was asked to do (ingestion, annotation, report) succeeded. A run
     * that failed or was interrupted keeps no {@code finished_at}.
     */
    public void finished(String runId, Instant at) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("UPDATE runs SET finished_at = ? WHERE run_id = ?")) {
            st.setTimestamp(1, utc(at));
            st.setString(2, runId);
            st.executeUpdate();
        }
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
