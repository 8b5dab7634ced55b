package dev.cardminer.cli;

import dev.cardminer.io.CardStore;
import dev.cardminer.report.ReportOptions;
import dev.cardminer.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cardminer report --db F --out DIR}: the HTML corpus report of a store. */
@Command(name = "report", mixinStandardHelpOptions = true, description = {
        "Writes the corpus report of a cardminer store: DIR/index.html, which opens from disk with no network, "
                + "charts as PNG in DIR/img and every table as CSV in DIR/data.",
        "The store is opened read-only."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The DuckDB store to read.")
    Path db;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the report.")
    Path out;

    @Option(names = "--rows", defaultValue = "25", paramLabel = "N",
            description = "Rows shown per table in the page (the CSV files have all). Default: ${DEFAULT-VALUE}.")
    int rows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OptionRules.atLeast(spec.commandLine(), "--rows", rows, 1);
        try (Connection store = CardStore.openReadOnly(db)) {
            Path index;
            try {
                index = new ReportWriter(ReportOptions.defaults().withTableRows(rows)).write(store, out);
            } catch (IOException e) {
                throw new IOException("cannot write the report: " + OneLineErrorHandler.describe(e), e);
            }
            stdout.println("cardminer report: wrote " + index);
            stdout.flush();
            return 0;
        } catch (SQLException e) {
            throw new IOException("cannot read the store " + db + ": " + e.getMessage(), e);
        }
    }
}
