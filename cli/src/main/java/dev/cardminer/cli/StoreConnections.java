package dev.cardminer.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens an existing store file for the read-side commands (concepts, export, report). */
final class StoreConnections {

    private StoreConnections() {
    }

    /** @throws NoSuchFileException when the file does not exist (DuckDB would create an empty one) */
    static Connection openExisting(Path db, boolean readOnly) throws NoSuchFileException, SQLException {
        if (!Files.isRegularFile(db)) {
            throw new NoSuchFileException(db.toString(), null, "no such store (run cardminer analyze first)");
        }
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        return DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), p);
    }
}
