package dev.cardminer.cli;

import dev.cardminer.core.CardLinter;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.MetadataKeys;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ProblemCodes;
import dev.cardminer.core.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cardminer edit FILE --set k=v --add k=v --remove k}: metadata edits with a minimal diff. */
@Command(name = "edit", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Edits a card's metadata, rewriting only the lines of the keys changed, and prints a unified diff "
                + "(or writes the card with --in-place or -o). Values are YAML: --set 'language=[en, de]'.",
        "The edited card is parsed again; an edit that adds an error is refused (exit 1) and nothing is written.",
        "Exit status: 0 when the edit is made, 1 when it is refused, 2 when the file cannot be read or written (or on "
                + "a usage error), 3 when the Hub cannot be reached or refuses (hub: inputs)."})
final class EditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The card file; '-' reads standard input; hub:org/name[@revision] the Hub's (with -o or the diff).")
    String file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Give KEY this value (replacing it or adding it).")
    List<String> set = new ArrayList<>();

    @Option(names = "--add", paramLabel = "KEY=VALUE",
            description = {"Add items to a list-valued KEY (tags, language, datasets, metrics, base_model), skipping those it "
                    + "has; a single value there becomes a list (said on standard error).",
                    "One-value keys (license, pipeline_tag, library_name, ...) are refused (exit 2): use --set."})
    List<String> add = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "KEY", description = "Remove KEY and its lines.")
    List<String> remove = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Target target;

    @Mixin
    HubInput hub;

    static final class Target {
        @Option(names = "--in-place", description = "Write the edited card over FILE.")
        boolean inPlace;

        @Option(names = {"-o", "--output", "--out"}, paramLabel = "OUT",
                description = "Write the edited card to OUT ('-' is standard output).")
        Path output;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MetadataEdits.Op> ops = new ArrayList<>();
        try {
            for (String s : set) {
                Map.Entry<String, Object> e = MetadataEdits.parse(s);
                ops.add(new MetadataEdits.Set(e.getKey(), e.getValue()));
            }
            for (String a : add) {
                Map.Entry<String, Object> e = MetadataEdits.parse(a);
                MetadataKeys.Kind kind = MetadataKeys.kind(e.getKey());
                if (kind != MetadataKeys.Kind.UNKNOWN && !MetadataKeys.listValued(e.getKey())) {
                    // the Hub reads one value (or a mapping) there: a list would make the key unreadable to it
                    err.println("cardminer edit: --add " + CardFiles.oneLine(e.getKey()) + ": the Hub reads "
                            + (kind == MetadataKeys.Kind.SINGLE ? "one value" : "a value or a mapping") + " for "
                            + CardFiles.oneLine(e.getKey()) + ", not a list; give --set "
                            + CardFiles.oneLine(a.strip()) + " to replace it");
                    err.flush();
                    return 2;
                }
                ops.add(new MetadataEdits.Add(e.getKey(), e.getValue() instanceof List<?> l ? new ArrayList<>(l)
                        : new ArrayList<>(Collections.singletonList(e.getValue()))));
            }
            for (String k : remove) {
                // picocli keeps --set/--add and --remove apart, so their order on the command line is lost:
                // the remove would win silently
                if (ops.stream().anyMatch(op -> op.key().equals(k))) {
                    err.println("cardminer edit: " + CardFiles.oneLine(k) + " is both removed and set or added;"
                            + " give one of them");
                    err.flush();
                    return 2;
                }
                ops.add(new MetadataEdits.Remove(k));
            }
        } catch (RuntimeException e) {
            err.println("cardminer edit: " + CardFiles.oneLine(String.valueOf(e.getMessage())));
            err.flush();
            return 2;
        }
        if (ops.isEmpty()) {
            err.println("cardminer edit: nothing to do (give --set, --add or --remove)");
            err.flush();
            return 2;
        }
        if (target != null && target.inPlace && (file.equals("-") || file.startsWith("hub:"))) {
            err.println("cardminer edit: --in-place needs a local file (use -o OUT)");
            err.flush();
            return 2;
        }
        CardFiles.Read read = CardFiles.readOrExplain("edit", file, System.in, hub, err);
        if (read.input() == null) {
            err.flush();
            return read.exit();
        }
        CardFiles.Input input = read.input();
        CardParser parser = CardParser.builder().build();
        ModelCard before = parser.parse(input.id(), input.bytes());
        List<String> twice = new ArrayList<>();   // keys edited that the YAML writes twice: the editor rewrites every copy
        for (Problem p : before.problems()) {
            if (p.code().equals(ProblemCodes.YAML_DUPLICATE_KEY)) {
                for (MetadataEdits.Op op : ops) {
                    String key = op.key();
                    if (!key.equals(p.path())) {
                        continue;
                    }
                    if (op instanceof MetadataEdits.Add) {
                        // adding to one copy would drop the other copy's items without a word
                        err.println("cardminer edit: refused, " + CardFiles.oneLine(input.name() + ":" + p.line() + ": " + key
                                + " is written twice in the YAML; --add would keep one copy's items only: merge the "
                                + "copies first, or give --set " + key + "=[...] with every item"));
                        err.flush();
                        return 1;
                    }
                    twice.add(CardFiles.oneLine(key + " (written twice, again at line " + p.line() + ") is "
                            + (op instanceof MetadataEdits.Remove ? "removed" : "replaced")));
                }
            }
        }
        MetadataEdits.Outcome outcome = MetadataEdits.apply(before.text(), ops);
        if (outcome.failure() != null) {
            // a block the Hub does not see (a new block on top would make the author's keys body text): said as check
            // says it; otherwise the editor's reason, located the same way
            Problem hidden = before.problems().stream().filter(ProblemCodes::breaksMetadataBlock).findFirst().orElse(null);
            Problem why = hidden != null && outcome.failure().code().equals(ProblemCodes.EDIT_NOT_POSSIBLE)
                    && outcome.failure().message().startsWith(hidden.message()) ? hidden : outcome.failure();
            err.println("cardminer edit: refused, " + CardFiles.oneLine(input.name() + ":" + why.located())
                    + (why == hidden ? " (fix the metadata block first)" : ""));
            err.flush();
            return 1;
        }
        ModelCard after = parser.parse(input.id(), outcome.text());
        List<Problem> added = added(before, after, Problem.Severity.ERROR);
        if (!added.isEmpty()) {
            err.println("cardminer edit: refused, the edit adds " + (added.size() == 1 ? "an error" : added.size() + " errors")
                    + " to " + input.name() + ":");
            added.forEach(p -> err.println("  " + CardFiles.oneLine(p.toString())));
            err.flush();
            return 1;
        }
        for (Problem p : added(before, after, Problem.Severity.WARNING)) {   // written, but said
            err.println("cardminer edit: the edit adds " + CardFiles.oneLine(input.name() + ":" + p.located()));
        }
        twice.forEach(k -> err.println("cardminer edit: note: every copy of " + k + " by the edit"));
        for (String k : remove) {
            if (!before.metadata().has(k)) {   // otherwise an empty diff, with no word why
                err.println("cardminer edit: note: " + CardFiles.oneLine(k) + " is not in the metadata; nothing to remove");
            }
        }
        for (String key : ops.stream().filter(op -> !(op instanceof MetadataEdits.Remove)).map(MetadataEdits.Op::key)
                .distinct().toList()) {   // a key the Hub ignores, written as the user typed it: say which one it reads
            MetadataKeys.didYouMean(key).ifPresent(meant -> err.println("cardminer edit: note: " + CardFiles.oneLine(
                    "'" + key + "' is not a key the Hub reads; did you mean '" + meant + "'?")));
            int dot = key.indexOf('.');
            String head = dot > 0 ? key.substring(0, dot) : null;
            if (head != null && !before.metadata().has(key)
                    && (before.metadata().has(head) || MetadataKeys.kind(head) != MetadataKeys.Kind.UNKNOWN)) {
                // widget.text=x reads as a path into widget, but edit sets top-level keys: say what was written
                err.println("cardminer edit: note: " + CardFiles.oneLine("'" + key + "' is written as one top-level key,"
                        + " not into '" + head + "' (edit sets top-level keys: give --set " + head + "=... with its whole"
                        + " value)"));
            }
        }
        for (Problem p : new CardLinter().check(before)) {
            // licence: beside the license just set: the Hub reads one, the author sees two
            if (p.code().equals(ProblemCodes.MISSPELLED_KEY) && p.path() != null && !remove.contains(p.path())) {
                MetadataKeys.didYouMean(p.path()).filter(meant -> ops.stream().anyMatch(op -> op.key().equals(meant)))
                        .ifPresent(meant -> err.println("cardminer edit: note: " + CardFiles.oneLine(input.name() + ":"
                                + p.line() + ": the card also has '" + p.path() + "', which the Hub does not read as '"
                                + meant + "'; --remove " + p.path() + " drops it")));
            }
        }
        for (MetadataEdits.Op op : ops) {
            if (op instanceof MetadataEdits.Add a && !(before.metadata().get(a.key()) instanceof List<?>)
                    && before.metadata().get(a.key()) != null && !"".equals(before.metadata().get(a.key()))
                    && after.metadata().get(a.key()) instanceof List<?> now) {
                err.println("cardminer edit: note: " + CardFiles.oneLine(a.key() + " held one value ("
                        + before.metadata().get(a.key()) + "); it is now a list of " + now.size() + ": " + now));
            }
        }
        // bytes that are no UTF-8 (a Latin-1 é) are read as U+FFFD: written back so, the author's text would change on
        // lines no diff shows; the edit changes only the block, so what follows it is copied byte for byte instead
        Problem notUtf8 = before.problems().stream().filter(p -> p.code().equals(ProblemCodes.INVALID_UTF8)).findFirst()
                .orElse(null);
        byte[] written = notUtf8 == null ? outcome.text().getBytes(StandardCharsets.UTF_8)
                : withBytesKept(input.bytes(), before.text(), outcome.text());
        String diff = target == null ? UnifiedDiff.of(diffPath(input.name()), before.text(), outcome.text()) : null;
        if (notUtf8 != null && (written == null || diff != null && diff.indexOf('\uFFFD') >= 0)) {
            err.println("cardminer edit: refused, " + CardFiles.oneLine(input.name() + ":" + notUtf8.located()) + "; "
                    + (written == null ? "the edit would write U+FFFD in place of such bytes: save the card as UTF-8 first"
                    : "the diff would show U+FFFD in place of such bytes, which patch would not find: write the card with"
                    + " -o or --in-place (they keep its bytes), or save it as UTF-8 first"));
            err.flush();
            return 1;
        }
        if (outcome.text().equals(before.text()) && !ops.stream().allMatch(op -> op instanceof MetadataEdits.Remove)) {
            // an empty diff (or an unchanged file) otherwise looks like output gone elsewhere; removes said it above
            err.println("cardminer edit: note: nothing to change: " + CardFiles.oneLine(input.name())
                    + " already holds what was asked");
        }
        err.flush();
        if (target == null) {
            out.print(diff);
        } else if (!target.inPlace && target.output.toString().equals("-")) {
            // '-' is standard output, as '-' is standard input for FILE
            if (notUtf8 == null) {
                out.print(outcome.text());
            } else {
                out.flush();
                System.out.write(written);   // the card's own bytes, which the writer would re-encode
                System.out.flush();
            }
        } else {
            Path to = target.inPlace ? Path.of(file) : target.output;
            if (!outcome.text().equals(before.text()) || !target.inPlace) {
                try {
                    writeOver(to, written);
                } catch (FileSystemException e) {
                    // its file is the temporary one the write goes through: the user gave OUT and its folder
                    String why = e.getReason() == null && e instanceof NoSuchFileException ? "its folder does not exist"
                            : OneLineErrorHandler.reason(e);
                    throw new IOException("cannot write " + to + ": " + why, e);
                }
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The edited card's bytes with the original's kept where the texts begin and end alike: the original bytes of the
     * unchanged start and rest, U+FFFD-read bytes and all, and the changed middle in UTF-8. Null where the changed
     * middle itself holds bytes that are no UTF-8 (its text does not encode back to them).
     */
    static byte[] withBytesKept(byte[] original, String before, String after) {
        int pre = 0;
        int most = Math.min(before.length(), after.length());
        while (pre < most && before.charAt(pre) == after.charAt(pre)) {
            pre++;
        }
        while (pre > 0 && Character.isHighSurrogate(before.charAt(pre - 1))) {
            pre--;   // a pair is not split: its half alone does not encode
        }
        int same = 0;
        while (same < most - pre && before.charAt(before.length() - 1 - same) == after.charAt(after.length() - 1 - same)) {
            same++;
        }
        while (same > 0 && Character.isLowSurrogate(before.charAt(before.length() - same))) {
            same--;
        }
        int[] at = byteOffsets(original, pre, before.length() - same);
        if (at == null) {
            return null;
        }
        byte[] middle = before.substring(pre, before.length() - same).getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(middle, 0, middle.length, original, at[0], at[1])) {
            return null;
        }
        byte[] edited = after.substring(pre, after.length() - same).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[at[0] + edited.length + original.length - at[1]];
        System.arraycopy(original, 0, out, 0, at[0]);
        System.arraycopy(edited, 0, out, at[0], edited.length);
        System.arraycopy(original, at[1], out, at[0] + edited.length, original.length - at[1]);
        return out;
    }

    /**
     * Where the chars at {@code from} and {@code to} of the card's text begin in its bytes, decoded as the card was
     * read (a U+FFFD for each sequence that is no UTF-8); null where the bytes end first.
     */
    private static int[] byteOffsets(byte[] original, int from, int to) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(original);
        int[] targets = {from, to};
        int[] offsets = new int[2];
        int produced = 0;
        for (int k = 0; k < 2; k++) {
            while (produced < targets[k]) {
                CharBuffer out = CharBuffer.allocate(Math.min(targets[k] - produced, 8192));
                CoderResult r = decoder.decode(in, out, true);
                produced += out.position();
                if (r.isError() && produced < targets[k]) {
                    in.position(in.position() + r.length());
                    produced++;
                } else if (out.position() == 0 && !r.isError()) {
                    return null;   // the bytes ended, or a pair would be split (no room for both halves)
                } else if (r.isError()) {
                    break;
                }
            }
            offsets[k] = in.position();
        }
        return offsets;
    }

    /**
     * Writes the card to {@code to} through a temporary file in its folder and an atomic move, so that a reader never
     * sees half a card. A symbolic link (README.md pointing at docs/card.md) is followed: its target is written and the
     * link stays (the move replaced the link by a file). The file keeps its permissions; a new one gets those the
     * umask gives any new file (the temporary file's own, owner-only, were left on the card).
     */
    private static void writeOver(Path to, byte[] bytes) throws IOException {
        Path target = Files.exists(to) ? to.toRealPath() : to.toAbsolutePath();
        Set<PosixFilePermission> permissions = null;
        if (Files.exists(target)) {
            try {
                permissions = Files.getPosixFilePermissions(target);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the move keeps what it keeps
            }
        }
        Path tmp = null;
        for (int attempt = 0; tmp == null; attempt++) {
            Path candidate = target.resolveSibling(".cardminer-edit-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                if (permissions != null) {
                    // made with the card's own permissions (never wider: a private card's new text is private from
                    // the first byte), set exactly once made (creation applies the umask)
                    Files.createFile(candidate, PosixFilePermissions.asFileAttribute(permissions));
                    Files.setPosixFilePermissions(candidate, permissions);
                    Files.write(candidate, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                } else {
                    Files.write(candidate, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                tmp = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            } catch (IOException e) {
                Files.deleteIfExists(candidate);
                throw e;
            }
        }
        try {
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);   // gone after the move; left only when the move failed
        }
    }

    /**
     * The file's path in the diff header as {@code git diff} writes it: relative to the working directory when
     * the file is below it, else without the leading slash ({@code a//tmp/x.md} was taken by neither
     * {@code git apply} nor {@code patch -p1}); a Hub card's as {@code README.md}, its path in the model repo.
     */
    static String diffPath(String name) {
        if (name.startsWith("hub:")) {
            return "README.md";   // the file in a clone of the model repo, where the diff is applied
        }
        if (name.startsWith("<")) {
            return name;
        }
        try {
            Path file = Path.of(name);
            if (!file.isAbsolute()) {
                return name;
            }
            Path cwd = Path.of("").toAbsolutePath();
            Path shown = file.normalize().startsWith(cwd) ? cwd.relativize(file.normalize()) : file.getRoot().relativize(file);
            return shown.toString().replace('\\', '/');
        } catch (java.nio.file.InvalidPathException e) {
            return name;
        }
    }

    /** Errors of the edited card that the original did not have (compared by code and message). */
    static List<Problem> added(ModelCard before, ModelCard after, Problem.Severity severity) {
        List<String> had = before.problems().stream().filter(p -> p.severity() == severity)
                .map(p -> p.code() + '\u0000' + p.message()).toList();
        return after.problems().stream().filter(p -> p.severity() == severity)
                .filter(p -> !had.contains(p.code() + '\u0000' + p.message())).toList();
    }
}
