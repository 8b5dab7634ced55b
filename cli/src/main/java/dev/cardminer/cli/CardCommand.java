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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        "Exits 0 even when cards have problems; non-zero only when a file cannot be read",
        "(2; 3 when the Hub cannot be reached or refuses)."})
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectMapper mapper = CardJson.mapper();
        CardParser parser = CardParser.defaults();
        boolean several = files.size() > 1;
        int exit = 0;
        for (String file : files) {
            byte[] bytes;
            String id;
            try {
                if (file.equals("-")) {
                    bytes = System.in.readAllBytes();
                    id = "stdin";
                } else if (file.startsWith("hub:")) {
                    String ref = file.substring(4);
                    int at = ref.indexOf('@');
                    id = at < 0 ? ref : ref.substring(0, at);
                    String revision = at < 0 ? null : ref.substring(at + 1);
                    bytes = hub().readFile(RepoType.MODEL, id, revision, "README.md", MAX_CARD_BYTES);
                } else {
                    Path path = Path.of(file);
                    bytes = Files.readAllBytes(path);
                    id = stem(path);
                }
            } catch (HubException e) {
                err.println("cardminer card: " + file + ": " + e.getMessage());
                exit = Math.max(exit, OneLineErrorHandler.HUB_UNAVAILABLE);
                continue;
            } catch (IOException | RuntimeException e) {
                err.println("cardminer card: cannot read " + file + ": " + describe(e));
                exit = Math.max(exit, 2);
                continue;
            }
            ModelCard card = parser.parse(id, bytes);
            try {
                out.println(several
                        ? mapper.writeValueAsString(CardJson.toJson(card))
                        : mapper.writerWithDefaultPrettyPrinter().writeValueAsString(CardJson.toJson(card)));
            } catch (IOException e) {
                err.println("cardminer card: cannot write JSON for " + file + ": " + describe(e));
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

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String describe(Exception e) {
        return e instanceof NoSuchFileException ? "no such file"
                : e.getClass() == IOException.class ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
