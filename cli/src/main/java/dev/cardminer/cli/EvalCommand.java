package dev.cardminer.cli;

import dev.cardminer.core.CardJson;
import dev.cardminer.core.Vocabularies;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.SourceCard;
import dev.cardminer.suggest.EvalReport;
import dev.cardminer.suggest.Evaluator;
import dev.cardminer.suggest.FieldScore;
import dev.cardminer.suggest.Split;
import dev.cardminer.suggest.Suggester;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer eval SOURCE}: hide-and-recover figures of the suggestion extractors. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Measures the suggestion extractors: for each card with a field in its YAML, the field is hidden, "
                + "the extractor runs on the rest, and what it finds is compared with what was hidden. pipeline_tag "
                + "and library_name are also scored against the source's repo facts (field@hub). Figures are for the "
                + "held-out split unless --split says otherwise (docs/suggest.md)."})
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "A folder of cards, a .md, .parquet or .jsonl file.")
    String source;

    @Option(names = "--fields", paramLabel = "F", split = "\\s*,\\s*", splitSynopsisLabel = ",", description = "Only these fields (default: all).")
    List<String> fields;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.8",
            description = "Leave out suggestions below this confidence (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--split", paramLabel = "held-out|dev|all", defaultValue = "held-out",
            description = "Which cards to score (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--json", description = "One JSON object: {cards, split, fields: {f: {support, predicted, correct, precision, recall, f1}}}; "
            + "a score with nothing to divide by is null.")
    boolean json;

    @Mixin
    TextOrJsonFormat format;

    @Option(names = "--dump-outcomes", paramLabel = "FILE", hidden = true,
            description = "Debugging: write every scored card and field (JSON lines with the card's text) to FILE.")
    java.nio.file.Path dumpOutcomes;

    @Option(names = "--misses", paramLabel = "FIELD",
            description = "Also list, one line per scored card of FIELD (e.g. datasets, license, model-index, pipeline_tag@hub) whose hidden value "
                    + "was missed or whose proposal was wrong: 'wrong' (a proposed value is not the hidden one) or 'miss' (a "
                    + "hidden value was not proposed), id, expected, predicted (value and rule), tab-separated, escaped "
                    + "to one line; on standard error with --json. For tuning rules: use it on --split dev only.")
    String misses;

    @CommandLine.Mixin
    TaskClassifierOptions taskClassifier;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        json = format.json(spec.commandLine(), json);
        PrintWriter out = spec.commandLine().getOut();
        Split part = switch (split) {
            case "held-out" -> Split.HELD_OUT;
            case "dev" -> Split.DEV;
            case "all" -> Split.ALL;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--split must be held-out, dev or all");
        };
        Vocabularies vocabularies = Vocabularies.bundled();
        long read = 0;
        AutoCloseable plugged;
        Evaluator evaluator;
        try {
            if (misses != null) {
                try {
                    // the same check, and message, as --fields: a field no extractor fills would list nothing, silently
                    Suggester.builder().vocabularies(vocabularies).fields(List.of(misses)).build();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--misses: " + e.getMessage(), e);
                }
            }
            Suggester.Builder builder = Suggester.builder().vocabularies(vocabularies).fields(fields);
            plugged = taskClassifier.apply(builder);
            evaluator = new Evaluator(builder.build().extractors(), vocabularies, minConfidence, part);
        } catch (IllegalArgumentException e) { // --fields or --min-confidence: a usage error, exit 2
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // Opened inside the try, so that the plugged classifier is closed when the dump file cannot be written.
        try (plugged; PrintWriter outcomes = dumpOutcomes == null ? null
                     : new PrintWriter(java.nio.file.Files.newBufferedWriter(dumpOutcomes, StandardCharsets.UTF_8));
             CardSource cards = CardSources.open(source, HubSettings.options(null, null),
                ProgressOutput.auto(spec.commandLine().getErr()))) {
            PrintWriter missesOut = json ? spec.commandLine().getErr() : out;
            if (outcomes != null || misses != null) {
                evaluator.onOutcome(o -> {
                    if (outcomes != null) {
                        writeOutcome(outcomes, o);
                    }
                    if (o.field().equals(misses) && o.missedOrWrong()) {
                        missesOut.println(missLine(o));
                    }
                });
            }
            SourceNotes notes = new SourceNotes("eval", spec.commandLine().getErr());
            for (SourceCard card; (card = cards.next()) != null; ) {
                if (card.failure() != null) {
                    notes.unreadable(card);
                    continue;
                }
                read++;
                String text = card.text() != null ? card.text() : new String(card.utf8(), StandardCharsets.UTF_8);
                evaluator.add(card.id(), text, card.facts().pipelineTag(), card.facts().libraryName());
            }
            notes.finish(source, cards);
        }
        EvalReport report = evaluator.report();
        if (json) {
            out.println(CardJson.mapper().writeValueAsString(toJson(report, split)));
        } else {
            // a publisher scoring a folder of their own cards must see that most were left out, and how not to
            String scored = part == Split.ALL || report.cards() == read ? String.format("%,d cards (%s split)", report.cards(), split)
                    : String.format("%,d of the %,d cards read (%s split; --split all scores every card)", report.cards(), read, split);
            out.printf("%s; P = precision, R = recall, support = values hidden%n", scored);
            out.printf("%-22s %8s %9s %8s %7s %7s %7s%n", "field", "support", "predicted", "correct", "P", "R", "F1");
            for (Map.Entry<String, FieldScore> e : ordered(report).entrySet()) {
                FieldScore s = e.getValue();
                out.printf("%-22s %8d %9d %8d %7s %7s %7s%n", e.getKey(), s.support(), s.predicted(), s.correct(),
                        s.predicted() == 0 ? "n/a" : score(s.precision()), s.support() == 0 ? "n/a" : score(s.recall()),
                        s.predicted() == 0 || s.support() == 0 ? "n/a" : score(s.f1()));
            }
            out.println("field@hub: scored against the source's own column (the Hub's pipeline_tag, library_name) on "
                    + "cards whose YAML lacks the field; n/a: nothing to score");
            if (report.cards() == 0 && !split.equals("all")) {
                out.println("no card of the source falls in the " + split + " split (it is chosen by the hash of the card's "
                        + "id); --split all scores every card");
            }
        }
        out.flush();
        return 0;
    }

    /** One JSON line per scored card and field (error analysis on the dev split; card text, so never committed). */
    private static void writeOutcome(PrintWriter out, Evaluator.Outcome o) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", o.card().id());
        line.put("field", o.field());
        line.put("truth", o.truth());
        line.put("predicted", o.predicted().stream().map(s -> Map.of("value", s.value().toString(), "method", s.method(),
                "evidence", s.evidence().text())).toList());
        line.put("tags", o.card().metadata().tags());
        line.put("body", o.card().body().length() > 6000 ? o.card().body().substring(0, 6000) : o.card().body());
        try {
            out.println(CardJson.mapper().writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * "wrong|miss TAB id TAB expected TAB predicted": {@code wrong} when a proposed value is not a hidden one (what a pull
     * request would get wrong), else {@code miss}; values joined by ", ", each prediction with its rule; card text made
     * one safe line.
     */
    static String missLine(Evaluator.Outcome o) {
        String expected = String.join(", ", new java.util.TreeSet<>(o.truth()));
        String predicted = String.join(", ", o.predicted().stream().map(s -> shown(s.value()) + " [" + s.method() + "]").toList());
        return (o.correct() < o.proposed() ? "wrong" : "miss") + "\t" + CardFiles.oneLine(o.card().id()) + "\t" + CardFiles.oneLine(expected) + "\t"
                + CardFiles.oneLine(predicted.isEmpty() ? "-" : predicted);
    }

    /** A model-index result as its metric type and value (as the truth is shown), anything else as written. */
    private static String shown(Object value) {
        if (value instanceof dev.cardminer.core.EvalResult r) {
            return String.valueOf(r.metricType()).strip().toLowerCase(Locale.ROOT) + "=" + r.metricValue();
        }
        return String.valueOf(value);
    }

    private static String score(double x) {
        return String.format(Locale.ROOT, "%.3f", x);
    }

    private static Map<String, FieldScore> ordered(EvalReport report) {
        return new TreeMap<>(report.fields());
    }

    /** Scores that have nothing to divide by are null, as the text table's n/a. */
    static Map<String, Object> toJson(EvalReport report, String split) {
        Map<String, Object> fields = new LinkedHashMap<>();
        ordered(report).forEach((field, s) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("support", s.support());
            f.put("predicted", s.predicted());
            f.put("correct", s.correct());
            f.put("precision", s.predicted() == 0 ? null : round(s.precision()));
            f.put("recall", s.support() == 0 ? null : round(s.recall()));
            f.put("f1", s.predicted() == 0 || s.support() == 0 ? null : round(s.f1()));
            fields.put(field, f);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cards", report.cards());
        json.put("split", split);
        json.put("fields", fields);
        return json;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
