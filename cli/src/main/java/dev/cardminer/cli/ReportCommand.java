package dev.cardminer.cli;

import dev.cardminer.report.ReportOptions;
import dev.cardminer.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
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
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rows < 1) {
            err.println("cardminer report: --rows must be at least 1");
            return 2;
        }
        if (!Files.isRegularFile(db)) {
            err.println("cardminer report: no store at " + db);
            return 2;
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection store = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), readOnly)) {
            Path index = new ReportWriter(ReportOptions.defaults().withTableRows(rows)).write(store, out);
            stdout.println("cardminer report: wrote " + index);
            stdout.flush();
            return 0;
        } catch (SQLException e) {
            err.println("cardminer report: cannot read the store " + db + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cardminer report: cannot write to " + out + ": " + e.getMessage());
            return 2;
        }
    }
}
