package dev.cardminer.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench}: performance measurements, one subcommand per benchmark. Each prints its figures and
 * how it measured them.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
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

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
