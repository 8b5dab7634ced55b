package dev.cardminer.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import picocli.CommandLine.Option;

/**
 * The annotation options of {@code analyze} (a picocli mixin), and the annotation phase they run
 * once the cards of a source are in the store.
 */
public final class AnnotatorOptions {

    @Option(names = "--annotator", defaultValue = "rules", paramLabel = "rules|llm|both|none",
            description = "Concept annotator: rules (offline, default), llm (an OpenAI-compatible server), both, none.")
    String annotator;

    /**
     * Annotates the sentences of the store that have no annotations yet.
     *
     * @param store an open connection to the store (the only writer)
     * @param log   where progress lines go
     */
    public void annotate(Connection store, PrintWriter log) throws Exception {
        if (!annotator.equals("none")) {
            log.println("annotate: the " + annotator + " annotator is not wired yet");
        }
    }
}
