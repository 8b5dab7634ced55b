package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.ModelCard;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.RepoType;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer card FILE...}: one JSON object per card. */
@Command(name = "card", mixinStandardHelpOptions = true, description = {
        "Parses model cards and prints one JSON object per card (one per line when there are several).",
        "A file org__name.md gets the id org/name, and org/name/README.md too, as analyze gives them.",
        "Exits 0 even when cards have problems; non-zero only when a file cannot be read",
        "(2; 3 when the Hub cannot be reached or refuses; cardminer check lints)."})
final class CardCommand implements Callable<Integer> {

    /** Cards larger than this are not fetched from the Hub (the largest real cards are well under 1 MB). */
    private static final long MAX_CARD_BYTES = 8L << 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = {
            "Card files (README.md); '-' reads standard input;",
            "hub:org/name[@revision] reads the model's README.md from the Hub."})
    List<String> files;

    @Option(names = "--hub-endpoint", paramLabel = "URL",
            description = "The Hub's address (default: $HF_ENDPOINT or https://huggingface.co). HF_TOKEN is sent when set.")
    String hubEndpoint;

    private HubClient hub;

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
        boolean several = files.size() > 1;
        int exit = 0;
        for (String file : files) {
            CardFiles.Input input;
            try {
                if (file.startsWith("hub:")) {
                    String ref = file.substring(4);
                    int at = ref.indexOf('@');
                    String id = at < 0 ? ref : ref.substring(0, at);
                    String revision = at < 0 ? null : ref.substring(at + 1);
                    input = new CardFiles.Input(file, id, hub().readFile(RepoType.MODEL, id, revision, "README.md",
                            MAX_CARD_BYTES));
                } else {
                    input = CardFiles.read(file, System.in);
                }
            } catch (HubException e) {
                err.println("cardminer card: " + file + ": " + e.getMessage());
                exit = Math.max(exit, OneLineErrorHandler.HUB_UNAVAILABLE);
                continue;
            } catch (IOException | RuntimeException e) {
                err.println("cardminer card: cannot read " + file + ": " + CardFiles.describe(e));
                exit = Math.max(exit, 2);
                continue;
            }
            ModelCard card = parser.parse(input.id(), input.bytes());
            if (summary) {
                out.print(CardSummary.of(card));
                continue;
            }
            try {
                out.println(several
                        ? mapper.writeValueAsString(CardJson.toJson(card))
                        : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(CardJson.toJson(card)));
            } catch (IOException e) {
                err.println("cardminer card: cannot write JSON for " + file + ": " + CardFiles.describe(e));
                exit = 2;
            }
        }
        out.flush();
        return exit;
    }

    private HubClient hub() throws IOException {
        if (hub == null) {
            hub = HubClient.create(HubSettings.options(hubEndpoint, null));
        }
        return hub;
    }
}
