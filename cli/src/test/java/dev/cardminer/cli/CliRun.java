package dev.cardminer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code cardminer} command line as a user starts it (only the subcommand it names), with what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cardminer.commandLine(args).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
