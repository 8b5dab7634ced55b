package dev.cardminer.io.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible server on 127.0.0.1 that labels the first word of each sentence and "BERT" when
 * present (any BERT-family name), failing with 500 on the requests the predicate names; it counts requests
 * (in all and per sentence text) and answers, and can wait a fixed time before each answer.
 */
final class LocalChatServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpServer server;
    private final Duration latency;
    final AtomicInteger requests = new AtomicInteger();
    /** Answers sent with status 200. */
    final AtomicInteger answered = new AtomicInteger();
    /** Requests by sentence text, counted on arrival. */
    final Map<String, AtomicInteger> requestsByText = new ConcurrentHashMap<>();

    LocalChatServer(IntPredicate fails) throws IOException {
        this(fails, Duration.ZERO);
    }

    LocalChatServer(IntPredicate fails, Duration latency) throws IOException {
        this.latency = latency;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> handle(exchange, fails));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange, IntPredicate fails) throws IOException {
        try (exchange) {
            JsonNode request = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            int n = requests.incrementAndGet();
            JsonNode messages = request.path("messages");
            String user = messages.path(messages.size() - 1).path("content").asText();
            String sentence = user.substring(user.lastIndexOf("Input: \"") + 8, user.lastIndexOf('"'));
            requestsByText.computeIfAbsent(sentence, k -> new AtomicInteger()).incrementAndGet();
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body;
            int status;
            if (fails.test(n)) {
                status = 500;
                body = "{\"error\":\"down\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                String first = sentence.split("\\s+")[0];
                String content = first + " -|- first word -|- the sentence's first word\n"
                        + model(sentence)
                        + "Nowhere To Be Found -|- thing -|- invented\n";
                status = 200;
                body = MAPPER.writeValueAsBytes(Map.of("choices", List.of(Map.of("message",
                        Map.of("role", "assistant", "content", content))), "usage",
                        Map.of("prompt_tokens", 10, "completion_tokens", 5)));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            if (status == 200) {
                answered.incrementAndGet();
            }
        }
    }

    /** A word naming a BERT-family model, as an answer line, or nothing. */
    private static String model(String sentence) {
        Matcher m = Pattern.compile("(?i)[\\w/-]*bert[\\w./-]*").matcher(sentence);
        return m.find() ? m.group().replaceAll("\\.$", "") + " -|- model -|- a language model\n" : "";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
