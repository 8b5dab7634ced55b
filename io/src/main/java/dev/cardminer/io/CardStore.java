package dev.cardminer.io;

import dev.cardminer.io.internal.Fingerprints;
import dev.cardminer.io.internal.SentenceHubIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.duckdb.DuckDBConnection;

/**
 * The cardminer store, and the one way into it: one embedded DuckDB file with the tables of
 * {@code schema.sql} and the views of {@code views.sql}, the only DDL. {@link #open} (for writing) creates the file and any missing table
 * and migrates an older store to {@link #SCHEMA_VERSION} ({@code migrations/N.sql} takes a store from
 * version N-1 to N); {@link #openReadOnly} opens an existing store for reading only.
 *
 * <p><b>One writer per store.</b> One process writes a store at a time: DuckDB locks the file, and a second process
 * gets DuckDB's "Could not set lock on file" error (the CLI says "the store ... is in use by another process").
 * Within one process DuckDB shares one database per file among all its connections, so its lock does not stop a
 * second writer there, which would fail later, inside a transaction. cardminer refuses it when it opens: a second
 * {@link #open} of a file already open for writing in this process (by its real path, whatever the path given) throws
 * an {@link SQLException} saying so, until the first {@code CardStore} is closed. To write from several threads,
 * share the one {@code CardStore} and give each thread its own connection
 * ({@code connection().unwrap(DuckDBConnection.class).duplicate()}); an {@link Analyzer} run needs the store to
 * itself (a second run on it while one writes is refused). DuckDB also holds one configuration per file and process: a store
 * open read-only ({@link #openReadOnly}, {@link QueryConnection}) cannot be opened for writing in the same process
 * until those connections are closed, nor the other way round; both are refused with a message naming the store. A
 * reader next to a writer in one process reads through the writer's {@link #connection()} (or a duplicate of it).
 *
 * <p>Thread safety: the static methods may be called from any thread. A {@code CardStore} is one JDBC connection:
 * statements on it from several threads at once are not supported; duplicate the connection for each thread.
 */
public final class CardStore implements AutoCloseable {

    /** The version of schema.sql; bump it, and add {@code migrations/N.sql}, when a table changes. */
    public static final int SCHEMA_VERSION = 8;

    /**
     * The real paths of the stores open for writing in this process. Process-wide because DuckDB's sharing of one
     * database per file is: it is what lets a second writer in, so only a registry as wide can keep it out.
     */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path key;
    private final DuckDBConnection connection;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    private CardStore(Path file, Path key, DuckDBConnection connection) {
        this.file = file;
        this.key = key;
        this.connection = connection;
    }

