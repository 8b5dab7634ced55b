package dev.cardminer.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scriptable HTTP server on 127.0.0.1 for tests: routes match a method and a path (exact, or a regex),
 * each answers with a {@link Handler}; queued one-shot answers (a 429, a dropped connection) come before
 * the route's own. Every request is recorded with its headers and body so that a test can check exactly
 * what a client sent (and what it never sent, such as a token to another host).
 */
public final class LocalHttpServer implements AutoCloseable {

    /**
     * One recorded request. Header names are lower case.
     *
     * @param method  the HTTP method
     * @param path    the decoded path, without the query
     * @param query   the raw query, or null
     * @param headers the headers, names in lower case, repeated ones joined with commas
     * @param body    the request body
     */
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        /** The header's value (case-insensitive name; repeated headers joined with commas), or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** The body as UTF-8 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Answers one request; path groups of a regex route are in {@code groups}. */
    @FunctionalInterface
    public interface Handler {
        /**
         * The answer.
         *
         * @throws IOException to fail the exchange
         */
        Response handle(Request request, List<String> groups) throws IOException;
    }

    /**
     * An answer: status, headers, body; {@code dropAfter} ≥ 0 closes the connection after that many body bytes;
     * {@code stallAfter} ≥ 0 sends that many body bytes and then nothing more while the server runs (a Hub that
     * stops mid-answer); {@code perByte} not null sends the body one byte at a time with that pause between bytes.
     *
     * @param status     the HTTP status
     * @param headers    the response headers
     * @param body       the body; empty for none
     * @param dropAfter  when 0 or more, the connection is closed after that many body bytes; -1 to send it all
     * @param stallAfter when 0 or more, that many body bytes are sent and then nothing until the server closes; -1
     *                   to send it all
     * @param perByte    the pause between body bytes, or null to send the body at once
     */
    public record Response(int status, Map<String, String> headers, byte[] body, int dropAfter, int stallAfter,
                           Duration perByte) {

        /** An answer sent at once (or dropped after {@code dropAfter} bytes). */
        public Response(int status, Map<String, String> headers, byte[] body, int dropAfter) {
            this(status, headers, body, dropAfter, -1, null);
        }

        /** A status without a body. */
        public static Response of(int status) {
            return new Response(status, Map.of(), new byte[0], -1);
        }

        /** A 200 with this JSON body. */
        public static Response json(String json) {
            return new Response(200, Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8), -1);
        }

        /** A status with a plain-text UTF-8 body. */
        public static Response text(int status, String text) {
            return new Response(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    text.getBytes(StandardCharsets.UTF_8), -1);
        }

        /** A 200 with these bytes as {@code application/octet-stream}. */
        public static Response bytes(byte[] body) {
            return new Response(200, Map.of("Content-Type", "application/octet-stream"), body, -1);
        }

        /** The body, or the requested part of it when the request has a {@code Range: bytes=a-b} header (206). */
        public static Response ranged(Request request, byte[] body) {
            String range = request.header("range");
            Matcher m = range == null ? null : Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
            if (m == null || !m.matches()) {
                return bytes(body);
            }
            long from = Long.parseLong(m.group(1));
            long to = m.group(2).isEmpty() ? body.length - 1L : Math.min(Long.parseLong(m.group(2)), body.length - 1L);
            if (from >= body.length) {
                return new Response(416, Map.of("Content-Range", "bytes */" + body.length), new byte[0], -1);
            }
            byte[] part = java.util.Arrays.copyOfRange(body, (int) from, (int) to + 1);
            return new Response(206, Map.of("Content-Type", "application/octet-stream",
                    "Content-Range", "bytes " + from + "-" + to + "/" + body.length), part, -1);
        }

        /** This answer with one more header (replacing one of the same name). */
        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, h, body, dropAfter, stallAfter, perByte);
        }

        /** This answer, its connection closed after {@code bytes} bytes of the body. */
        public Response droppedAfter(int bytes) {
            return new Response(status, headers, body, bytes, stallAfter, perByte);
        }

        /** Sends the headers and {@code bytes} bytes of the body, then nothing until the server is closed. */
        public Response stalledAfter(int bytes) {
            return new Response(status, headers, body, dropAfter, bytes, perByte);
        }

        /** Sends the body one byte at a time, {@code pause} apart. */
        public Response trickled(Duration pause) {
            return new Response(status, headers, body, dropAfter, stallAfter, pause);
        }
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private record Queued(Predicate<Request> matches, Response response) {
    }

    /** The longest a stalled answer holds its connection (a test's client gives up long before). */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(30);

    private final HttpServer server;
    /** Released on close: stalled and trickled answers end then. */
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Queued> queued = new ArrayDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private LocalHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static LocalHttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalHttpServer local = new LocalHttpServer(server);
            server.createContext("/", local::exchange);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The same server under another host name ({@code localhost}): another origin, as a CDN redirect target. */
    public URI otherHostUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Routes {@code method} on an exact path. */
    public LocalHttpServer on(String method, String path, Handler handler) {
        return onRegex(method, Pattern.quote(path), handler);
    }

    /** Routes {@code method} on paths matching {@code regex} (whole path, without the query). */
    public LocalHttpServer onRegex(String method, String regex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** The next request matching {@code matches} gets {@code response} instead of its route's answer (once). */
    public LocalHttpServer once(Predicate<Request> matches, Response response) {
        synchronized (queued) {
            queued.add(new Queued(matches, response));
        }
        return this;
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests whose path starts with {@code pathPrefix}, in order. */
    public List<Request> requests(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            Request request = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    ex.getRequestURI().getRawQuery(), Map.copyOf(headers), ex.getRequestBody().readAllBytes());
            requests.add(request);
            Response response = answer(request);
            response.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            boolean noBody = response.body().length == 0 || "HEAD".equals(request.method());
            ex.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                if (response.stallAfter() >= 0) {
                    ex.getResponseBody().write(response.body(), 0, Math.min(response.stallAfter(), response.body().length));
                    ex.getResponseBody().flush();
                    closed.await(STALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                    throw new IOException("stalled on purpose");
                }
                if (response.perByte() != null) {
                    for (byte b : response.body()) {
                        ex.getResponseBody().write(b);
                        ex.getResponseBody().flush();
                        if (closed.await(response.perByte().toMillis(), TimeUnit.MILLISECONDS)) {
                            throw new IOException("server closed");
                        }
                    }
                    return;
                }
                if (response.dropAfter() >= 0) {
                    ex.getResponseBody().write(response.body(), 0, Math.min(response.dropAfter(), response.body().length));
                    ex.getResponseBody().flush();
                    throw new IOException("connection dropped on purpose");
                }
                ex.getResponseBody().write(response.body());
            }
        } catch (IOException | RuntimeException e) {
            // a dropped connection or a handler's failure ends the exchange; the client sees it as such
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Response answer(Request request) throws IOException {
        synchronized (queued) {
            for (var it = queued.iterator(); it.hasNext(); ) {
                Queued q = it.next();
                if (q.matches().test(request)) {
                    it.remove();
                    return q.response();
                }
            }
        }
        List<Route> snapshot;
        synchronized (routes) {
            snapshot = List.copyOf(routes);
        }
        for (Route route : snapshot) {
            Matcher m = route.path().matcher(request.path());
            if (route.method().equalsIgnoreCase(request.method()) && m.matches()) {
                List<String> groups = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    groups.add(m.group(i));
                }
                return route.handler().handle(request, groups);
            }
        }
        return Response.text(404, "Entry not found");
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
