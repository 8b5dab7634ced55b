package dev.cardminer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --format text|json} for the commands whose switch is {@code --json}: {@code check} and {@code query} take
 * {@code --format}, so users type it everywhere.
 */
final class TextOrJsonFormat {

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (default) or json, the same as --json.")
    Format format;

    /** Whether the command writes JSON, given its own {@code --json} switch. */
    boolean json(CommandLine commandLine, boolean jsonSwitch) {
        return OptionRules.jsonAlias(commandLine, jsonSwitch, format, Format.json, Format.text) == Format.json;
    }
}
