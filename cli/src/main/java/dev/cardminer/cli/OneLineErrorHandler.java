package dev.cardminer.cli;

import dev.cardminer.hub.HubException;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into the one-line error the README promises,
 * {@code cardminer <command>: <what>}, and an exit status, so that commands need no catch-all of
 * their own and no user sees a stack trace.
 */
final class OneLineErrorHandler implements IExecutionExceptionHandler {

    /** The Hub cannot be reached: distinct from 2 so that scripts can fall back to a local source. */
    static final int HUB_UNAVAILABLE = 3;
    /** An input cannot be read or an output cannot be written. */
    static final int IO_ERROR = 2;
    static final int INTERRUPTED = 130;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int exit;
        String what;
        switch (e) {
            case HubException h -> {
                exit = HUB_UNAVAILABLE;
                what = h.getMessage();
            }
            case IOException io -> {
                exit = IO_ERROR;
                what = firstLine(io.getMessage());
            }
            case SQLException sql -> {
                exit = 1;
                what = firstLine(sql.getMessage());
            }
            case InterruptedException i -> {
                Thread.currentThread().interrupt();
                exit = INTERRUPTED;
                what = "interrupted; run again to resume";
            }
            default -> {
                exit = 1;
                what = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
            }
        }
        command.getOut().flush();
        // The qualified name says which subcommand failed: "cardminer bench parse", not "parse".
        err.println(command.getCommandSpec().qualifiedName() + ": " + what);
        err.flush();
        return exit;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
