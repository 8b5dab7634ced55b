package dev.cardminer.io.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.io.HubOptions;
import dev.cardminer.io.HubUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub's HTTP API as far as cardminer needs it: list a dataset folder, download a file into a cache
 * with resumption. Redirects are followed by hand so that the token only goes to the Hub's own host.
 */
public final class HubClient {

    /** A file of the dataset: its path in the repo, size, and SHA-256 (the LFS oid) when the Hub gives it. */
    public record RemoteFile(String path, long size, String sha256) {
        public String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_PAGES = 100;
    private static final int MAX_ATTEMPTS = 6;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final HubOptions options;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public HubClient(HubOptions options) {
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The dataset's files under {@code folder} ending with {@code suffix}, in path order. */
    public List<RemoteFile> list(String folder, String suffix) throws IOException {
        List<RemoteFile> files = new ArrayList<>();
        URI next = URI.create(options.endpoint() + "/api/datasets/" + options.dataset() + "/tree/main/"
                + encodePath(folder) + "?recursive=true");
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<byte[]> response = send(next, null, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw refused(response.statusCode(), "list " + options.dataset());
            }
            JsonNode entries = json.readTree(response.body());
            for (JsonNode e : entries) {
                String path = e.path("path").asText("");
                if (e.path("type").asText("").equals("file") && path.endsWith(suffix)) {
                    JsonNode lfs = e.path("lfs");
                    String sha = lfs.path("oid").asText(null);
                    long size = lfs.has("size") ? lfs.path("size").asLong() : e.path("size").asLong(-1);
                    files.add(new RemoteFile(path, size, sha));
                }
            }
            next = response.headers().firstValue("Link").flatMap(HubClient::nextLink)
                    .map(l -> response.uri().resolve(l)).orElse(null);
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    /**
     * Downloads a dataset file to {@code target} unless a verified copy is there. The bytes go to
     * {@code target.part}; an interrupted download resumes from the part's end with an HTTP Range request
     * (in this run, up to a few attempts, or in the next). The part becomes {@code target} only once its
     * size and SHA-256 match the listing.
     */
    public Path download(RemoteFile file, Path target, ProgressMeter progress) throws IOException {
        Path verified = sibling(target, ".sha256");
        String identity = file.sha256() != null ? file.sha256() : "size:" + file.size();
        if (Files.isRegularFile(target) && Files.size(target) == file.size()
                && identity.equals(readOrNull(verified))) {
            return target;
        }
        Files.deleteIfExists(target);
        Files.deleteIfExists(verified);
        Files.createDirectories(target.getParent());
        Path part = sibling(target, ".part");
        Path partIdentity = sibling(target, ".part.id");
        if (!identity.equals(readOrNull(partIdentity))) {
            Files.deleteIfExists(part);
            Files.writeString(partIdentity, identity);
        }
        URI uri = URI.create(options.endpoint() + "/datasets/" + options.dataset() + "/resolve/main/"
                + encodePath(file.path()));
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > 0) {
            progress.step(have);
        }
        IOException last = null;
        int failures = 0;
        for (int attempt = 0; attempt < 4 * MAX_ATTEMPTS && have < file.size(); attempt++) {
            try {
                have = fetch(uri, part, have, progress);
                last = null;
            } catch (HubUnavailableException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                have = Files.exists(part) ? Files.size(part) : 0;
                if (++failures >= MAX_ATTEMPTS) {
                    break;
                }
            }
        }
        if (have < file.size()) {
            throw new IOException("download of " + file.path() + " stopped at " + have + " of " + file.size()
                    + " bytes" + (last == null ? "" : " (" + last.getMessage() + ")") + "; run again to resume", last);
        }
        if (have != file.size()) {
            Files.deleteIfExists(part);
            throw new IOException("download of " + file.path() + " has " + have + " bytes, the Hub lists "
                    + file.size() + "; removed it, run again");
        }
        if (file.sha256() != null) {
            String actual = sha256(part);
            if (!actual.equalsIgnoreCase(file.sha256())) {
                Files.deleteIfExists(part);
                throw new IOException("download of " + file.path() + " does not match its SHA-256 (got " + actual
                        + ", the Hub lists " + file.sha256() + "); removed it, run again");
            }
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(verified, identity);
        Files.deleteIfExists(partIdentity);
        return target;
    }

    /** One GET from {@code have} on, appending to {@code part}; returns the part's new size. */
    private long fetch(URI uri, Path part, long have, ProgressMeter progress) throws IOException {
        String range = have > 0 ? "bytes=" + have + "-" : null;
        HttpResponse<InputStream> response = send(uri, range, HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            boolean append;
            if (status == 206) {
                long start = response.headers().firstValue("Content-Range").map(HubClient::rangeStart).orElse(-1L);
                if (start != have) {
                    Files.deleteIfExists(part);
                    throw new IOException("the server answered a range request with bytes from " + start);
                }
                append = true;
            } else if (status == 200) {
                append = false;
            } else if (status == 416 && have > 0) {
                return have;
            } else {
                throw refused(status, "download " + uri.getPath());
            }
            long size = append ? have : 0;
            if (!append && have > 0) {
                progress.step(-have);
            }
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    size += n;
                    progress.step(n);
                }
            }
            return size;
        }
    }

    private <T> HttpResponse<T> send(URI uri, String range, HttpResponse.BodyHandler<T> handler) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(60))
                    .header("User-Agent", "cardminer/0.1").GET();
            if (range != null) {
                request.header("Range", range);
            }
            if (options.token() != null && sameOrigin(current, options.endpoint())) {
                request.header("Authorization", "Bearer " + options.token());
            }
            HttpResponse<T> response;
            try {
                response = http.send(request.build(), handler);
            } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
                throw unreachable(e);
            } catch (HttpTimeoutException e) {
                throw new IOException("the Hub did not answer in time (" + current.getHost() + ")", e);
            } catch (IOException e) {
                if (hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)) {
                    throw unreachable(e);
                }
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while talking to the Hub");
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                if (response.body() instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // a redirect's body is not needed
                    }
                }
                current = current.resolve(location.get());
                continue;
            }
            return response;
        }
        throw new IOException("too many redirects from " + uri.getHost());
    }

    private HubUnavailableException unreachable(Exception e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new HubUnavailableException("cannot reach the Hub at " + options.endpoint() + " (" + why
                + "); analyze a local source instead: cardminer analyze <cards folder | file.parquet | file.jsonl>", e);
    }

    private HubUnavailableException refused(int status, String what) {
        String hint = status == 401 || status == 403
                ? "; set HF_TOKEN to a token with access, or analyze a local source"
                : status == 404 ? "; check --hub-endpoint and that the dataset exists" : "";
        return new HubUnavailableException("the Hub answered HTTP " + status + " to " + what + hint, null);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
                && a.getPort() == b.getPort();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> nextLink(String header) {
        Matcher m = NEXT_LINK.matcher(header);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static long rangeStart(String contentRange) {
        Matcher m = Pattern.compile("bytes\\s+(\\d+)-").matcher(contentRange);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String encodePath(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    private static String readOrNull(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p).strip() : null;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
