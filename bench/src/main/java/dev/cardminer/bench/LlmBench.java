package dev.cardminer.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cardminer.annotate.AnnotationOutcome;
import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.Sentence;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench llm}: the LLM annotator's client throughput against a local OpenAI-compatible server
 * with a fixed latency, which this command starts on 127.0.0.1 itself. Concurrency 1 is seed 000's
 * one-request-at-a-time loop; higher concurrencies show what many requests in flight buy.
 */
@Command(name = "llm", mixinStandardHelpOptions = true, description = {
        "Measures LLM annotation throughput (requests/s) against a local fake server with a fixed latency."})
public final class LlmBench implements Callable<Integer> {

    @Option(names = "--latency-ms", defaultValue = "100", description = "Server latency per request (default ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--requests", defaultValue = "2048", description = "Requests per concurrent run (default ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--serial-requests", defaultValue = "30",
            description = "Requests at concurrency 1 (default ${DEFAULT-VALUE}; each takes the full latency).")
    int serialRequests;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,64,128,256",
            description = "Concurrency levels (default ${DEFAULT-VALUE}).")
    List<Integer> concurrency;

    @Spec
    CommandSpec spec;

    private static final String ANSWER = """
            {"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":\
            "1. BERT -|- model -|- a pre-trained language model.\\n2. accuracy -|- metric -|- how often it is right.\\n\
            3. Made Up Thing -|- entity -|- not in the text"}}],\
            "usage":{"prompt_tokens":320,"completion_tokens":48,"total_tokens":368}}""";

    /** Runs {@code bench llm} alone and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LlmBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
        server.createContext("/v1/chat/completions", exchange -> respond(exchange, answer));
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            out.printf(Locale.ROOT, "LLM client throughput, local fake server with %d ms latency, %d CPUs%n", latencyMs,
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "%11s %9s %9s %12s %10s %14s %11s%n", "concurrency", "requests", "seconds",
                    "requests/s", "ideal/s", "annotations", "failures");
            run(url, 16, 64, out, false); // warm-up: JIT, connection pool
            for (int c : concurrency) {
                run(url, c, c == 1 ? serialRequests : requests, out, true);
            }
        } finally {
            server.stop(0);
        }
        out.flush();
        return 0;
    }

    private void respond(HttpExchange exchange, byte[] answer) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        }
    }

    private void run(URI url, int concurrency, int n, PrintWriter out, boolean print) {
        List<Sentence> sentences = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String text = "Model " + i + " is a fine-tuned BERT with an accuracy of 0." + i + " on the test set.";
            sentences.add(new Sentence("bench/card" + i / 50, i % 50, null, null, 0, text.length(), text));
        }
        LlmConfig config = LlmConfig.defaults(url, "bench").withConcurrency(concurrency)
                .withTimeout(Duration.ofSeconds(30)).withRetries(2, Duration.ofMillis(50)).withFailureBudget(n);
        try (LlmAnnotator llm = new LlmAnnotator(config, LlmCache.none())) {
            long start = System.nanoTime();
            AnnotationOutcome outcome = llm.annotateAll(sentences);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (print) {
                double ideal = concurrency * 1000.0 / latencyMs;
                out.printf(Locale.ROOT, "%11d %9d %9.2f %12.1f %10.0f %14d %11d%n", concurrency, n, seconds,
                        llm.stats().requests() / seconds, ideal, outcome.annotations().size(), llm.stats().failures());
                out.flush();
            }
        }
    }
}
