package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardLinter;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer card FILE...}: one JSON object per card. */
@Command(name = "card", mixinStandardHelpOptions = true, description = {
        "Parses model cards and prints one JSON object per card (one per line when there are several); its problems are "
                + "those cardminer check lists (the parser's and the checklist's).",
        "A file org__name.md gets the id org/name, and org/name/README.md too, as analyze gives them.",
        "Exits 0 even when cards have problems; non-zero only when a file cannot be read (2; 3 when the Hub "
                + "cannot be reached or refuses). cardminer check lints."})
final class CardCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = {
            "Card files (README.md); '-' reads standard input; hub:org/name[@revision] reads the model's "
                    + "README.md from the Hub."})
    List<String> files;

    @Mixin
    HubInput hub;

    @Option(names = "--summary", description = "A short digest for people instead of the JSON.")
    boolean summary;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = CardJson.mapper();
        CardParser parser = CardParser.builder().build();
        CardLinter linter = new CardLinter();
        boolean several = files.size() > 1;
        int exit = 0;
        for (String file : files) {
            CardFiles.Read read = CardFiles.readOrExplain("card", file, System.in, hub, err);
            if (read.input() == null) {
                exit = Math.max(exit, read.exit());
                continue;
            }
            CardFiles.Input input = read.input();
            ModelCard card = parser.parse(input.id(), input.bytes());
            // check's list, the parser's problems and the checklist's, in the JSON as in the summary: a publisher
            // reading both must not see two different sets
            List<Problem> problems = linter.check(card);
            if (summary) {
                out.print(CardSummary.of(card, problems));
                continue;
            }
            try {
                out.println(several
                        ? mapper.writeValueAsString(CardJson.toJson(card, problems))
                        : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(CardJson.toJson(card, problems)));
            } catch (IOException e) {
                err.println("cardminer card: cannot write JSON for " + file + ": " + CardFiles.describe(e));
                exit = 2;
            }
        }
        out.flush();
        return exit;
    }
}