    /**
     * Opens (or creates) the store for writing and makes sure every table of the schema exists.
     *
     * @throws SQLException when this process has the file open already, for writing (one writer per store) or
     *                      read-only; or when another process writes it (DuckDB's lock error)
     */
    public static CardStore open(Path file) throws IOException, SQLException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path key = realPath(file);
        if (!WRITING.add(key)) {
            throw new SQLException(file + ": the store is already open for writing in this process: one writer per "
                    + "store (close the other CardStore first, or share it)");
        }
        try {
            DuckDBConnection c = (DuckDBConnection) connect(file, new Properties(), "for writing");
            try {
                migrate(c);
            } catch (SQLException | IOException | RuntimeException e) {
                c.close();
                throw e;
            }
            return new CardStore(file, key, c);
        } catch (SQLException | IOException | RuntimeException e) {
            WRITING.remove(key);
            throw e;
        }
    }

    /** The file's real path (its folder's, for a file not made yet), so that two names of one file are one store. */
    private static Path realPath(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            return absolute.toRealPath();
        }
        Path parent = absolute.getParent();
        return parent == null || absolute.getFileName() == null ? absolute
                : parent.toRealPath().resolve(absolute.getFileName());
    }

    /**
     * A DuckDB connection to the store, with DuckDB's refusal of a second configuration of one file in this process
     * (read-only next to writing, or another set of options) said in cardminer's words.
     */
    static Connection connect(Path file, Properties props, String how) throws IOException, SQLException {
        boolean readOnly = "READ_ONLY".equals(props.getProperty("access_mode"));
        if (readOnly && WRITING.contains(realPath(file))) {
            throw new SQLException(file + ": the store is open for writing in this process: it cannot also be opened "
                    + how + " (read through that CardStore's connection, or close it first)");
        }
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("different configuration")) {
                throw new SQLException(file + ": the store is already open in this process with other settings "
                        + "(read-only, or for queries): it cannot also be opened " + how + " until those connections "
                        + "are closed", e.getSQLState(), e);
            }
            throw e;
        }
    }

    /** Opens an existing store for writing, as {@link #open}; a missing file is an error, not a new empty store. */
    public static CardStore openExisting(Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": no such store (run cardminer analyze first)");
        }
        return open(file);
    }

    /** Brings the store to {@link #SCHEMA_VERSION}: missing tables from schema.sql, then each migration due. */
    private static void migrate(Connection c) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            int version = schemaVersion(c);
            // 0: a new file, or a store from before versioning; the latter counts as version 1.
            boolean fresh = version == 0 && !hasTable(c, "cards");
            if (version > SCHEMA_VERSION) {
                throw new SQLException("the store was written by a newer cardminer (schema version " + version
                        + ", this one knows " + SCHEMA_VERSION + ")");
            }
            // All or nothing: a migration killed half-way leaves the store as it was.
            st.execute("BEGIN TRANSACTION");
            try {
                st.execute(resource("schema.sql"));
                for (int v = fresh ? SCHEMA_VERSION + 1 : Math.max(version, 1) + 1; v <= SCHEMA_VERSION; v++) {
                    st.execute(resource("migrations/" + v + ".sql"));
                    // Version 4 turns the table `sentences` into a view; a store that never had the table has the view.
                    if (v == 4 && isBaseTable(c, "sentences")) {
                        st.execute(resource("migrations/4-sentences.sql"));
                    }
                    // Version 5 turns the table `annotated_sentences` into a view in the same way.
                    if (v == 5 && isBaseTable(c, "annotated_sentences")) {
                        st.execute(resource("migrations/5-marks.sql"));
                    }
                    // Version 7 adds sentence_hub_ids, made from the stored sentences by the rules' own code.
                    if (v == 7) {
                        st.execute(resource("views.sql"));
                        SentenceHubIds.fill(c.unwrap(DuckDBConnection.class));
                    }
                    // Version 8 gives the text its own fingerprint, made by the pipeline's own code.
                    if (v == 8) {
                        Fingerprints.fromSchema7(c.unwrap(DuckDBConnection.class));
                    }
                }
                st.execute(resource("views.sql"));
                if (version != SCHEMA_VERSION) {
                    st.execute("INSERT OR REPLACE INTO store_info VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                // A statement that failed is closed by the driver: the rollback gets its own.
                try (Statement rollback = c.createStatement()) {
                    rollback.execute("ROLLBACK");
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /** The schema version of an open store: 0 for a store from before versioning. */
    public static int schemaVersion(Connection c) throws SQLException {
        if (!hasTable(c, "store_info")) {
            return 0;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT value FROM store_info WHERE key = 'schema_version'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }

    /** Whether the store has this table or view (an older or half-made store may lack one). */
    public static boolean hasTable(Connection c, String table) throws SQLException {
        return count(c, table, "");
    }

    /** Whether the store has this name as a table (not a view). */
    private static boolean isBaseTable(Connection c, String table) throws SQLException {
        return count(c, table, " AND table_type = 'BASE TABLE'");
    }

    private static boolean count(Connection c, String table, String condition) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = current_schema() AND lower(table_name) = lower(?)" + condition)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Opens an existing store read-only ({@code access_mode=READ_ONLY}): statements that write fail, and
     * other readers may open it at the same time. The one read-only opener of every command. In a process that has the
     * store open for writing it is refused (one configuration per file and process): read through that store.
     *
     * @throws NoSuchFileException when there is no such file (DuckDB would create an empty one)
     */
    public static Connection openReadOnly(Path file) throws IOException, SQLException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": no such store (run cardminer analyze first)");
        }
        Properties props = new Properties();
        props.setProperty("access_mode", "READ_ONLY");
        return connect(file, props, "read-only");
    }

    /** The store's table and view definitions ({@code CREATE TABLE IF NOT EXISTS ...}, {@code CREATE VIEW ...}). */
    public static String schema() throws IOException {
        return resource("schema.sql") + "\n" + resource("views.sql");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CardStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the classpath");
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

    /** Marks an {@link Analyzer} run as writing this store; false when one already is. */
    boolean startRun() {
        return running.compareAndSet(false, true);
    }

    void endRun() {
        running.set(false);
    }

    /** The store's file, as it was given to {@link #open}. */
    public Path file() {
        return file;
    }

    /** Closes the connection; the store may then be opened for writing again in this process. */
    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            if (closed.compareAndSet(false, true)) {
                WRITING.remove(key);
            }
        }
    }
}
