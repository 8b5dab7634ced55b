package dev.cardminer.annotate;

import dev.cardminer.annotate.internal.ChatClient;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One user message to the OpenAI-compatible server and its answer, with the LLM annotator's machinery:
 * the same {@link LlmConfig} (system message from its prompt, sampling, timeout, retries with backoff),
 * at most {@link LlmConfig#concurrency()} requests in flight, and the {@link LlmCache} keyed by (model,
 * prompt version, message hash). For callers other than the annotator, such as the card classifier.
 * Thread-safe: call {@link #ask} from as many threads as you like.
 */
public final class LlmChat implements AutoCloseable {

    private final LlmConfig config;
    private final LlmCache cache;
    private final ChatClient client;
    private final Semaphore inFlight;
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** A chat with this configuration and cache; opens no connection yet. Close it when done. */
    public LlmChat(LlmConfig config, LlmCache cache) {
        this.config = config;
        this.cache = cache;
        this.client = new ChatClient(config);
        this.inFlight = new Semaphore(config.concurrency());
    }

    /** The configuration it was made with. */
    public LlmConfig config() {
        return config;
    }

    /**
     * The answer to a user message, from the cache when it was asked before with this model and prompt
     * version; empty when the server failed for good after the retries.
     */
    public Optional<LlmCache.Answer> ask(String userMessage) throws InterruptedException {
        String hash = PromptTemplate.hash(userMessage);
        Optional<LlmCache.Answer> cached = cache.get(config.model(), config.prompt().version(), hash);
        if (cached.isPresent()) {
            cacheHits.incrementAndGet();
            return cached;
        }
        LlmCache.Answer answer;
        inFlight.acquire();
        try {
            answer = client.complete(userMessage);
        } catch (ChatClient.Failure e) {
            failures.incrementAndGet();
            return Optional.empty();
        } finally {
            inFlight.release();
        }
        cache.put(config.model(), config.prompt().version(), hash, answer);
        return Optional.of(answer);
    }

    /** HTTP requests sent, retries included. */
    public long requests() {
        return client.requests();
    }

    /** Attempts repeated after a failure so far (429, 5xx, timeout, unreadable answer). */
    public long retries() {
        return client.retries();
    }

    /** Messages answered from the cache so far. */
    public long cacheHits() {
        return cacheHits.get();
    }

    /** Messages given up after all retries. */
    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        client.close();
    }
}
