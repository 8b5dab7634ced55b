package dev.cardminer.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something worth telling about a card, located in the card's text. Problems are values: parsing
 * records them and goes on, so one bad card never stops a corpus run.
 *
 * @param severity how bad it is
 * @param code     a stable, machine-readable kind such as {@code yaml-syntax} or {@code unknown-license}
 *                 (docs/metadata.md lists the metadata codes)
 * @param message  a sentence for people, naming the key or construct concerned
 * @param line     1-based line in the card file, 0 when the problem concerns the whole card
 * @param column   1-based column in that line, 0 when unknown
 * @param path     the metadata value concerned as a key path such as {@code language[0]} or
 *                 {@code model-index[0].results[1].dataset.config}; null when the problem is not about one value
 */
public record Problem(Severity severity, String code, String message, int line, int column, String path) {

    /** How bad a problem is. */
    public enum Severity {
        /** Worth knowing, not wrong (a YAML 1.1 difference, an unfilled optional section). */
        INFO,
        /** Something is wrong or was cut short, but the card was read. */
        WARNING,
        /** Part of the card could not be read (an invalid metadata block, say), or reading it failed. */
        ERROR
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     when severity, code or message is null
     * @throws IllegalArgumentException when line or column is negative
     */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line " + line + ", column " + column + " (0 or more) of " + code);
        }
    }

    /** A problem not tied to one metadata value. */
    public Problem(Severity severity, String code, String message, int line, int column) {
        this(severity, code, message, line, column, null);
    }

    /** An {@link Severity#INFO} problem not tied to one metadata value. */
    public static Problem info(String code, String message, int line, int column) {
        return new Problem(Severity.INFO, code, message, line, column, null);
    }

    /** A {@link Severity#WARNING} problem not tied to one metadata value. */
    public static Problem warning(String code, String message, int line, int column) {
        return new Problem(Severity.WARNING, code, message, line, column, null);
    }

    /** An {@link Severity#ERROR} problem not tied to one metadata value. */
    public static Problem error(String code, String message, int line, int column) {
        return new Problem(Severity.ERROR, code, message, line, column, null);
    }

    /**
     * The problem as {@code cardminer check} prints it after the file name, {@code line:column: severity code message}
     * (line and column at least 1, so that editors jump to it); the message is as given, so escape it for a terminal.
     */
    public String located() {
        return Math.max(1, line) + ":" + Math.max(1, column) + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
                + " " + code + " " + message;
    }

    /**
     * The problems of {@code after} that {@code before} had not: an edited card's new ones. Compared by severity,
     * code, path and message, not by place (the edit moves lines), and counted, so that a second copy of a problem
     * the card had is new.
     */
    public static List<Problem> added(List<Problem> before, List<Problem> after) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (Problem p : before) {
            counts.merge(p.identity(), 1, Integer::sum);
        }
        List<Problem> out = new ArrayList<>();
        for (Problem p : after) {
            if (counts.merge(p.identity(), -1, Integer::sum) < 0) {
                out.add(p);
            }
        }
        return out;
    }

    private List<Object> identity() {
        return Arrays.asList(severity, code, Objects.toString(path), message);
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase() + " " + code + " at " + line + ":" + column
                + (path == null ? "" : " [" + path + "]") + ": " + message;
    }
}
