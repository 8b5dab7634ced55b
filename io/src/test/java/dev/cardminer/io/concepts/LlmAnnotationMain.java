package dev.cardminer.io.concepts;

import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

/**
 * The LLM annotation phase as {@code analyze --annotator llm} runs it (phase, store cache, annotator),
 * for a test to start in a process of its own and kill. Arguments: store file, server URL, model,
 * concurrency, batch size.
 */
final class LlmAnnotationMain {

    private LlmAnnotationMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintWriter log = new PrintWriter(System.out, true);
        try (Connection store = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            run(store, URI.create(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), log);
        }
    }

    /** One run of the phase to its end (or its failure budget). */
    static AnnotationPhase.Result run(Connection store, URI url, String model, int concurrency, int batch,
                                      PrintWriter log) throws Exception {
        StoreLlmCache cache = new StoreLlmCache(store);
        AnnotationPhase phase = new AnnotationPhase(store, batch);
        LlmConfig config = LlmConfig.defaults(url, model).withConcurrency(concurrency)
                .withRetries(0, Duration.ZERO).withTimeout(Duration.ofSeconds(5));
        try (LlmAnnotator llm = new LlmAnnotator(config, cache)) {
            AnnotationPhase.Result result = phase.run(llm, log);
            log.println("annotate: " + llm.name() + ": " + llm.stats());
            return result;
        }
    }
}
