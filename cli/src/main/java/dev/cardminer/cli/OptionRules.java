package dev.cardminer.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Range checks of numeric options, failing as a usage error (one line, exit 2) before any work starts. */
final class OptionRules {

    private OptionRules() {
    }

    /**
     * The format that {@code --format} and its alias {@code --json} ask for together: {@code --json} with another
     * format, the default one written out included ({@code --json --format text}), is a contradiction.
     */
    static <F> F jsonAlias(CommandLine commandLine, boolean json, F format, F jsonFormat, F defaultFormat) {
        if (!json) {
            return format;
        }
        boolean written = commandLine.getParseResult() != null && commandLine.getParseResult().hasMatchedOption("--format");
        if (format != jsonFormat && (written || format != defaultFormat)) {
            throw new ParameterException(commandLine, "--json contradicts --format " + format);
        }
        return jsonFormat;
    }

    static void atLeast(CommandLine commandLine, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(commandLine, option + " must be at least " + min + ", not " + value);
        }
    }

    static void atMost(CommandLine commandLine, String option, long value, long max) {
        if (value > max) {
            throw new ParameterException(commandLine, option + " must be at most " + max + ", not " + value);
        }
    }
}
