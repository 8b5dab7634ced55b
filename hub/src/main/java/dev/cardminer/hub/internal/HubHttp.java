package dev.cardminer.hub.internal;

import dev.cardminer.hub.HubException;
import dev.cardminer.hub.HubException.Kind;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.hub.HubTimer;
import dev.cardminer.hub.RateLimitStatus;
import dev.cardminer.hub.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP exchange with the Hub, with the policies every request shares: redirects followed by hand
 * (only to http/https; the token goes to the endpoint's own origin only), 429 and 5xx retried after the
 * wait that Retry-After or the RateLimit headers ask for (else exponential backoff), and one pause shared
 * by all threads so that concurrent callers stay within the rate limit together.
 */
public final class HubHttp {

    /** A request: what it is for ({@code what}) appears in error messages. */
    public record Call(String method, URI uri, Map<String, String> headers, byte[] body, String what) {
        public static Call get(URI uri, String what) {
            return new Call("GET", uri, Map.of(), null, what);
        }

        public Call withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Call(method, uri, h, body, what);
        }

        boolean idempotent() {
            return method.equals("GET") || method.equals("HEAD");
        }
    }

    private static final int MAX_REDIRECTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Pattern RATE_LIMIT_RESET = Pattern.compile("(?:^|[;,\\s])t=(\\d+)");
    private static final Pattern RATE_LIMIT_POLICY_NAME = Pattern.compile("^\\s*\"([^\"]*)\"");
    private static final Pattern RATE_LIMIT_REMAINING = Pattern.compile("(?:^|[;,\\s])r=(\\d+)");

    private final HubOptions options;
    private final HttpClient http;
    private final int maxAttempts;
    private final Duration maxWait;
    private final Duration timeout;
    /** Ends reads of a body that stopped coming (see {@link TimedBody}). */
    private final ScheduledExecutorService watchdog;
    private final HubTimer timer;
    private final String userAgent;
    /** In {@link HubTimer#nanoTime()} terms; nano times are only ever compared by difference. */
    private final AtomicLong pausedUntil;
    /** Per policy ("api", "resolvers", ...; "" for unnamed fields): the last budget reported and its reset (nano time). */
    private final Map<String, Budget> budgets = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param resetAt nano time of the reset; {@code resetKnown} false when the answer gave none that could be read */
    private record Budget(long remaining, long resetAt, boolean resetKnown) {
    }

    /**
     * @param timeout the longest wait for an answer: for its headers, for each read of its body, and for the whole
     *                answer from sending the request (except a download's, which may take longer while bytes come)
     */
    public HubHttp(HubOptions options, int maxAttempts, Duration maxWait, Duration timeout, HubTimer timer,
                   String userAgent) {
        this.options = options;
        this.timeout = timeout;
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hub-read-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);   // one alarm per read, cancelled when the read returns
        watchdog.setKeepAliveTime(10, TimeUnit.SECONDS);
        watchdog.allowCoreThreadTimeOut(true);
        this.watchdog = watchdog;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxWait = maxWait;
        this.timer = timer;
        this.userAgent = userAgent;
        this.pausedUntil = new AtomicLong(timer.nanoTime());
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HubOptions options() {
        return options;
    }

    /** The whole answer in memory; sending it and reading all of it take at most the client's timeout. */
    public HttpResponse<byte[]> send(Call call) throws IOException {
        return send(call, timeout, body -> {
            try (body) {
                return body.readAllBytes();
            }
        });
    }

    /** The answer with its body as a stream, all of which must come within the client's timeout of sending. */
    public HttpResponse<InputStream> open(Call call) throws IOException {
        return send(call, timeout, body -> body);
    }

    /**
     * As {@link #open}, for a download, which may take longer than the timeout: its body fails only when nothing
     * comes for that long.
     */
    public HttpResponse<InputStream> openDownload(Call call) throws IOException {
        return send(call, null, body -> body);
    }

    /** What a caller makes of an answer's body (the whole of it, or the stream itself). */
    private interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Sends {@code call}, following redirects and retrying 429/5xx (any answer for idempotent calls, only
     * 429 for others, which the server did not act on). Returns the final answer, whatever its status,
     * except a 429 or 5xx that outlasted the retries, which is thrown.
     *
     * @param total how long the whole answer may take from sending the request, or null: only the idle limit
     */
    private <T> HttpResponse<T> send(Call call, Duration total, BodyReader<T> reader) throws IOException {
        IOException lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            awaitPause();
            HttpResponse<InputStream> response;
            try {
                response = sendFollowingRedirects(call, total);
            } catch (HubException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                lastFailure = brokeOff(call, attempt, e);
                continue;
            }
            int status = response.statusCode();
            boolean retryable = status == 429 || (status >= 500 && call.idempotent());
            noteRateLimit(response.headers(), status);
            if (!retryable) {
                try {
                    return new Answer<>(response, reader.read(response.body()));
                } catch (HubException | InterruptedIOException e) {
                    discard(response);
                    throw e;
                } catch (IOException e) {
                    discard(response);
                    lastFailure = brokeOff(call, attempt, e);
                    continue;
                }
            }
            discard(response);
            Duration wait = requestedWait(response.headers()).orElse(backoff(attempt));
            if (attempt >= maxAttempts || wait.compareTo(maxWait) > 0) {
                if (status == 429) {
                    throw new HubException(Kind.RATE_LIMITED, status, "the Hub is rate-limiting " + call.what()
                            + " (HTTP 429" + (wait.compareTo(maxWait) > 0 ? ", asks to wait " + wait.toSeconds() + " s" : "")
                            + "); try again later" + (options.token() == null ? " or set HF_TOKEN for a higher limit" : ""),
                            lastFailure);
                }
                throw new HubException(Kind.SERVER_ERROR, status, "the Hub answered HTTP " + status + " to "
                        + call.what() + (attempt == 1 ? " (one try)" : " " + attempt + " times") + "; try again later", lastFailure);
            }
            pause(wait);
        }
    }

    /**
     * A connection dropped mid-exchange: worth another try (after a pause) for a request that changes nothing;
     * otherwise, or after the last try, one line.
     */
    private IOException brokeOff(Call call, int attempt, IOException e) throws HubException {
        if (!call.idempotent() || attempt >= maxAttempts) {
            throw new HubException(Kind.SERVER_ERROR, 0, "the Hub's answer to " + call.what()
                    + " broke off (" + describe(e) + ")", e);
        }
        pause(backoff(attempt));
        return e;
    }

    private HttpResponse<InputStream> sendFollowingRedirects(Call call, Duration total) throws IOException {
        URI current = call.uri();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireHttp(current, call);
            HttpRequest request = request(call, current);
            long sentAt = System.nanoTime();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException e) {
                throw unreachable(e);
            } catch (HttpTimeoutException e) {
                throw new HubException(Kind.UNREACHABLE, 0, "the Hub did not answer " + call.what() + " in time ("
                        + Redaction.url(hostOnly(current)) + ")", e);
            } catch (IOException e) {
                if (hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)) {
                    throw unreachable(e);
                }
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while talking to the Hub");
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && location.isPresent()) {
                discard(response);
                current = resolveRedirect(current, location.get(), call);
                continue;
            }
            return new Answer<>(response, new TimedBody(response.body(), watchdog, timeout, sentAt, total, call.what()));
        }
        throw new HubException(Kind.SERVER_ERROR, 0, "too many redirects for " + call.what(), null);
    }

    /** The request for one hop; the token only to the endpoint's own origin. */
    private HttpRequest request(Call call, URI uri) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", userAgent);
            call.headers().forEach(request::header);
            if (options.token() != null && sameOrigin(uri, options.endpoint())) {
                request.header("Authorization", "Bearer " + options.token());
            }
            return request.method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body())).build();
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the refused header whole, and that may be the token: neither it nor the
            // exception goes on. HubOptions refuses such a token first; this is the last guard.
            throw new IOException("cannot send " + call.what() + ": a request header holds a character that HTTP "
                    + "does not allow (a line break or control character in HF_TOKEN?)");
        }
    }

    /** An answer with another body: the stream that times out, or what was read from it. */
    private record Answer<T>(HttpResponse<?> raw, T body) implements HttpResponse<T> {
        @Override
        public int statusCode() {
            return raw.statusCode();
        }

        @Override
        public HttpRequest request() {
            return raw.request();
        }

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return raw.headers();
        }

        @Override
        public Optional<javax.net.ssl.SSLSession> sslSession() {
            return raw.sslSession();
        }

        @Override
        public URI uri() {
            return raw.uri();
        }

        @Override
        public HttpClient.Version version() {
            return raw.version();
        }
    }

    /** {@code 60 s}, {@code 0.5 s}: a limit as a message shows it. */
    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : java.math.BigDecimal.valueOf(d.toMillis(), 3)
                .stripTrailingZeros().toPlainString() + " s";
    }

    /** A Location that is no address or not http(s) (a {@code file:} URL) is refused in one line. */
    private static URI resolveRedirect(URI from, String location, Call call) throws HubException {
        URI next;
        try {
            next = from.resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw new HubException(Kind.SERVER_ERROR, 0, "the Hub redirected " + call.what()
                    + " to an invalid address (" + Redaction.text(printable(location)) + ")", null);
        }
        requireHttp(next, call);
        if (!call.idempotent() && !sameOrigin(next, from)) {
            // a commit re-sent elsewhere would carry the card (without the token) and its answer would be read as the
            // Hub's: a pull request that was never opened
            throw new HubException(Kind.SERVER_ERROR, 0, "the Hub redirected " + call.what() + " to another host ("
                    + Redaction.url(hostOnly(next)) + "); it was not sent there", null);
        }
        return next;
    }

    private static void requireHttp(URI uri, Call call) throws HubException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new HubException(Kind.SERVER_ERROR, 0, "refusing to follow " + call.what() + " to "
                    + Redaction.text(printable(uri.toString())) + ": only http and https addresses are fetched", null);
        }
    }

    private void awaitPause() throws IOException {
        while (true) {
            long remaining = pausedUntil.get() - timer.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                timer.sleep(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the Hub's rate limit");
            }
        }
    }

    private void pause(Duration wait) {
        long until = timer.nanoTime() + wait.toNanos();
        pausedUntil.accumulateAndGet(until, (a, b) -> a - b >= 0 ? a : b);
    }

    /**
     * Notes the budget an answer reports; a successful answer that says it is spent ({@code RateLimit: "api";r=0;t=30},
     * or {@code RateLimit-Remaining: 0}) pauses everyone until the reset (at most the longest wait).
     */
    private void noteRateLimit(HttpHeaders headers, int status) {
        OptionalLong remaining = remaining(headers);
        if (remaining.isEmpty()) {
            return;
        }
        Optional<Duration> requested = requestedWait(headers);
        Duration reset = requested.orElse(Duration.ZERO);
        Matcher policy = RATE_LIMIT_POLICY_NAME.matcher(headers.firstValue("RateLimit").orElse(""));
        budgets.put(policy.find() ? policy.group(1) : "", new Budget(remaining.getAsLong(), timer.nanoTime() + reset.toNanos(),
                requested.isPresent()));
        if (status != 429 && remaining.getAsLong() == 0 && !reset.isZero()) {
            pause(reset.compareTo(maxWait) > 0 ? maxWait : reset);
        }
    }

    /**
     * The smallest budget the answers reported (the Hub reports one per policy: api, resolvers, pages), with the
     * time left until its reset; empty when none did.
     */
    public Optional<RateLimitStatus> rateLimit() {
        long now = timer.nanoTime();
        return budgets.values().stream().min(java.util.Comparator.comparingLong(Budget::remaining))
                .map(b -> new RateLimitStatus(b.remaining(), b.resetKnown()
                        ? Optional.of(Duration.ofNanos(Math.max(0, b.resetAt() - now))) : Optional.empty()));
    }

    /**
     * Makes sure the reported budget covers {@code requests} more: true at once when it does or when no budget was
     * reported; when it does not and the window resets within the longest wait, waits for the reset and returns
     * true; otherwise (the reset is further away, or the answer gave no reset that could be read) returns false
     * without waiting, so the caller can stop before the Hub refuses it.
     */
    public boolean reserve(int requests) throws IOException {
        Optional<RateLimitStatus> status = rateLimit();
        if (status.isEmpty() || status.get().remaining() >= requests) {
            return true;
        }
        if (status.get().resetIn().isEmpty()) {
            return false;   // too few left and no readable reset: waiting would be a guess, going on would be refused
        }
        Duration wait = status.get().resetIn().get();
        if (wait.compareTo(maxWait) > 0) {
            return false;
        }
        pause(wait);
        awaitPause();
        budgets.clear();   // a new window: the next answers report their budgets
        return true;
    }

    private static OptionalLong remaining(HttpHeaders headers) {
        Optional<String> rateLimit = headers.firstValue("RateLimit");
        if (rateLimit.isPresent()) {
            Matcher m = RATE_LIMIT_REMAINING.matcher(rateLimit.get());
            if (m.find()) {
                return OptionalLong.of(Long.parseLong(m.group(1)));
            }
        }
        return headers.firstValue("RateLimit-Remaining").or(() -> headers.firstValue("X-RateLimit-Remaining"))
                .map(String::strip).filter(v -> v.matches("\\d{1,18}")).map(v -> OptionalLong.of(Long.parseLong(v)))
                .orElse(OptionalLong.empty());
    }

    /** Retry-After (seconds or an HTTP date), else the RateLimit header's {@code t=}, else RateLimit-Reset. */
    static Optional<Duration> requestedWait(HttpHeaders headers) {
        Optional<String> retryAfter = headers.firstValue("Retry-After").map(String::strip);
        if (retryAfter.isPresent()) {
            String v = retryAfter.get();
            if (v.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException e) {
                // an unreadable Retry-After falls through to the other headers
            }
        }
        OptionalLong t = headers.firstValue("RateLimit").map(HubHttp::rateLimitReset).orElse(OptionalLong.empty());
        if (t.isPresent()) {
            return Optional.of(Duration.ofSeconds(t.getAsLong()));
        }
        return headers.firstValue("RateLimit-Reset").or(() -> headers.firstValue("X-RateLimit-Reset"))
                .map(String::strip).filter(s -> s.matches("\\d{1,9}")).map(s -> Duration.ofSeconds(Long.parseLong(s)));
    }

    private static OptionalLong rateLimitReset(String header) {
        Matcher m = RATE_LIMIT_RESET.matcher(header);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }

    private HubException unreachable(Exception e) {
        String why = hasCause(e, UnknownHostException.class) ? "unknown host"
                : hasCause(e, HttpConnectTimeoutException.class) ? "connection timed out"
                : hasCause(e, ConnectException.class) && (e.getMessage() == null || e.getMessage().isBlank())
                ? "connection refused" : describe(e);
        return new HubException(Kind.UNREACHABLE, 0, "cannot reach the Hub at " + Redaction.url(options.endpoint())
                + " (" + why + ")", e);
    }

    private static String describe(Exception e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return Redaction.text(printable(why));
    }

    /** Server-sent text (a Location) shown without control characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(300).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    private static URI hostOnly(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    public static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && effectivePort(a) == effectivePort(b);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static int effectivePort(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    public static void discard(HttpResponse<?> response) {
        if (response.body() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the body of an answer we do not use
            }
        }
    }
}
