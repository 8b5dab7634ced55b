package dev.cardminer.cli;

import dev.cardminer.hub.HubException;
import dev.cardminer.hub.Redaction;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.ProgressOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/** Reads the card files named on the command line of the single-card commands (card, check, edit). */
final class CardFiles {

    /** A card file's bytes and the id {@code analyze} would give it ({@code org__name.md} is {@code org/name}). */
    record Input(String name, String id, byte[] bytes) {
    }

    private CardFiles() {
    }

    /**
     * Reads a file, standard input for {@code -}, or a model's README.md from the Hub for
     * {@code hub:org/name[@revision]}.
     *
     * @throws HubException when the Hub cannot be reached or refuses (the commands exit 3, or 2 when it answers that
     *                      the repo, revision or file is not there or not for us)
     */
    static Input read(String file, InputStream stdin, HubInput hub) throws IOException {
        if (file.equals("-")) {
            return new Input("<stdin>", "stdin", dev.cardminer.io.CardFiles.read(stdin, "standard input"));
        }
        if (HubInput.isRef(file)) {
            HubInput.Ref ref = HubInput.ref(file);
            return new Input(file, ref.id(), hub.readme(ref));
        }
        Path path = Path.of(file);
        // Refused by size before it is read (a card over the limit, /dev/zero): one line, not an OutOfMemoryError.
        byte[] bytes = dev.cardminer.io.CardFiles.read(path);
        return new Input(file, idOf(path), bytes);
    }

    /** The id of a card file as {@code analyze} gives it to the same file in a folder of cards. */
    static String idOf(Path path) {
        String name = path.getFileName().toString();
        if (!name.regionMatches(true, name.length() - 3, ".md", 0, 3)) {
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }
        Path absolute = path.toAbsolutePath().normalize();
        return CardSources.cardId(absolute, absolute);
    }

    /** A card read for a single-card command: the input, or the exit status of why it could not be read. */
    record Read(Input input, int exit) {
    }

    /**
     * Reads one named card for {@code command}; when it cannot be read, prints the one line that says why to
     * {@code err} and gives the exit status (3 when the Hub could not be reached or failed, 2 otherwise: a missing
     * or gated repo too) with no input.
     */
    static Read readOrExplain(String command, String file, InputStream stdin, HubInput hub, PrintWriter err) {
        try {
            return new Read(read(file, stdin, hub), 0);
        } catch (HubException e) {
            err.println("cardminer " + command + ": " + file + ": " + e.getMessage());
            return new Read(null, OneLineErrorHandler.exitStatus(e));
        } catch (IOException | RuntimeException e) {
            err.println("cardminer " + command + ": cannot read " + file + ": " + describe(e));
            return new Read(null, 2);
        }
    }

    static String describe(Exception e) {
        return e instanceof NoSuchFileException ? "no such file"
                : e.getClass() == IOException.class || e instanceof dev.cardminer.io.CardFiles.TooLargeException
                ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Redaction.text(e.getMessage()));
    }

    /** {@code 1 model}, {@code 2,040 models}: a count and its noun, grouped as analyze prints counts. */
    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** The usage error of a folder (or file) given as the cards to read that holds none. */
    static String noCards(String folder) {
        return "no cards (*.md) in " + folder;
    }

    /**
     * A folder with no card files given as the cards to read is a mistake (a wrong path), not an empty corpus: a usage
     * error before anything is made.
     */
    static void refuseEmptyFolder(CommandLine commandLine, String source) throws IOException {
        if (source.startsWith("hub:") || !Files.isDirectory(Path.of(source))) {
            return;
        }
        try (CardSource cards = CardSources.open(source, HubSettings.options(null, null), ProgressOutput.none(), false)) {
            if (cards.next() == null) {
                throw new CommandLine.ParameterException(commandLine, noCards(source));
            }
        }
    }

    /**
     * Card-derived text made safe for a terminal or a one-line format: control characters (escape
     * sequences, carriage returns, newlines), line separators and the bidirectional overrides (which reorder what
     * is shown, U+202A..U+202E, U+2066..U+2069) become visible escapes. Every one-line terminal field (ids, values,
     * reasons) goes through here; {@link TerminalText} is for text shown over several lines.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
