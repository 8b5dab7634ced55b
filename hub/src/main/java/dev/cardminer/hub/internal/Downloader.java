package dev.cardminer.hub.internal;

import dev.cardminer.hub.HubException;
import dev.cardminer.hub.RepoFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a file into a cache with resumption: the bytes go to {@code target.part}; an interrupted
 * download resumes from the part's end with an HTTP Range request (in this run, up to a few attempts, or
 * in the next). The part becomes {@code target} only once its size and SHA-256 match the listing.
 */
public final class Downloader {

    private static final int MAX_ATTEMPTS = 6;
    private static final Pattern CONTENT_RANGE_START = Pattern.compile("bytes\\s+(\\d+)-");

    private final HubHttp http;

    public Downloader(HubHttp http) {
        this.http = http;
    }

    /**
     * @param refused turns an answer that is not 200/206 into the caller's error (its status code given)
     */
    public Path download(URI uri, RepoFile file, Path target, LongConsumer progress,
                         Function<HttpResponse<?>, HubException> refused) throws IOException {
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
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > 0) {
            progress.accept(have);
        }
        IOException last = null;
        int failures = 0;
        for (int attempt = 0; attempt < 4 * MAX_ATTEMPTS && have < file.size(); attempt++) {
            try {
                have = fetch(uri, part, have, progress, refused);
                last = null;
            } catch (HubException e) {
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
    private long fetch(URI uri, Path part, long have, LongConsumer progress,
                       Function<HttpResponse<?>, HubException> refused) throws IOException {
        HubHttp.Call call = HubHttp.Call.get(uri, "download " + uri.getPath());
        if (have > 0) {
            call = call.withHeader("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.openDownload(call);
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            boolean append;
            if (status == 206) {
                long start = response.headers().firstValue("Content-Range").map(Downloader::rangeStart).orElse(-1L);
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
                throw refused.apply(response);
            }
            long size = append ? have : 0;
            if (!append && have > 0) {
                progress.accept(-have);
            }
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    size += n;
                    progress.accept(n);
                }
            }
            return size;
        }
    }

    static long rangeStart(String contentRange) {
        Matcher m = CONTENT_RANGE_START.matcher(contentRange);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    private static String readOrNull(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p).strip() : null;
    }

    public static String sha256(Path file) throws IOException {
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
