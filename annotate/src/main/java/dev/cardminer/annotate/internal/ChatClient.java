package dev.cardminer.annotate.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs chat completions to an OpenAI-compatible server, with retries: 429 (honouring Retry-After),
 * 5xx, timeouts, connection errors and unreadable answers are retried with doubling backoff. A 400 that
 * names {@code top_k} switches top_k off for this and later requests. The API key goes into the
 * Authorization header only; no message or exception carries it.
 *
 * <p>Answers are read up to a cap ({@link #MAX_BODY_BYTES}; the rest is not downloaded), and an answer
 * whose text is longer than {@code max_tokens} can produce ({@link #maxContentChars}) is unreadable too,
 * so a hostile or broken server can neither exhaust memory nor fill the cache.
 */
public final class ChatClient implements AutoCloseable {

    /** A request that failed for good: a short reason without secrets. */
    public static final class Failure extends Exception {
        public Failure(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** The most bytes of an answer read (a chat completion of a few hundred tokens is a few kB). */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** Bytes of an error answer read, enough to find "top_k" in it. */
    private static final int MAX_ERROR_BYTES = 16 << 10;

    private final LlmConfig config;
    private final HttpClient http;
    private final URI endpoint;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicBoolean sendTopK;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    public ChatClient(LlmConfig config) {
        this.config = config;
        this.sendTopK = new AtomicBoolean(config.topK() > 0);
        String base = config.url().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        this.endpoint = URI.create(base + "/v1/chat/completions");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Answers that were too large or not chat-completions JSON. */
    public long unreadable() {
        return unreadable.get();
    }

    /** The longest answer text accepted: generous for {@code max_tokens} tokens (at most 16 chars each). */
    public int maxContentChars() {
        return Math.max(8192, config.maxTokens() * 16);
    }

    /** The address requests go to, without any user:password part (for messages). */
    public String endpointForMessages() {
        return endpoint.getUserInfo() == null ? endpoint.toString()
                : endpoint.toString().replace(endpoint.getRawUserInfo() + "@", "");
    }

    /**
     * Sends one small request (no retries) to see whether the server answers chat completions.
     *
     * @return empty when it does; otherwise why not, in a few words
     */
    public Optional<String> check() throws InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            Exchange x;
            try {
                x = exchange("Reply with OK.", 1);
            } catch (HttpTimeoutException e) {
                return Optional.of("no answer within " + config.timeout().toSeconds() + " s");
            } catch (java.net.ConnectException e) {
                return Optional.of("connection refused");
            } catch (IOException e) {
                String why = e.getCause() instanceof java.nio.channels.UnresolvedAddressException ? "unknown host"
                        : "connection error (" + e.getClass().getSimpleName() + ")";
                return Optional.of(why);
            } catch (Failure e) {
                return Optional.of(e.getMessage());
            }
            if (x.status() == 200) {
                try {
                    read(x.body());
                    return Optional.empty();
                } catch (IOException | RuntimeException e) {
                    // The server's text is not repeated: it goes to a terminal.
                    return Optional.of("the answer is not a chat completion, or too large");
                }
            }
            if (x.status() == 400 && sendTopK.get() && x.text().toLowerCase(Locale.ROOT).contains("top_k")) {
                sendTopK.set(false);
                continue;
            }
            return Optional.of("HTTP " + x.status() + switch (x.status()) {
                case 401, 403 -> " (is the API key right? --llm-api-key-env)";
                case 404 -> " (no chat-completions route here, or no such model)";
                default -> "";
            });
        }
        return Optional.of("the server rejects the request");
    }

    /** The answer to one user message, or a Failure once the retries are spent. */
    public LlmCache.Answer complete(String userMessage) throws Failure, InterruptedException {
        Duration wait = config.backoff();
        String last = "no attempt";
        for (int attempt = 0; attempt <= config.retries(); attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            requests.incrementAndGet();
            Exchange response;
            try {
                response = exchange(userMessage, config.maxTokens());
            } catch (HttpTimeoutException e) {
                last = "timeout after " + config.timeout().toMillis() + " ms";
                sleep(wait);
                wait = wait.multipliedBy(2);
                continue;
            } catch (IOException e) {
                last = "connection error (" + e.getClass().getSimpleName() + ")";
                sleep(wait);
                wait = wait.multipliedBy(2);
                continue;
            }
            int status = response.status();
            if (status == 200) {
                try {
                    return read(response.body());
                } catch (IOException | RuntimeException e) {
                    unreadable.incrementAndGet();
                    last = "unreadable answer";
                    sleep(wait);
                    wait = wait.multipliedBy(2);
                    continue;
                }
            }
            if (status == 400 && sendTopK.get() && response.text().toLowerCase(Locale.ROOT).contains("top_k")) {
                sendTopK.set(false);
                attempt--; // not the server's failure: the same attempt without top_k
                continue;
            }
            last = "HTTP " + status;
            if (status == 429) {
                sleep(retryAfter(response).orElse(wait));
                wait = wait.multipliedBy(2);
            } else if (status >= 500 || status == 408) {
                sleep(wait);
                wait = wait.multipliedBy(2);
            } else {
                throw new Failure(last); // 4xx: the request itself is wrong; retrying cannot help
            }
        }
        throw new Failure(last);
    }

    /** A status and the first bytes of the body; body null when a 200 answer was larger than the cap. */
    private record Exchange(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    private Exchange exchange(String userMessage, int maxTokens) throws IOException, InterruptedException, Failure {
        HttpResponse<InputStream> response = http.send(request(userMessage, maxTokens),
                HttpResponse.BodyHandlers.ofInputStream());
        int cap = response.statusCode() == 200 ? MAX_BODY_BYTES : MAX_ERROR_BYTES;
        // Closing the stream early cancels the rest of the download.
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(cap + 1);
            return new Exchange(response.statusCode(), response.headers(), bytes.length > cap && response.statusCode() == 200 ? null
                    : bytes.length > cap ? java.util.Arrays.copyOf(bytes, cap) : bytes);
        }
    }

    private HttpRequest request(String userMessage, int maxTokens) throws Failure {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", config.model());
        ArrayNode messages = body.putArray("messages");
        if (config.prompt().system() != null) {
            messages.addObject().put("role", "system").put("content", config.prompt().system());
        }
        messages.addObject().put("role", "user").put("content", userMessage);
        body.put("temperature", config.temperature());
        body.put("top_p", config.topP());
        if (sendTopK.get()) {
            body.put("top_k", config.topK());
        }
        body.put("max_tokens", maxTokens);
        String json;
        try {
            json = mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new Failure("cannot write the request");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (config.apiKey() != null && !config.apiKey().isEmpty()) {
            try {
                b.header("Authorization", "Bearer " + config.apiKey());
            } catch (IllegalArgumentException e) {
                // The JDK's message quotes the header whole, key included: neither it nor the exception goes on.
                // LlmConfig refuses such a key first; this is the last guard.
                throw new Failure("the API key holds a character an HTTP header cannot carry");
            }
        }
        return b.build();
    }

    private LlmCache.Answer read(byte[] body) throws IOException {
        if (body == null) {
            throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root = mapper.readTree(body);
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            // Some servers answer in the completions shape even on the chat route.
            content = root.path("choices").path(0).path("text");
        }
        if (!content.isTextual()) {
            throw new IOException("no choices[0].message.content");
        }
        if (content.asText().length() > maxContentChars()) {
            throw new IOException("answer text longer than " + maxContentChars() + " characters");
        }
        JsonNode usage = root.path("usage");
        return new LlmCache.Answer(content.asText(), usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0));
    }

    private static Optional<Duration> retryAfter(Exchange response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                double seconds = Double.parseDouble(v.strip());
                return Optional.of(Duration.ofMillis(Math.max(0, (long) (seconds * 1000))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: fall back to our own backoff
            }
        }).map(d -> d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
