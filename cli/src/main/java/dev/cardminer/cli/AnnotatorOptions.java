package dev.cardminer.cli;

import dev.cardminer.annotate.LlmConfig;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
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

    @Mixin
    LlmServerOptions server;

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
        if (checkedLlm != null) {
            LlmServerOptions.checkServer(checkedLlm);
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
        ConceptAnnotation.Annotators which = annotators();
        LlmConfig llm = which.llm() ? (checkedLlm != null ? checkedLlm : llmConfig()) : null;
        return new ConceptAnnotation(new ConceptAnnotation.Settings(which, llm, batch)).run(store, log).remaining();
    }

    /** The annotators chosen (validated by {@link #validate}). */
    public ConceptAnnotation.Annotators annotators() {
        return ConceptAnnotation.Annotators.parse(annotator)
                .orElseThrow(() -> new IllegalArgumentException(badAnnotator()));
    }

    /**
     * Checks the options before any work starts, so that a mistake is reported at once rather than
     * after a whole ingestion: the annotator's name, and for llm/both the server settings, key and prompt.
     */
    public void validate(CommandLine commandLine) {
        ConceptAnnotation.Annotators which = ConceptAnnotation.Annotators.parse(annotator)
                .orElseThrow(() -> new ParameterException(commandLine, badAnnotator()));
        OptionRules.atLeast(commandLine, "--annotate-batch", batch, 1);
        server.validate(commandLine);
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
        return server.config("--annotator " + annotator).withFailureBudget(failureBudget);
    }
}
