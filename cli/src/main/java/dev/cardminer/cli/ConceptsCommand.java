package dev.cardminer.cli;

import dev.cardminer.io.CardStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.annotate.ConceptCount;
import dev.cardminer.annotate.ConceptSummary;
import dev.cardminer.io.concepts.ConceptQueries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cardminer concepts --db F}: seed 000's concept tables from a store's annotations. */
@Command(name = "concepts", mixinStandardHelpOptions = true, description = {
        "Prints what the annotators found: totals and the top subjects and categories.",
        "Counts are proportions (%%) of all annotations. Variants are merged (case, quotes, _/-/space, "
                + "plurals, metric synonyms) unless --raw; each merged row lists the raw forms it holds."})
final class ConceptsCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The store (DuckDB file).")
    Path db;

    @Option(names = "--category", paramLabel = "C", description = "Only subjects of this category (e.g. metric).")
    String category;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "Rows per table (default ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--raw", description = "Count surface forms as annotated, without merging variants.")
    boolean raw;

    @Option(names = "--annotator", paramLabel = "NAME", description = "Only this annotator's annotations (rules, llm:<model>).")
    String annotator;

    @Option(names = "--examples", defaultValue = "0", paramLabel = "K", description = "Example sentences per top subject (text output).")
    int examples;

    @Option(names = "--json", description = "One JSON object instead of tables.")
    boolean json;

    @Mixin
    TextOrJsonFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        json = format.json(spec.commandLine(), json);
        OptionRules.atLeast(spec.commandLine(), "--top", top, 1);
        OptionRules.atLeast(spec.commandLine(), "--examples", examples, 0);
        PrintWriter out = spec.commandLine().getOut();
        try (Connection c = CardStore.openReadOnly(db)) {
            ConceptQueries queries = new ConceptQueries(c);
            ConceptSummary s = queries.summary(category, top, raw, annotator);
            if (category != null && s.topSubjects().isEmpty()) {
                // An unknown or misspelt category is not "no concepts": say which ones the store has.
                List<String> known = queries.summary(null, 1000, raw, annotator).topCategories().stream()
                        .map(ConceptCount::name).toList();
                if (!known.contains(category)) {
                    spec.commandLine().getErr().println(TerminalText.escape("cardminer concepts: no annotations of category "
                            + category + "; categories in this store: " + (known.isEmpty() ? "none" : String.join(", ", known))));
                    spec.commandLine().getErr().flush();
                }
            }
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode root = mapper.createObjectNode();
                root.put("annotations", s.annotations());
                root.put("uniqueSubjects", s.uniqueSubjects());
                root.put("uniqueCategories", s.uniqueCategories());
                rows(root.putArray("topSubjects"), "subject", s.topSubjects());
                rows(root.putArray("topCategories"), "category", s.topCategories());
                out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                out.printf(Locale.ROOT, "%,d total annotations%s%n", s.annotations(),
                        category == null ? "" : " of category " + category);
                out.printf(Locale.ROOT, "%,d unique subjects%n%,d unique categories%s%n%n", s.uniqueSubjects(),
                        s.uniqueCategories(), raw ? " (raw forms)" : " (variants merged)");
                table(out, category == null ? "subject" : "subject (" + category + ")", s.topSubjects());
                if (category == null) {
                    out.println();
                    table(out, "category", s.topCategories());
                }
                if (examples > 0) {
                    for (ConceptCount row : s.topSubjects()) {
                        out.println();
                        out.println("Examples of " + TerminalText.escape(row.name()) + ":");
                        for (ConceptQueries.Example e : queries.examples(row.forms(), category, examples)) {
                            out.println(TerminalText.escape("  " + e.cardId() + " #" + e.sentence() + ": " + e.text()));
                        }
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    private static void rows(ArrayNode array, String key, List<ConceptCount> rows) {
        for (ConceptCount r : rows) {
            ObjectNode o = array.addObject();
            o.put(key, r.name());
            o.put("count", r.count());
            o.put("proportion", r.proportion());
            ArrayNode forms = o.putArray("forms");
            r.forms().forEach(forms::add);
        }
    }

    private static void table(PrintWriter out, String title, List<ConceptCount> rows) {
        int width = Math.max(title.length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        width = Math.min(width, 48);
        String format = "| %-" + width + "s | %10s | %14s | %s |%n";
        out.printf(Locale.ROOT, format, title, "count", "proportion (%)", "forms");
        out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(width + 2), "-".repeat(12), "-".repeat(16), "-".repeat(7));
        for (ConceptCount r : rows) {
            String forms = r.forms().size() <= 1 ? "" : String.join(", ", r.forms().subList(0, Math.min(6, r.forms().size())))
                    + (r.forms().size() > 6 ? ", ..." : "");
            forms = TerminalText.escape(forms);
            String name = r.name().length() > width ? r.name().substring(0, width - 1) + "…" : r.name();
            out.printf(Locale.ROOT, format, TerminalText.escape(name), String.format(Locale.ROOT, "%,d", r.count()),
                    String.format(Locale.ROOT, "%.4f", r.proportion()), forms);
        }
    }
}
