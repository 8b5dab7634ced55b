package dev.cardminer.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cardminer} command line. ({@code bench} is a launcher of its own: the jar carries no JMH.) */
@Command(name = "cardminer",
        mixinStandardHelpOptions = true,
        version = "cardminer 0.1.0",
        description = "Turns Hugging Face model cards into structured, queryable metadata and insight.")
public final class Cardminer {

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests and embedding). */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * The command line for these arguments, with its one-line error handling (set its out and err to capture them): with
     * only the subcommand they name, when they name one, else with all
     * (help, a mistyped name). picocli reads every option of every subcommand it is given, loading their classes:
     * with all seventeen that was a quarter of a CPU-second of each run's start (docs/bench.md, "Unchanged
     * re-run: where the CPU goes").
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> sub : SUBCOMMANDS) {
                boolean named = sub.getAnnotation(Command.class).name().equals(args[0]);
                // `help X` lists the others' names too: it gets them all.
                if (named && !sub.equals(CommandLine.HelpCommand.class)) {
                    return withSubcommands(List.of(sub));
                }
            }
        }
        return withSubcommands(SUBCOMMANDS);
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine line = new CommandLine(new Cardminer());
        subcommands.forEach(line::addSubcommand);
        // Set after the subcommands are in: picocli hands the handlers on to those it has.
        OneLineErrorHandler errors = new OneLineErrorHandler();
        line.setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
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
