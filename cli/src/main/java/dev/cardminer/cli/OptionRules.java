package dev.cardminer.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Range checks of numeric options, failing as a usage error (one line, exit 2) before any work starts. */
final class OptionRules {

    private OptionRules() {
    }

    static void atLeast(CommandLine commandLine, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(commandLine, option + " must be at least " + min + ", not " + value);
        }
    }
}
