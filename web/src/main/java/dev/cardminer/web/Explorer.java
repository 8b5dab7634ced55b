package dev.cardminer.web;

import dev.cardminer.web.internal.ExplorerServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A local, read-only web explorer of a cardminer store: overview charts that click through to cards,
 * card search, one page per card, concepts, breakdowns and a model chooser. Bound to the loopback
 * address unless told otherwise; works without network (every asset is served by the explorer).
 *
 * <pre>{@code
 * try (Explorer.Running explorer = Explorer.builder(Path.of("cardminer.duckdb")).port(8080).build().start()) {
 *     System.out.println(explorer.uri());
 *     ...
 * }
 * }</pre>
 */
public final class Explorer {

    private final Path db;
    private final InetAddress bind;
    private final int port;
    private final int threads;
    private final PrintWriter log;

    private Explorer(Builder b) {
        this.db = b.db;
        this.bind = b.bind;
        this.port = b.port;
        this.threads = b.threads;
        this.log = b.log;
    }

    /**
     * A builder for an explorer of the store at {@code db}: loopback, port 8080, 4 threads, failures logged to
     * standard error.
     */
    public static Builder builder(Path db) {
        return new Builder(db);
    }

    /**
     * Opens the store read-only, computes the per-card facts the pages query, and starts serving.
     *
     * @throws NoSuchFileException when there is no store at the path
     */
    public Running start() throws IOException, SQLException {
        if (!Files.isRegularFile(db)) {
            throw new NoSuchFileException("no store at " + db + " (run cardminer analyze first)");
        }
        return new Running(new ExplorerServer(db, new InetSocketAddress(bind, port), threads, log));
    }

    /** A started explorer; closing it stops the server and closes the store. */
    public static final class Running implements AutoCloseable {
        private final ExplorerServer server;

        private Running(ExplorerServer server) {
            this.server = server;
        }

        /** The explorer's address, such as {@code http://127.0.0.1:8080/}. */
        public URI uri() {
            InetSocketAddress a = server.address();
            String host = a.getAddress().isLoopbackAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
            return URI.create("http://" + host + ":" + a.getPort() + "/");
        }

        @Override
        public void close() throws SQLException {
            server.close();
        }
    }

    /** Options of an explorer. */
    public static final class Builder {
        private final Path db;
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int port = 8080;
        private int threads = 4;
        private PrintWriter log = new PrintWriter(System.err, true);

        private Builder(Path db) {
            this.db = Objects.requireNonNull(db, "db");
        }

        /** The port; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind; default the loopback address, so nothing outside this machine can connect. */
        public Builder bind(InetAddress address) {
            this.bind = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Request threads, each with its own store connection. Default 4. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive");
            }
            this.threads = threads;
            return this;
        }

        /** Where request failures are logged. Default standard error. */
        public Builder log(PrintWriter log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** An explorer with these settings; it starts nothing until {@link #start()}. */
        public Explorer build() {
            return new Explorer(this);
        }
    }
}
