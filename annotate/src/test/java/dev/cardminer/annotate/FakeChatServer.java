package dev.cardminer.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for tests: each request is answered by a
 * behaviour given the request number (1-based) and the parsed request; requests are counted and kept.
 */
final class FakeChatServer implements AutoCloseable {

    /** What to answer: a status, headers, a body, a delay before answering. */
    record Reply(int status, Map<String, String> headers, String body, long delayMs) {
        static Reply ok(String content) {
            return new Reply(200, Map.of(), chat(content), 0);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger count = new AtomicInteger();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> perSentence = new ConcurrentHashMap<>();
    volatile BiFunction<Integer, JsonNode, Reply> behaviour;

    FakeChatServer(BiFunction<Integer, JsonNode, Reply> behaviour) throws IOException {
        this.behaviour = behaviour;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requestCount() {
        return count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            int n = count.incrementAndGet();
            requests.add(request);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            perSentence.computeIfAbsent(sentence(request), k -> new AtomicInteger()).incrementAndGet();
            Reply reply = behaviour.apply(n, request);
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    return;
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                } catch (IOException e) {
                    // the client gave up (timeout): nothing to do
                }
            }
        }
    }

    /** The sentence a request asks about: the text inside the last {@code Input: "..."} of the user message. */
    static String sentence(JsonNode request) {
        JsonNode messages = request.path("messages");
        String user = messages.path(messages.size() - 1).path("content").asText();
        int at = user.lastIndexOf("Input: \"");
        int end = user.lastIndexOf("\"");
        return at < 0 || end <= at + 8 ? user : user.substring(at + 8, end);
    }

    /** A chat-completions body with this content and token usage. */
    static String chat(String content) {
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
        server.stop(0);
    }
}
