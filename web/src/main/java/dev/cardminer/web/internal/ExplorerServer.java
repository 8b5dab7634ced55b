package dev.cardminer.web.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The explorer on the JDK's HTTP server: GET only, pages rendered on the server, assets from the
 * classpath. Every answer carries a CSP that allows scripts and styles from the explorer itself only
 * (no inline script, no outside host), and requests whose Host is not this address are refused (DNS
 * rebinding).
 */
public final class ExplorerServer implements AutoCloseable {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "/static/app.css", "text/css; charset=utf-8",
            "/static/app.js", "text/javascript; charset=utf-8");

    private final ExplorerStore store;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Layout layout;
    private final OverviewPage overview;
    private final CardsPage cards;
    private final CardPage card;
    private final ConceptsPage concepts;
    private final BreakdownsPage breakdowns;
    private final ChoosePage choose;
    private final PrintWriter log;

    public ExplorerServer(Path db, InetSocketAddress address, int threads, PrintWriter log) throws IOException, SQLException {
        this.store = new ExplorerStore(db, threads);
        this.log = log;
        this.layout = new Layout(db.getFileName().toString());
        this.overview = new OverviewPage(store, dev.cardminer.core.Vocabularies.bundled());
        this.cards = new CardsPage(store);
        this.card = new CardPage(store, new MarkdownRenderer());
        this.concepts = new ConceptsPage(store);
        this.breakdowns = new BreakdownsPage(store);
        this.choose = new ChoosePage(store);
        try {
            this.server = HttpServer.create(address, 64);
        } catch (IOException e) {
            store.close();
            throw e;
        }
        this.executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        // Warm-up in the background, so that no visitor pays for it: the overview's aggregates first (a
        // second on 300k cards), then the body-text word index (half a minute or more). A text search
        // that comes earlier waits for the index; every other page answers at once.
        Thread warmUp = new Thread(this::warmUp, "cardminer-explorer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private void warmUp() {
        try {
            page("Overview", "/", overview::render);
            store.ensureBodyIndex();
        } catch (SQLException | RuntimeException e) {
            // The pages compute what they need themselves when asked; warming up is only a head start.
            synchronized (log) {
                log.println("serve: warming up failed (pages will compute on demand): " + e.getMessage());
                log.flush();
            }
        }
    }

    /** The address the server listens on (the port chosen when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain; charset=utf-8", "GET only: the explorer is read-only.");
                return;
            }
            if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"))) {
                send(exchange, 421, "text/plain; charset=utf-8", "Unexpected Host header.");
                return;
            }
            URI uri = exchange.getRequestURI();
            Request request = Request.of(uri);
            String path = request.path();
            if (ASSETS.containsKey(path)) {
                asset(exchange, path);
                return;
            }
            try {
                route(exchange, request, path);
            } catch (SQLException | RuntimeException e) {
                log.println("cardminer serve: " + path + ": " + e);
                log.flush();
                send(exchange, 500, "text/html; charset=utf-8", layout.page("Error", null,
                        h -> h.element("p", "The page could not be made: " + e.getMessage())));
            }
        }
    }

    private void route(HttpExchange exchange, Request request, String path) throws IOException, SQLException {
        long t0 = System.nanoTime();
        String html;
        switch (path) {
            case "/" -> html = page("Overview", "/", overview::render);
            case "/cards", "/cards/" -> html = page("Cards", "/cards", h -> cards.render(h, request));
            case "/concepts" -> html = page("Concepts", "/concepts", h -> concepts.render(h, request));
            case "/breakdowns" -> html = page("Breakdowns", "/breakdowns", h -> breakdowns.render(h, request));
            case "/choose" -> html = page("Choose a model", "/choose", h -> choose.render(h, request));
            default -> {
                // A card by its path (the usual link), or by ?id= for ids the path cannot carry (Request.cardUrl).
                String id = path.startsWith("/cards/") ? path.substring("/cards/".length())
                        : path.equals(Request.CARD_BY_QUERY) ? request.raw("id") : null;
                if (id == null) {
                    send(exchange, 404, "text/html; charset=utf-8",
                            layout.page("Not found", null, h -> h.element("p", "No page at " + path + ".")));
                    return;
                }
                boolean[] found = {false};
                html = page(id, null, h -> found[0] = card.render(h, id));
                if (!found[0]) {
                    send(exchange, 404, "text/html; charset=utf-8",
                            layout.page("Not found", null, h -> h.element("p", "The store has no card " + id + ".")));
                    return;
                }
            }
        }
        exchange.getResponseHeaders().add("Server-Timing",
                String.format(Locale.ROOT, "render;dur=%.1f", (System.nanoTime() - t0) / 1e6));
        send(exchange, 200, "text/html; charset=utf-8", html);
    }

    private String page(String title, String current, PageBody body) throws SQLException {
        SQLException[] failure = {null};
        String html = layout.page(title, current, h -> {
            try {
                body.render(h);
            } catch (SQLException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return html;
    }

    @FunctionalInterface
    private interface PageBody {
        void render(Html h) throws SQLException;
    }

    private boolean hostAllowed(String host) {
        if (host == null) {
            return false;
        }
        int port = server.getAddress().getPort();
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port) || h.equals("[::1]:" + port);
    }

    private void asset(HttpExchange exchange, String path) throws IOException {
        try (InputStream in = ExplorerServer.class.getResourceAsStream("/dev/cardminer/web" + path)) {
            if (in == null) {
                send(exchange, 404, "text/plain; charset=utf-8", "missing asset");
                return;
            }
            byte[] bytes = in.readAllBytes();
            exchange.getResponseHeaders().add("Cache-Control", "max-age=3600");
            send(exchange, 200, ASSETS.get(path), bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.add("Content-Type", type);
        headers.add("Content-Security-Policy", CSP);
        headers.add("X-Content-Type-Options", "nosniff");
        headers.add("Referrer-Policy", "no-referrer");
        headers.add("X-Frame-Options", "DENY");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        server.stop(0);
        executor.shutdownNow();
        store.close();
    }
}
