package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cardminer.core.CardLinter;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer check FILE...}: a linter for model cards. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Checks model cards before they are pushed: the parser's problems (YAML, metadata values, model-index) and "
                + "a publisher's checklist (metadata block, recommended keys, template sections). Codes: docs/check.md.",
        "Exit status: 0 when no card has an error (with --strict: no error and no warning), 1 otherwise, "
                + "2 when a file cannot be read (or on a usage error), 3 when the Hub cannot be reached or refuses "
                + "(hub: inputs); 2 and 3 win over 1."})
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, github, sarif }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = {
            "Card files (README.md) or folders of them (every *.md, recursively); '-' reads standard input; hub:org/name[@revision] reads the model's "
                    + "README.md from the Hub."})
    List<String> files;

    @Mixin
    HubInput hub;

    @Option(names = "--strict", description = "Warnings fail the check too.")
    boolean strict;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (file:line:column: severity code message), json, github (workflow annotations) "
                    + "or sarif (SARIF 2.1.0 for code scanning). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--json", description = "The same as --format json.")
    boolean json;

    @Option(names = "--quiet", description = "Text and github formats: leave out info problems (github's notices).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    /** One card's findings. */
    private record Checked(String file, String id, List<Problem> problems) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        format = OptionRules.jsonAlias(spec.commandLine(), json, format, Format.json, Format.text);
        CardParser parser = CardParser.builder().build();
        CardLinter linter = new CardLinter();
        List<Checked> checked = new ArrayList<>();
        int unreadable = 0;
        for (String file : files) {
            if (!file.equals("-") && !file.startsWith("hub:") && Files.isDirectory(Path.of(file))) {
                // A folder: its card files, recursively, as analyze and suggest read a folder.
                int before = checked.size();
                try (CardSource cards = CardSources.markdown(Path.of(file))) {
                    for (SourceCard card = cards.next(); card != null; card = cards.next()) {
                        if (card.failure() != null) {
                            err.println("cardminer check: " + CardFiles.oneLine(card.origin() + ": " + card.failure()));
                            unreadable = Math.max(unreadable, 2);
                        } else {
                            checked.add(new Checked(card.origin(), card.id(),
                                    linter.check(parser.parse(card.id(), card.bytes()))));
                        }
                    }
                }
                if (checked.size() == before && unreadable == 0) {
                    throw new ParameterException(spec.commandLine(), CardFiles.noCards(file));
                }
                continue;
            }
            CardFiles.Read read = CardFiles.readOrExplain("check", file, System.in, hub, err);
            if (read.input() == null) {
                unreadable = Math.max(unreadable, read.exit());
                continue;
            }
            CardFiles.Input input = read.input();
            checked.add(new Checked(input.name(), input.id(), linter.check(parser.parse(input.id(), input.bytes()))));
        }
        switch (format) {
            case text -> text(out, checked);
            case json -> out.println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(checked)));
            case github -> github(out, checked);
            case sarif -> out.println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sarif(checked)));
        }
        out.flush();
        err.flush();
        if (unreadable > 0) {
            return unreadable;
        }
        return checked.stream().flatMap(c -> c.problems().stream()).anyMatch(this::fails) ? 1 : 0;
    }

    private boolean fails(Problem p) {
        return p.severity() == Problem.Severity.ERROR || (strict && p.severity() == Problem.Severity.WARNING);
    }

    private void text(PrintWriter out, List<Checked> checked) {
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        for (Checked c : checked) {
            for (Problem p : c.problems()) {
                errors += p.severity() == Problem.Severity.ERROR ? 1 : 0;
                warnings += p.severity() == Problem.Severity.WARNING ? 1 : 0;
                infos += p.severity() == Problem.Severity.INFO ? 1 : 0;
                if (quiet && p.severity() == Problem.Severity.INFO) {
                    continue;
                }
                out.println(CardFiles.oneLine(c.file() + ":" + p.located()));
            }
        }
        // Info lines are counted too, so that the total matches the lines above (and card --summary's count).
        out.println(CardFiles.count(checked.size(), "card") + " checked: " + CardFiles.count(errors, "error") + ", "
                + CardFiles.count(warnings, "warning")
                + (infos == 0 ? "" : ", " + String.format(Locale.ROOT, "%,d", infos) + " info" + (quiet ? " (not listed)" : "")));
    }

    /** GitHub workflow commands: one annotation per problem (info problems as notices). */
    private void github(PrintWriter out, List<Checked> checked) {
        for (Checked c : checked) {
            for (Problem p : c.problems()) {
                if (quiet && p.severity() == Problem.Severity.INFO) {   // a notice per missing section on every card in CI
                    continue;
                }
                String command = switch (p.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "notice";
                };
                out.println("::" + command + " file=" + githubProperty(c.file()) + ",line=" + line(p) + ",col="
                        + column(p) + ",title=" + githubProperty(p.code()) + "::" + githubData(p.message()));
            }
        }
    }

    /**
     * Card text in a workflow command: controls (a newline too, which GitHub would show as a line break of the
     * annotation) and bidi controls written as \\uXXXX, then '%' encoded as GitHub requires.
     */
    private static String githubData(String s) {
        return CardFiles.oneLine(s).replace("%", "%25");
    }

    private static String githubProperty(String s) {
        return githubData(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static ObjectNode json(List<Checked> checked) {
        ObjectMapper m = mapper();
        ObjectNode root = m.createObjectNode();
        ArrayNode cards = root.putArray("cards");
        for (Checked c : checked) {
            ObjectNode card = cards.addObject().put("file", c.file()).put("id", c.id());
            ArrayNode problems = card.putArray("problems");
            for (Problem p : c.problems()) {
                ObjectNode o = problems.addObject().put("severity", severity(p)).put("code", p.code())
                        .put("message", p.message()).put("line", p.line()).put("column", p.column());
                if (p.path() != null) {
                    o.put("path", p.path());
                }
            }
        }
        return root;
    }

    /** SARIF 2.1.0: one run, a rule per code, a result per problem. */
    private static ObjectNode sarif(List<Checked> checked) {
        ObjectMapper m = mapper();
        ObjectNode root = m.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "cardminer")
                .put("version", "0.1.0");
        TreeSet<String> codes = new TreeSet<>();
        checked.forEach(c -> c.problems().forEach(p -> codes.add(p.code())));
        ArrayNode rules = driver.putArray("rules");
        Map<String, String> descriptions = ProblemCodes.descriptions();
        codes.forEach(code -> rules.addObject().put("id", code).putObject("shortDescription")
                .put("text", descriptions.getOrDefault(code, code)));
        ArrayNode results = run.putArray("results");
        for (Checked c : checked) {
            for (Problem p : c.problems()) {
                ObjectNode r = results.addObject().put("ruleId", p.code()).put("level", switch (p.severity()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case INFO -> "note";
                });
                r.putObject("message").put("text", p.message());
                ObjectNode location = r.putArray("locations").addObject().putObject("physicalLocation");
                String uri = SarifUri.of(c.file());
                if (uri == null) {
                    // standard input has no URI: an artifactLocation without one, described (SARIF 3.4.3, 3.4.5)
                    location.putObject("artifactLocation").putObject("description").put("text", "standard input");
                } else {
                    location.putObject("artifactLocation").put("uri", uri);
                }
                location.putObject("region").put("startLine", line(p)).put("startColumn", column(p));
            }
        }
        return root;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper();
    }

    private static String severity(Problem p) {
        return p.severity().name().toLowerCase(Locale.ROOT);
    }

    /** Whole-card problems (line 0) are shown at the first line: every format needs a line. */
    private static int line(Problem p) {
        return Math.max(1, p.line());
    }

    private static int column(Problem p) {
        return Math.max(1, p.column());
    }
}
