package dev.cardminer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.ModelCard;
import dev.cardminer.io.CardFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer card FILE...}: one JSON object per card. */
@Command(name = "card", mixinStandardHelpOptions = true, description = {
        "Parses model cards and prints one JSON object per card (one per line when there are several).",
        "Exits 0 even when cards have problems; non-zero only when a file cannot be read."})
final class CardCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Card files (README.md); '-' reads standard input.")
    List<String> files;

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
                    bytes = CardFiles.read(System.in, "standard input");
                    id = "stdin";
                } else {
                    Path path = Path.of(file);
                    bytes = CardFiles.read(path);
                    id = stem(path);
                }
            } catch (IOException | RuntimeException e) {
                err.println("cardminer card: cannot read " + file + ": " + describe(e));
                exit = 2;
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

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String describe(Exception e) {
        if (e instanceof CardFiles.TooLargeException) {
            return e.getMessage();
        }
        return e instanceof NoSuchFileException ? "no such file"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
