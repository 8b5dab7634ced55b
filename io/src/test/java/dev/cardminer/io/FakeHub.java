package dev.cardminer.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local stand-in for the Hub's dataset API on 127.0.0.1: lists {@code data/*.parquet} (one file per
 * page, with a Link header to the next), redirects downloads to {@code localhost} (another origin, like
 * the Hub's CDN) and serves byte ranges. It can drop the connection halfway through a file's first download.
 */
final class FakeHub implements AutoCloseable {

    record Request(String path, String range, String authorization) {
    }

    static final String DATASET = HubOptions.DEFAULT_DATASET;

    private final HttpServer server;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> listedSha = new ConcurrentHashMap<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    volatile boolean dropFirstDownload;

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void add(String name, byte[] bytes) {
        files.put(name, bytes);
    }

    /** Lists a wrong SHA-256 for the file (a corrupt download). */
    void listWrongSha(String name) {
        listedSha.put(name, "0".repeat(64));
    }

    List<Request> downloads() {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().startsWith("/cdn/")).toList();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(path, ex.getRequestHeaders().getFirst("Range"),
                ex.getRequestHeaders().getFirst("Authorization")));
        try (ex) {
            String tree = "/api/datasets/" + DATASET + "/tree/main/data";
            String resolve = "/datasets/" + DATASET + "/resolve/main/data/";
            if (path.equals(tree)) {
                list(ex);
            } else if (path.startsWith(resolve) && files.containsKey(path.substring(resolve.length()))) {
                ex.getResponseHeaders().add("Location",
                        "http://localhost:" + server.getAddress().getPort() + "/cdn/" + path.substring(resolve.length()));
                ex.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/cdn/") && files.containsKey(path.substring(5))) {
                serve(ex, path.substring(5));
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        } catch (IOException e) {
            // a dropped connection ends here
        }
    }

    private void list(HttpExchange ex) throws IOException {
        List<String> names = new ArrayList<>(files.keySet());
        String query = ex.getRequestURI().getQuery();
        int page = query != null && query.contains("cursor=") ? Integer.parseInt(query.replaceAll(".*cursor=(\\d+).*", "$1")) : 0;
        StringBuilder json = new StringBuilder("[");
        if (page < names.size()) {
            String name = names.get(page);
            byte[] bytes = files.get(name);
            String sha = listedSha.getOrDefault(name, sha256(bytes));
            json.append("{\"type\":\"file\",\"oid\":\"abc\",\"size\":").append(bytes.length)
                    .append(",\"path\":\"data/").append(name).append("\",\"lfs\":{\"oid\":\"").append(sha)
                    .append("\",\"size\":").append(bytes.length).append(",\"pointerSize\":134}}");
        }
        json.append("]");
        if (page + 1 < names.size()) {
            ex.getResponseHeaders().add("Link", "<" + endpoint() + "/api/datasets/" + DATASET
                    + "/tree/main/data?recursive=true&cursor=" + (page + 1) + ">; rel=\"next\"");
        }
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private void serve(HttpExchange ex, String name) throws IOException {
        byte[] bytes = files.get(name);
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null && range.matches("bytes=\\d+-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
        }
        if (from >= bytes.length) {
            ex.sendResponseHeaders(416, -1);
            return;
        }
        if (from > 0) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
            ex.sendResponseHeaders(206, bytes.length - from);
        } else {
            ex.sendResponseHeaders(200, bytes.length);
        }
        OutputStream out = ex.getResponseBody();
        if (dropFirstDownload && from == 0 && dropped.add(name)) {
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw new IOException("dropping the connection halfway");
        }
        out.write(bytes, from, bytes.length - from);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
