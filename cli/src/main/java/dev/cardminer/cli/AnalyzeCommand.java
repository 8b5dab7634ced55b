package dev.cardminer.cli;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer analyze [SOURCE]}: reads a card source into the store, then annotates it. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Reads a corpus of model cards into the store (a DuckDB file) and annotates its concepts.",
        "Cards are parsed in parallel; unchanged cards are skipped; a killed run can simply be started again.",
        "SOURCE: hub: (default, the Hub's daily model-card dataset), a folder of cards (org__name.md, "
                + "org/name/README.md, *.md), a .parquet file or folder in the Hub dataset's schema, or a .jsonl file."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", defaultValue = CardSources.HUB,
            description = "Where the cards come from (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "cardminer.duckdb",
            description = "The store (default: ${DEFAULT-VALUE}); created when missing.")
    Path db;

    @Option(names = "--limit", paramLabel = "N",
            description = "Read at most N cards (a quick look; from the Hub only the shards needed are fetched).")
    Long limit;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Parser threads (default: all cores).")
    Integer threads;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10000",
            description = "Cards per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--force", description = "Analyse every card again, changed or not.")
    boolean force;

    @Option(names = "--prune", description = "After reading the whole source, delete the stored cards it no longer "
            + "has (a store can hold several sources, so only when asked); not with --limit.")
    boolean prune;

    @Option(names = "--hub-endpoint", paramLabel = "URL",
            description = "The Hub's address (default: $HF_ENDPOINT or https://huggingface.co). HF_TOKEN is sent when set.")
    String hubEndpoint;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where Hub downloads are kept (default: ~/.cache/cardminer/hub).")
    Path cacheDir;

    @Option(names = "--progress", paramLabel = "auto|bar|lines|none", defaultValue = "auto",
            description = "Progress display (default: a bar on a terminal, a line every few seconds otherwise).")
    String progress;

    @Option(names = "--report", paramLabel = "DIR", description = "Write the HTML report into DIR afterwards.")
    Path report;

    @Mixin
    AnnotatorOptions annotatorOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressOutput progressOutput = switch (progress) {
            case "bar" -> new ProgressOutput(err, ProgressOutput.Style.BAR);
            case "lines" -> new ProgressOutput(err, ProgressOutput.Style.LINES);
            case "none" -> new ProgressOutput(err, ProgressOutput.Style.NONE);
            case "auto" -> ProgressOutput.auto(err);
            default -> null;
        };
        if (progressOutput == null) {
            err.println("cardminer analyze: --progress must be auto, bar, lines or none");
            err.flush();
            return 2;
        }
        if (threads != null) {
            OptionRules.atLeast(spec.commandLine(), "-j/--threads", threads, 1);
            OptionRules.atMost(spec.commandLine(), "-j/--threads", threads, Analyzer.Config.MAX_THREADS);
            int cores = Runtime.getRuntime().availableProcessors();
            if (threads > cores) {
                // Parser threads never wait on anything but the CPU: more of them than cores only cost CPU (2.5 times
                // as much at -j 64 on 2 cores) and memory (a store connection each), with the same result.
                err.printf("cardminer analyze: -j %d is more than the %d cores this process may use; parsing with %d%n",
                        threads, cores, cores);
                err.flush();
                threads = cores;
            }
        }
        if (limit != null) {
            OptionRules.atLeast(spec.commandLine(), "--limit", limit, 0);
        }
        OptionRules.atLeast(spec.commandLine(), "--batch-size", batchSize, 1);
        if (prune && limit != null) {
            throw new ParameterException(spec.commandLine(), "--prune needs the whole source: it cannot go with --limit");
        }
        long cardLimit = limit == null ? -1 : limit;
        annotatorOptions.validate(spec.commandLine());
        annotatorOptions.checkLlmServer();
        CardFiles.refuseEmptyFolder(spec.commandLine(), source);
        if (report != null) {
            // Before the analysis, not after it: a report folder that cannot be written would otherwise be found
            // only when the work is done.
            OutputPaths.checkFolder("--report", report);
        }
        HubOptions hub = HubSettings.options(hubEndpoint, cacheDir);
        Analyzer.Builder builder = Analyzer.Config.builder(db).limit(cardLimit).batchCards(batchSize).force(force)
                .prune(prune).progress(progressOutput).annotators(annotatorOptions.annotators());
        if (threads != null) {
            builder.threads(threads);
        }
        Analyzer.Config config = builder.build();
        // Ctrl-C (or SIGTERM): committed batches stay, the one in flight is rolled back by DuckDB.
        InterruptNotice interrupted = InterruptNotice.register(err, "cardminer analyze: interrupted; every batch "
                + "committed so far is kept (cards, sentences, annotations, LLM answers); run again to resume"
                + (report == null ? "" : " and write the report (" + CardFiles.oneLine(report.toString())
                + " may be incomplete until then)"),
                progressOutput.style() == ProgressOutput.Style.BAR);
        try (CardSource cards = CardSources.open(source, hub, progressOutput, cardLimit < 0);
             CardStore store = CardStore.open(db)) {
            Analyzer analyzer = new Analyzer(config);
            // The command owns its store: the LLM phase and the report after the run keep the run's DuckDB settings.
            analyzer.keepRunSettings(store);
            Analyzer.Result result = analyzer.run(cards, store);
            // one line, card text escaped: it may name a duplicate card's id as the source gave it
            out.println(CardFiles.oneLine(result.summary()));
            out.flush();
            SourceNotes.skipped("analyze", source, cards, err);
            long unanswered = annotatorOptions.annotate(store.connection(), err);
            if (unanswered > 0) {
                out.flush();
                err.printf("cardminer analyze: %,d sentences still have no answer from the LLM server after retries; "
                        + "run again to finish%n", unanswered);
                err.flush();
                return OneLineErrorHandler.INCOMPLETE;
            }
            // The run is done before the report is written, so that the report lists it as finished.
            Analyzer.finish(store, result);
            if (report != null) {
                new ReportWriter().write(store.connection(), report);
                out.println("report: " + report.resolve("index.html"));
            }
            out.flush();
            return 0;
        } catch (SQLException e) {
            // A store that cannot be opened or written is an I/O failure of this command, not a bad query.
            throw new IOException("store " + db + ": " + OneLineErrorHandler.sqlMessage(e), e);
        } finally {
            interrupted.close();
        }
    }
}
