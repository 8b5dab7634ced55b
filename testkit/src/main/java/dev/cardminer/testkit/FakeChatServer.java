package dev.cardminer.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one fake OpenAI-compatible chat-completions server of the tests, on {@link LocalHttpServer}:
 * {@code POST /v1/chat/completions} is answered by a {@link Behaviour} given the request number
 * (1-based) and the parsed request. Requests are counted in all, per sentence asked about, and the
 * 200 answers sent; the underlying server records every request with its headers.
 */
public final class FakeChatServer implements AutoCloseable {

    /** Decides the answer to one request. */
    @FunctionalInterface
    public interface Behaviour {
        /**
         * The reply to the {@code number}th request (1-based).
         *
         * @throws IOException to fail the exchange
         */
        Reply answer(int number, ChatRequest request) throws IOException;
    }

    /**
     * A parsed request.
     *
     * @param json          the request body
     * @param sentence      the text inside the last {@code Input: "..."} of the last message (the whole message without one)
     * @param authorization the {@code Authorization} header, or null
     */
    public record ChatRequest(JsonNode json, String sentence, String authorization) {
    }

    /**
     * What to answer: a status, headers, a body, a delay before answering.
     *
     * @param status  the HTTP status
     * @param headers extra response headers
     * @param body    the response body
     * @param delayMs milliseconds to wait before answering
     */
    public record Reply(int status, Map<String, String> headers, String body, long delayMs) {
        /** A 200 with a chat completion holding {@code content}. */
        public static Reply ok(String content) {
            return new Reply(200, Map.of(), chat(content), 0);
        }

        /** An error status with a small JSON body. */
        public static Reply error(int status) {
            return new Reply(status, Map.of(), "{\"error\":\"down\"}", 0);
        }

        /** This reply after a delay of {@code millis} ms. */
        public Reply delayedBy(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LocalHttpServer server = LocalHttpServer.start();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Map<String, AtomicInteger> perSentence = new ConcurrentHashMap<>();
    private volatile Behaviour behaviour;

    /** Starts a server on a free loopback port that answers with {@code behaviour}; close it when done. */
    public FakeChatServer(Behaviour behaviour) {
        this.behaviour = behaviour;
        server.on("POST", "/v1/chat/completions", (request, groups) -> handle(request));
    }

    /** {@code http://127.0.0.1:PORT}, the base URL a client is configured with. */
    public URI url() {
        return server.uri();
    }

    /** Changes the behaviour for the requests to come. */
    public void behave(Behaviour next) {
        this.behaviour = next;
    }

    /** Chat requests received so far, whatever their answer. */
    public int requestCount() {
        return count.get();
    }

    /** Requests answered with status 200. */
    public int answered() {
        return answered.get();
    }

    /** How many requests asked about this sentence. */
    public int requestsFor(String sentence) {
        AtomicInteger n = perSentence.get(sentence);
        return n == null ? 0 : n.get();
    }

    /** The sentences asked about, with their request counts. */
    public Map<String, Integer> requestsBySentence() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        perSentence.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Forgets the per-sentence counts (the totals stay). */
    public void clearSentenceCounts() {
        perSentence.clear();
    }

    /** Every request as received, parsed. */
    public List<ChatRequest> requests() {
        return server.requests("/v1/chat/completions").stream().map(FakeChatServer::parse).toList();
    }

    private LocalHttpServer.Response handle(LocalHttpServer.Request raw) throws IOException {
        ChatRequest request = parse(raw);
        int n = count.incrementAndGet();
        perSentence.computeIfAbsent(request.sentence(), k -> new AtomicInteger()).incrementAndGet();
        Reply reply = behaviour.answer(n, request);
        if (reply.delayMs() > 0) {
            try {
                Thread.sleep(reply.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        if (reply.status() == 200) {
            answered.incrementAndGet();
        }
        LocalHttpServer.Response response = new LocalHttpServer.Response(reply.status(), Map.of(),
                reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), -1)
                .withHeader("Content-Type", "application/json");
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            response = response.withHeader(h.getKey(), h.getValue());
        }
        return response;
    }

    private static ChatRequest parse(LocalHttpServer.Request raw) {
        try {
            JsonNode json = MAPPER.readTree(raw.body());
            return new ChatRequest(json, sentence(json), raw.header("Authorization"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sentence a request asks about: the text inside the last {@code Input: "..."} of the last message. */
    public static String sentence(JsonNode request) {
        JsonNode messages = request.path("messages");
        String user = messages.path(messages.size() - 1).path("content").asText();
        int at = user.lastIndexOf("Input: \"");
        int end = user.lastIndexOf('"');
        return at < 0 || end <= at + 8 ? user : user.substring(at + 8, end);
    }

    /** A chat-completions body with this content and token usage (100 prompt, 20 completion). */
    public static String chat(String content) {
        try {
            return MAPPER.writeValueAsString(Map.of(
                    "id", "x", "object", "chat.completion",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 100, "completion_tokens", 20, "total_tokens", 120)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
