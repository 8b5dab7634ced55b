package dev.cardminer.io.internal;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs store work in one transaction begun with a statement: DuckDB's appender does not join a transaction that
 * {@code setAutoCommit(false)} merely announces (it committed on its own, which once left a batch's annotations
 * without their done-marks), but it does join one begun with {@code BEGIN TRANSACTION}.
 */
public final class StoreTransaction {

    /** Work on the store that may fail. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    private StoreTransaction() {
    }

    /** Runs the work in one transaction on {@code tx}'s connection: all of it, or (on an exception) none. */
    public static void run(Statement tx, Work work) throws SQLException {
        tx.execute("BEGIN TRANSACTION");
        try {
            work.run();
            tx.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                tx.execute("ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
