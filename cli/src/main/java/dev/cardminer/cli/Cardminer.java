package dev.cardminer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cardminer} command line. ({@code bench} is a launcher of its own: the jar carries no JMH.) */
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
                CollectCommand.class,
                ValidateCommand.class,
                TaxonomyCommand.class,
                SuggestCommand.class,
                EvalCommand.class,
                ClassifyCommand.class,
                ServeCommand.class,
                CheckCommand.class,
                EditCommand.class,
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
        OneLineErrorHandler errors = new OneLineErrorHandler();
        CommandLine line = new CommandLine(new Cardminer()).setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        shareVersion(line, line.getCommandSpec().version());
        return line;
    }

    // picocli gives -V to every subcommand (mixinStandardHelpOptions) but not the parent's version text:
    // without this, `cardminer card -V` printed an empty line.
    private static void shareVersion(CommandLine line, String[] version) {
        for (CommandLine sub : line.getSubcommands().values()) {
            if (sub.getCommandSpec().version().length == 0) {
                sub.getCommandSpec().version(version);
            }
            shareVersion(sub, version);
        }
    }
}
