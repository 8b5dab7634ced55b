package dev.cardminer.io;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Objects;

/**
 * Where long-running work tells how far it is: a progress bar on a terminal, a plain line every few
 * seconds otherwise (logs, CI), or nothing.
 *
 * @param log   where lines and summaries go
 * @param style how progress is shown
 */
public record ProgressOutput(PrintWriter log, Style style) {

    /** How progress is shown. */
    public enum Style {
        /** A progress bar redrawn in place, for a terminal. */
        BAR,
        /** A plain line every few seconds, for logs. */
        LINES,
        /** Nothing. */
        NONE
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException when log or style is null
     */
    public ProgressOutput {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(style, "style");
    }

    /** A bar when a terminal is attached ({@code System.console() != null}), plain lines otherwise. */
    public static ProgressOutput auto(PrintWriter log) {
        return new ProgressOutput(log, System.console() != null ? Style.BAR : Style.LINES);
    }

    /** Silent: for tests and embedding. */
    public static ProgressOutput none() {
        return new ProgressOutput(new PrintWriter(Writer.nullWriter()), Style.NONE);
    }
}
