package dev.cardminer.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * The cardminer store: one embedded DuckDB file with the tables of {@code schema.sql}. Opening it for
 * writing creates the file and any missing table. One process writes at a time (DuckDB locks the file).
 */
public final class CardStore implements AutoCloseable {

    private final Path file;
    private final DuckDBConnection connection;

    private CardStore(Path file, DuckDBConnection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (or creates) the store for writing and makes sure every table of the schema exists. */
    public static CardStore open(Path file) throws IOException, SQLException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        try (Statement st = c.createStatement()) {
            st.execute(schema());
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return new CardStore(file, c);
    }

    /**
     * Opens an existing store read-only ({@code access_mode=READ_ONLY}): statements that write fail, and
     * other readers may open it at the same time.
     */
    public static Connection openReadOnly(Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such store (run cardminer analyze first)");
        }
        Properties props = new Properties();
        props.setProperty("access_mode", "READ_ONLY");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    }

    /** The store's table definitions ({@code CREATE TABLE IF NOT EXISTS ...}). */
    public static String schema() throws IOException {
        try (InputStream in = CardStore.class.getResourceAsStream("schema.sql")) {
            if (in == null) {
                throw new IOException("schema.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The open connection (for the annotation phase, reports and queries in the same process). */
    public Connection connection() {
        return connection;
    }

    DuckDBConnection duckdb() {
        return connection;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
