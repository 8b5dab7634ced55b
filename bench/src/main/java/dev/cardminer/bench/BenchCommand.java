package dev.cardminer.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bench}: performance measurements. A parent for one subcommand per benchmark; add yours to
 * {@code subcommands}.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures cardminer's performance on real cards.",
        subcommands = {
                ParseBench.class,
                CommandLine.HelpCommand.class
        })
public final class BenchCommand {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }
}
