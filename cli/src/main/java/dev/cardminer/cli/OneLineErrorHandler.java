package dev.cardminer.cli;

import dev.cardminer.hub.HubException;
import dev.cardminer.hub.Redaction;
import dev.cardminer.io.DuckDbErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into the one-line error the README promises,
 * {@code cardminer <command>: <what>}, and an exit status, so that commands need no catch-all of
 * their own and no user sees a stack trace.
 */
final class OneLineErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** The Hub cannot be reached: distinct from 2 so that scripts can fall back to a local source. */
    static final int HUB_UNAVAILABLE = 3;
    /** An input cannot be read or an output cannot be written. */
    static final int IO_ERROR = 2;

    /**
     * The exit status of a Hub error: 3 when the Hub could not be reached or failed (a script may fall back or try
     * later); 2 when it answered that the input is not there for us (no such repo, revision or file; gated or
     * private), which no retry changes, as for a file that does not exist.
     */
    static int exitStatus(HubException e) {
        return switch (e.kind()) {
            case NOT_FOUND, NO_ACCESS, MISSING_FILE, TOKEN_REFUSED -> IO_ERROR;
            case UNREACHABLE, RATE_LIMITED, SERVER_ERROR -> HUB_UNAVAILABLE;
        };
    }
    static final int INTERRUPTED = 130;
    /** The work is not all done (sentences an LLM server did not answer): a re-run finishes it. */
    static final int INCOMPLETE = 4;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int exit;
        String what;
        switch (e) {
            case HubException h -> {
                exit = exitStatus(h);
                what = h.getMessage();
            }
            case Exception locked when storeInUse(e).isPresent() -> {
                exit = IO_ERROR;
                what = storeInUse(locked).get();
            }
            case Exception invalid when notAStore(e).isPresent() -> {
                exit = IO_ERROR;
                what = notAStore(invalid).get();
            }
            case IOException io -> {
                exit = IO_ERROR;
                what = describe(io);
            }
            case SQLException sql -> {
                exit = 1;
                what = sqlMessage(sql);
            }
            case InterruptedException i -> {
                Thread.currentThread().interrupt();
                exit = INTERRUPTED;
                what = "interrupted; run again to resume";
            }
            default -> {
                exit = 1;
                // an unforeseen failure's text is the library's: Hub tokens and credentials in it are masked
                what = e.getClass().getSimpleName() + ": " + Redaction.text(firstLine(e.getMessage()));
            }
        }
        command.getOut().flush();
        // The qualified name says which subcommand failed: "cardminer bench parse", not "parse".
        err.println(command.getCommandSpec().qualifiedName() + ": " + what);
        err.flush();
        return exit;
    }

    /** A usage error (an unknown option, a value out of range): one line and exit 2, no usage text. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        Optional<String> unknown = unknownCommand(e);
        if (unknown.isPresent()) {
            err.println(name + ": " + unknown.get());
            err.flush();
            return IO_ERROR;
        }
        err.println(name + ": " + firstLine(e.getMessage()) + " (see " + name + " --help)");
        err.flush();
        return IO_ERROR;
    }

    /**
     * A first argument that names no command: the commands, and the ones meant when some are close (two edits
     * at the most, the closest only: picocli's own suggestions for "analyse" were analyze, eval and serve),
     * rather than picocli's "Unmatched argument at index 0".
     */
    private static Optional<String> unknownCommand(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException unmatched) || command.getParent() != null
                || command.getSubcommands().isEmpty() || unmatched.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String first = unmatched.getUnmatched().get(0);
        if (first.startsWith("-")) {
            return Optional.empty();
        }
        int nearest = command.getSubcommands().keySet().stream().mapToInt(c -> editDistance(first, c)).min().orElse(3);
        List<String> close = nearest > 2 || nearest * 2 > first.length() ? List.of() : command.getSubcommands().keySet()
                .stream().filter(c -> editDistance(first, c) == nearest).toList();
        return Optional.of("unknown command '" + firstLine(first) + "'"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + "; the commands are: " + String.join(", ", command.getSubcommands().keySet()));
    }

    /** Levenshtein's distance: insertions, deletions and replacements that turn a into b. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(replace, Math.min(previous[j], row[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return previous[b.length()];
    }

    private static final Pattern NOT_DUCKDB = Pattern.compile(
            "The file \"([^\"]*)\" exists, but it is not a valid DuckDB database file");

    /** A --db that names some other file: an input that cannot be read (exit 2), in words, in every command. */
    static Optional<String> notAStore(Throwable e) {
        return firstMatch(e, NOT_DUCKDB).map(m -> m.group(1) + " is not a cardminer store (not a DuckDB database file)");
    }

    private static final Pattern LOCKED = Pattern.compile("Could not set lock on file \"([^\"]*)\"");

    /**
     * DuckDB's lock message names the JVM's path and PID of the holder; what a user needs to know is that
     * another process has the store (a writer, or any process while this one would write: {@code serve} only reads).
     */
    static Optional<String> storeInUse(Throwable e) {
        return firstMatch(e, LOCKED).map(m -> "the store " + m.group(1) + " is in use by another process (a cardminer run, "
                + "cardminer serve, or another program that has it open); try again when it has finished");
    }

    /** The first message along {@code e}'s causes that {@code pattern} finds something in. */
    private static Optional<Matcher> firstMatch(Throwable e, Pattern pattern) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : pattern.matcher(t.getMessage());
            if (m != null && m.find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * An I/O failure in words: file-system exceptions carry only a path as their message
     * ({@code FileAlreadyExistsException: out}), so the reason is added from their type.
     */
    static String describe(IOException e) {
        if (!(e instanceof FileSystemException fs)) {
            return firstLine(e.getMessage());
        }
        String reason = reason(fs);
        return firstLine(fs.getFile() == null ? reason : fs.getFile() + ": " + reason);
    }

    /** Why a file-system operation failed, without the path. */
    static String reason(FileSystemException fs) {
        return fs.getReason() != null ? fs.getReason() : switch (fs) {
            case FileAlreadyExistsException x -> "exists and is not a folder";
            case NoSuchFileException x -> "no such file or folder";
            case AccessDeniedException x -> "permission denied";
            case NotDirectoryException x -> "not a folder";
            case DirectoryNotEmptyException x -> "folder not empty";
            default -> fs.getClass().getSimpleName();
        };
    }

    /** DuckDB's error, in one line (its own reason where the JDBC driver wraps it). */
    static String sqlMessage(SQLException e) {
        return DuckDbErrors.reason(e);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
