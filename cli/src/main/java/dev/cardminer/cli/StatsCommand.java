package dev.cardminer.cli;

import dev.cardminer.core.CardJson;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.StoreStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cardminer stats}: the store's headline figures. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Prints the store's headline figures: cards, metadata, problems, sections, ...")
final class StatsCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE", defaultValue = "cardminer.duckdb",
            description = "The store (default: ${DEFAULT-VALUE}).")
    Path db;

    @Option(names = "--json", description = "One JSON object instead of a table.")
    boolean json;

    @Mixin
    TextOrJsonFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        json = format.json(spec.commandLine(), json);
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = CardStore.openReadOnly(db)) {
            StoreStats stats = StoreStats.read(c);
            if (json) {
                out.println(CardJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats.toJson()));
            } else {
                printTable(out, stats);
            }
            out.flush();
            return 0;
        }
    }

    private static void printTable(PrintWriter out, StoreStats s) {
        // the labels' column fits the longest problem code (model-index-missing-field), so the values line up
        int width = 2 + s.topProblemCodes().keySet().stream().mapToInt(String::length).max().orElse(0);
        BiConsumer<String, String> row = (label, value) -> out.printf("%-" + Math.max(24, width) + "s %s%n", label, value);
        row.accept("cards", String.format("%,d", s.cards()));
        row.accept("  with metadata", count(s.cardsWithMetadata(), s.cards()));
        row.accept("  with problems", count(s.cardsWithProblems(), s.cards()));
        row.accept("card text", String.format("%.1f MB", s.bytes() / 1e6));
        row.accept("mean completeness", s.meanCompleteness() == null ? "-" : String.format("%.3f", s.meanCompleteness()));
        row.accept("metadata keys", String.format("%,d distinct", s.metadataKeys()));
        row.accept("sections", String.format("%,d", s.sections()));
        row.accept("eval results", String.format("%,d", s.evalResults()));
        row.accept("links", String.format("%,d", s.links()));
        row.accept("sentences", String.format("%,d", s.sentences()));
        row.accept("annotations", String.format("%,d", s.annotations()));
        row.accept("problems", String.format("%,d", s.problems()));
        for (Map.Entry<String, Long> e : s.problemsBySeverity().entrySet()) {
            row.accept("  " + e.getKey(), String.format("%,d", e.getValue()));
        }
        if (!s.topProblemCodes().isEmpty()) {
            out.println("top problem codes:");
            for (Map.Entry<String, Long> e : s.topProblemCodes().entrySet()) {
                row.accept("  " + e.getKey(), String.format("%,d", e.getValue()));
            }
        }
    }

    private static String count(long part, long whole) {
        return String.format("%,d (%.1f%%)", part, whole == 0 ? 0.0 : 100.0 * part / whole);
    }

}
