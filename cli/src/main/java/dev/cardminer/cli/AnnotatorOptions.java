package dev.cardminer.cli;

import dev.cardminer.annotate.LlmAnnotator;
import dev.cardminer.annotate.LlmCache;
import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.annotate.PromptTemplate;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The annotation options of {@code analyze} (a picocli mixin): checked before any work starts, then
 * handed to io's {@link ConceptAnnotation} once the cards of a source are in the store.
 */
public final class AnnotatorOptions {

    @Option(names = "--annotator", defaultValue = "rules", paramLabel = "rules|llm|both|none",
            description = "Concept annotator: rules (offline, default), llm (an OpenAI-compatible server), both, none.")
    String annotator;

    /** The LLM settings as {@link #validate} built them, or null. */
    private LlmConfig checkedLlm;

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

    @Option(names = "--llm-failure-budget", defaultValue = "100", paramLabel = "N",
            description = "Sentences that may fail before the run stops cleanly (default ${DEFAULT-VALUE}).")
    int failureBudget;

    @Option(names = "--annotate-batch", defaultValue = "2000", paramLabel = "N", hidden = true,
            description = "Sentences per annotation batch and transaction.")
    int batch;

    /**
     * For llm/both: sends the server one small request, so that a wrong address, key or model fails in one
     * line before any work starts rather than after hundreds of refused requests.
     *
     * @throws IOException naming the server's address and the reason
     */
    public void checkLlmServer() throws IOException, InterruptedException {
        if (checkedLlm == null) {
            return;
        }
        try (LlmAnnotator probe = new LlmAnnotator(checkedLlm, LlmCache.inMemory())) {
            Optional<String> why = probe.checkServer();
            if (why.isPresent()) {
                throw new IOException(why.get());
            }
        }
    }

    /**
     * Annotates the sentences of the store that the chosen annotator(s) have not handled yet, with io's
     * {@link ConceptAnnotation}.
     *
     * @param store an open connection to the store (the only writer)
     * @param log   where progress lines go
     * @return sentences still without an answer (LLM failures after retries): a re-run retries them
     */
    public long annotate(Connection store, PrintWriter log) throws Exception {
        ConceptAnnotation.Annotators which = ConceptAnnotation.Annotators.parse(annotator);
        if (which == null) {
            throw new IllegalArgumentException(badAnnotator());
        }
        LlmConfig llm = which.llm() ? (checkedLlm != null ? checkedLlm : llmConfig()) : null;
        return new ConceptAnnotation(new ConceptAnnotation.Settings(which, llm, batch)).run(store, log).remaining();
    }

    /** The annotators chosen (validated by {@link #validate}). */
    public ConceptAnnotation.Annotators annotators() {
        ConceptAnnotation.Annotators which = ConceptAnnotation.Annotators.parse(annotator);
        if (which == null) {
            throw new IllegalArgumentException(badAnnotator());
        }
        return which;
    }

    /**
     * Checks the options before any work starts, so that a mistake is reported at once rather than
     * after a whole ingestion: the annotator's name, and for llm/both the server settings, key and prompt.
     */
    public void validate(CommandLine commandLine) {
        ConceptAnnotation.Annotators which = ConceptAnnotation.Annotators.parse(annotator);
        if (which == null) {
            throw new ParameterException(commandLine, badAnnotator());
        }
        OptionRules.atLeast(commandLine, "--annotate-batch", batch, 1);
        OptionRules.atLeast(commandLine, "--concurrency", concurrency, 1);
        OptionRules.atLeast(commandLine, "--llm-max-tokens", maxTokens, 1);
        OptionRules.atLeast(commandLine, "--llm-timeout", timeoutSeconds, 1);
        OptionRules.atLeast(commandLine, "--llm-retries", retries, 0);
        OptionRules.atLeast(commandLine, "--llm-failure-budget", failureBudget, 0);
        if (which.llm()) {
            try {
                checkedLlm = llmConfig();
            } catch (IllegalArgumentException | IOException e) {
                throw new ParameterException(commandLine, e.getMessage());
            }
        }
    }

    private String badAnnotator() {
        return "--annotator must be rules, llm, both or none, not " + annotator;
    }

    /** The LLM settings; the key is read from the named environment variable and never shown. */
    LlmConfig llmConfig() throws IOException {
        if (llmUrl == null || llmModel == null) {
            throw new IllegalArgumentException("--annotator " + annotator + " needs --llm-url and --llm-model");
        }
        String scheme = llmUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("--llm-url must be an http(s) URL");
        }
        String key = null;
        if (llmApiKeyEnv != null) {
            key = System.getenv(llmApiKeyEnv);
            if (key == null || key.isBlank()) {
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
                .withFailureBudget(failureBudget)
                .withPrompt(prompt);
    }
}
