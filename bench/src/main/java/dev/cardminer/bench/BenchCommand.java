package dev.cardminer.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench}: performance measurements, one subcommand per benchmark. Each prints its figures and
 * how it measured them.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        version = "cardminer bench 0.1.0",
        description = "Measures cardminer's performance on real cards.",
        subcommands = {
                ParseBench.class,
                AnalyzeBench.class,
                LlmBench.class,
                ClassifyBench.class,
                ShapesBench.class,
                CommandLine.HelpCommand.class
        })
public final class BenchCommand {

    /** Runs {@code bench} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        CommandLine line = new CommandLine(new BenchCommand());
        // Subcommands get -V from mixinStandardHelpOptions but not the parent's version text.
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().version(line.getCommandSpec().version()));
        System.exit(line.execute(args));
    }
}
