package dev.cardminer.annotate;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the LLM annotator talks to an OpenAI-compatible chat-completions server. The API key is never
 * shown by {@link #toString()}.
 *
 * @param url           the server's base URL; requests go to {@code {url}/v1/chat/completions}
 * @param model         the model name sent with each request (and part of the cache key)
 * @param apiKey        sent as a Bearer token; null for none
 * @param temperature   sampling temperature (seed 000: 0.7)
 * @param topP          nucleus sampling (0.95)
 * @param topK          top-k sampling (50); not every server accepts it, 0 to leave it out
 * @param maxTokens     answer length limit (450)
 * @param concurrency   requests in flight at once
 * @param timeout       per request
 * @param retries       further attempts after a failed one (429, 5xx, timeout, unreadable answer)
 * @param backoff       first wait between attempts, doubled each time (a 429's Retry-After wins)
 * @param failureBudget sentences that may fail after all retries before the run stops
 * @param prompt        the prompt template
 */
public record LlmConfig(URI url, String model, String apiKey, double temperature, double topP, int topK,
                        int maxTokens, int concurrency, Duration timeout, int retries, Duration backoff,
                        int failureBudget, PromptTemplate prompt) {

    /**
     * Checks the required components.
     *
     * @throws NullPointerException when url, model, timeout, backoff or prompt is null
     * @throws IllegalArgumentException when concurrency is below 1
     */
    public LlmConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(prompt, "prompt");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        apiKey = apiKey("the API key", apiKey);
    }

    /**
     * {@code raw} as a key to send in the Authorization header: surrounding whitespace and line breaks removed (a
     * key read with {@code $(cat key.txt)} from a file with Windows line ends keeps its CR); null when nothing is
     * left.
     *
     * @param what where the key comes from (the environment variable), for the message
     * @throws IllegalArgumentException when what is left holds a control character or a character an HTTP header
     *                                  cannot carry; the message says which and where, never the key
     */
    public static String apiKey(String what, String raw) {
        if (raw == null) {
            return null;
        }
        String key = raw.strip();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isISOControl(c) || c > 0xff) {
                throw new IllegalArgumentException(what + " holds " + (Character.isISOControl(c) ? "a control character"
                        : "a character an HTTP header cannot carry") + String.format(" (U+%04X)", (int) c)
                        + " at character " + (i + 1) + " of " + key.length() + "; set it again without it");
            }
        }
        return key.isEmpty() ? null : key;
    }

    /** Seed 000's sampling parameters, 8 requests in flight, 60 s timeout, 3 retries, a budget of 100 failures. */
    public static LlmConfig defaults(URI url, String model) {
        return new LlmConfig(url, model, null, 0.7, 0.95, 50, 450, 8, Duration.ofSeconds(60), 3,
                Duration.ofMillis(500), 100, PromptTemplate.bundled());
    }

    /** This configuration with another API key; null for none. */
    public LlmConfig withApiKey(String key) {
        return new LlmConfig(url, model, key, temperature, topP, topK, maxTokens, concurrency, timeout, retries,
                backoff, failureBudget, prompt);
    }

    /**
     * This configuration with {@code n} requests in flight at once.
     *
     * @throws IllegalArgumentException when below 1
     */
    public LlmConfig withConcurrency(int n) {
        return new LlmConfig(url, model, apiKey, temperature, topP, topK, maxTokens, n, timeout, retries, backoff,
                failureBudget, prompt);
    }

    /** This configuration with another per-request timeout. */
    public LlmConfig withTimeout(Duration t) {
        return new LlmConfig(url, model, apiKey, temperature, topP, topK, maxTokens, concurrency, t, retries, backoff,
                failureBudget, prompt);
    }

    /**
     * This configuration with {@code n} further attempts after a failed one, the first after {@code firstBackoff}.
     */
    public LlmConfig withRetries(int n, Duration firstBackoff) {
        return new LlmConfig(url, model, apiKey, temperature, topP, topK, maxTokens, concurrency, timeout, n,
                firstBackoff, failureBudget, prompt);
    }

    /** This configuration with a budget of {@code n} sentences that may fail before the run stops. */
    public LlmConfig withFailureBudget(int n) {
        return new LlmConfig(url, model, apiKey, temperature, topP, topK, maxTokens, concurrency, timeout, retries,
                backoff, n, prompt);
    }

    /** This configuration with other sampling parameters (topK 0 to leave it out). */
    public LlmConfig withSampling(double temperature, double topP, int topK, int maxTokens) {
        return new LlmConfig(url, model, apiKey, temperature, topP, topK, maxTokens, concurrency, timeout, retries,
                backoff, failureBudget, prompt);
    }

    /** This configuration with another prompt template. */
    public LlmConfig withPrompt(PromptTemplate p) {
        return new LlmConfig(url, model, apiKey, temperature, topP, topK, maxTokens, concurrency, timeout, retries,
                backoff, failureBudget, p);
    }

    @Override
    public String toString() {
        return "LlmConfig[url=" + url + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", temperature=" + temperature + ", topP=" + topP + ", topK=" + topK + ", maxTokens=" + maxTokens
                + ", concurrency=" + concurrency + ", timeout=" + timeout + ", retries=" + retries
                + ", failureBudget=" + failureBudget + ", prompt=" + prompt.version() + "]";
    }
}
