package dev.cardminer.cli;

import dev.cardminer.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cardminer} command line. */
@Command(name = "cardminer",
        mixinStandardHelpOptions = true,
        version = "cardminer 0.1.0",
        description = "Turns Hugging Face model cards into structured, queryable metadata and insight.",
        subcommands = {
                AnalyzeCommand.class,
                CardCommand.class,
                QueryCommand.class,
                StatsCommand.class,
                ReportCommand.class,
                ConceptsCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                CheckCommand.class,
                EditCommand.class,
                BenchCommand.class,
                CollectCommand.class,
                ValidateCommand.class,
                TaxonomyCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Cardminer {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its one-line error handling; set its out and err to capture them. */
    public static CommandLine commandLine() {
        return new CommandLine(new Cardminer()).setExecutionExceptionHandler(new OneLineErrorHandler());
    }
}
