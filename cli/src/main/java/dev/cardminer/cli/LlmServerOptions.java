package dev.cardminer.cli;

import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.PromptTemplate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of an OpenAI-compatible LLM server (a picocli mixin): for {@code analyze}'s annotator
 * ({@link AnnotatorOptions}) and {@code classify}'s llm method, which share them and nothing else.
 */
public final class LlmServerOptions {

    @Option(names = "--llm-url", paramLabel = "URL",
            description = "Base URL of an OpenAI-compatible server (vLLM, TGI, llama.cpp, Ollama, OpenAI); "
                    + "requests go to URL/v1/chat/completions.")
    URI llmUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name sent to the server.")
    String llmModel;

    @Option(names = "--llm-api-key-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the API key (sent as a Bearer token, never printed).")
    String llmApiKeyEnv;

    @Option(names = "--llm-prompt", paramLabel = "FILE",
            description = "Prompt template file with an {input} placeholder (default: seed 000's prompt).")
    Path llmPrompt;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N", description = "LLM requests in flight (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--llm-max-tokens", defaultValue = "450", paramLabel = "N", description = "Answer length limit (default ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--llm-temperature", defaultValue = "0.7", paramLabel = "T", description = "Sampling temperature (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--llm-top-p", defaultValue = "0.95", paramLabel = "P", description = "Nucleus sampling (default ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--llm-top-k", defaultValue = "50", paramLabel = "K",
            description = "Top-k sampling, 0 to leave it out (default ${DEFAULT-VALUE}; dropped automatically if the server rejects it).")
    int topK;

    @Option(names = "--llm-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--llm-retries", defaultValue = "3", paramLabel = "N", description = "Retries per request (default ${DEFAULT-VALUE}).")
    int retries;

    /** Whether a server was named at all. */
    boolean given() {
        return llmUrl != null;
    }

    /** Range checks of the numbers, as usage errors before any work. */
    void validate(CommandLine commandLine) {
        OptionRules.atLeast(commandLine, "--concurrency", concurrency, 1);
        OptionRules.atLeast(commandLine, "--llm-max-tokens", maxTokens, 1);
        OptionRules.atLeast(commandLine, "--llm-timeout", timeoutSeconds, 1);
        OptionRules.atLeast(commandLine, "--llm-retries", retries, 0);
        OptionRules.atLeast(commandLine, "--llm-top-k", topK, 0);
    }

    /**
     * The LLM settings; the key is read from the named environment variable and never shown.
     *
     * @param choice the option that chose the LLM, for the message when the server is not named
     *               ({@code --annotator llm}, {@code --method llm})
     * @throws IllegalArgumentException when the server or model is missing, the URL is not http(s) or the key's
     *                                  variable is not set
     */
    LlmConfig config(String choice) throws IOException {
        if (llmUrl == null || llmModel == null) {
            throw new IllegalArgumentException(choice + " needs --llm-url and --llm-model");
        }
        String scheme = llmUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("--llm-url must be an http(s) URL");
        }
        String key = null;
        if (llmApiKeyEnv != null) {
            key = LlmConfig.apiKey("environment variable " + llmApiKeyEnv + " (--llm-api-key-env)", System.getenv(llmApiKeyEnv));
            if (key == null) {
                throw new IllegalArgumentException("environment variable " + llmApiKeyEnv + " (--llm-api-key-env) is not set");
            }
        }
        PromptTemplate prompt = llmPrompt == null ? PromptTemplate.bundled()
                : PromptTemplate.parse(Files.readString(llmPrompt));
        return LlmConfig.defaults(llmUrl, llmModel)
                .withApiKey(key)
                .withSampling(temperature, topP, topK, maxTokens)
                .withConcurrency(concurrency)
                .withTimeout(Duration.ofSeconds(timeoutSeconds))
                .withRetries(retries, Duration.ofMillis(500))
                .withPrompt(prompt);
    }

    /**
     * Sends the server one small request, so that a wrong address, key or model fails in one line before any
     * work starts rather than after hundreds of refused requests.
     *
     * @throws IOException naming the server's address and the reason
     */
    static void checkServer(LlmConfig settings) throws IOException, InterruptedException {
        try (LlmAnnotator probe = new LlmAnnotator(settings, LlmCache.inMemory())) {
            Optional<String> why = probe.checkServer();
            if (why.isPresent()) {
                throw new IOException(why.get());
            }
        }
    }
}
