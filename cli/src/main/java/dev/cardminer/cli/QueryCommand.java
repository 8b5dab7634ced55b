package dev.cardminer.cli;

import dev.cardminer.io.QueryConnection;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer query "SQL"}: runs read-only SQL against the store. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Runs one read-only SQL statement against the store: no writes, no files, no network, no extensions, "
                + "no settings (docs/analyze.md, Security notes).",
        "Tables: cards, metadata, metadata_values, sections, eval_results, links, problems, sentences, "
                + "annotations, llm_cache, runs (see docs/analyze.md).",
        "Example: cardminer query \"SELECT pipeline_tag, count(*) FROM cards GROUP BY 1 ORDER BY 2 DESC\""})
final class QueryCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SQL", description = "The statement (several words are joined with spaces).")
    List<String> sql;

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "cardminer.duckdb",
            description = "The store (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    ResultPrinter.Format format;

    @Option(names = "--max-width", paramLabel = "N", defaultValue = "60",
            description = "Table format: cut cells to N characters (default: ${DEFAULT-VALUE}).")
    int maxWidth;

    @Option(names = "--json", description = "The same as --format json.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        PrintWriter out = spec.commandLine().getOut();
        OptionRules.atLeast(spec.commandLine(), "--max-width", maxWidth, 1);
        ResultPrinter.Format format = OptionRules.jsonAlias(spec.commandLine(), json, this.format,
                ResultPrinter.Format.json, ResultPrinter.Format.table);
        String statement = QueryConnection.singleStatement(String.join(" ", sql));
        // Prepared, not Statement.execute: duckdb_jdbc 1.5 reports a failed Statement.execute as "Attempting to execute
        // an unsuccessful or closed pending query result" with DuckDB's own error only on a second line; a failed
        // prepare gives that error itself (docs/bench.md, "duckdb_jdbc 1.5.6.0").
        try (Connection c = QueryConnection.open(db); PreparedStatement st = c.prepareStatement(statement)) {
            boolean hasResult = st.execute();
            if (hasResult) {
                try (ResultSet rs = st.getResultSet()) {
                    new ResultPrinter(out, Math.max(4, maxWidth)).print(rs, format);
                }
            } else {
                out.println("(" + st.getUpdateCount() + " rows affected)");
            }
            out.flush();
            return 0;
        }
    }
}
