package dev.cardminer.bench;

import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.ModelCard;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.testkit.CardShapes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench shapes}: the cost of one synthetic card of each {@link CardShapes} shape at a given size,
 * through the parse alone and through {@code analyze} (ingestion into a fresh store, then the sentence
 * split and the rules annotation), one shape after another in this JVM; or, with {@code --write}, the
 * folder of shape cards (optionally with the corpus) that {@code analyze} is timed on by hand.
 */
@Command(name = "shapes", mixinStandardHelpOptions = true, description = {
        "Per-shape cost of synthetic cards (testkit's CardShapes) at --size: parse and analyze (split + rules).",
        "Prints one row per shape: wall, CPU seconds and peak heap of the parse and of analyze.",
        "With --write DIR: writes the shape cards (and with --with-corpus the corpus cards) into DIR instead."})
public final class ShapesBench implements Callable<Integer> {

    /** The 15 shapes of issue 8's findings, the default of {@code --write}. */
    static final List<String> ISSUE_SHAPES = List.of("digit-lines", "table", "pipe-rows", "utf16-bom",
            "heading-levels", "setext-headings", "autolink-open", "html-open", "empty-headings", "model-index",
            "yaml-list-no", "yaml-numbers", "yaml-complex-keys", "nested-lists", "nested-quotes");

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "1MB",
            description = "Card size: bytes, or with KB/MB (10^3, 10^6) or KiB/MiB (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--shapes", paramLabel = "NAMES", split = ",",
            description = "Shapes by name, or `issue` for issue 8's 15, or `all` (default: all to measure, issue to write).")
    List<String> shapes;

    @Option(names = "--parts", paramLabel = "PARTS", split = ",", defaultValue = "parse,analyze",
            description = "What to measure: parse, split (the sentence split of the parsed card alone), analyze "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> parts;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Measure each shape N times and print the fastest (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--write", paramLabel = "DIR", description = "Write the shape cards into DIR (one <shape>.md each) and stop.")
    Path write;

    @Option(names = "--with-corpus", paramLabel = "DIR", arity = "0..1",
            fallbackValue = "", description = "With --write: also copy the Markdown cards of DIR (default: "
                    + "<cardminer.shared or ../shared>/corpus/cards) into DIR/corpus.")
    String withCorpus;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bytes;
        List<CardShapes.Shape> selected;
        try {
            bytes = parseSize(size);
            selected = select(shapes == null ? List.of(write != null ? "issue" : "all") : shapes);
        } catch (IllegalArgumentException e) {
            err.println("bench shapes: " + e.getMessage());
            return 2;
        }
        if (write != null) {
            return write(selected, bytes, out, err);
        }
        for (String part : parts) {
            if (!part.equals("parse") && !part.equals("split") && !part.equals("analyze")) {
                err.println("bench shapes: --parts takes parse, split and analyze, not " + part);
                return 2;
            }
        }
        boolean parse = parts.contains("parse");
        boolean split = parts.contains("split");
        boolean analyze = parts.contains("analyze");
        out.printf(Locale.ROOT, "shapes: %d shapes, %,d bytes each; %d cores, max heap %d MiB, load average %.1f%n",
                selected.size(), bytes, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf("%-20s %s%s%s%n", "shape", parse ? "parse: wall s  CPU s  heap MiB  problems | " : "",
                split ? "split: wall s  CPU s  heap MiB  sentences | " : "",
                analyze ? "analyze: wall s  CPU s  heap MiB  sentences" : "");
        out.flush();
        Path scratch = Files.createTempDirectory("cardminer-shapes-");
        try {
            for (CardShapes.Shape shape : selected) {
                byte[] card = shape.bytes(bytes);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s", shape.name()));
                if (parse) {
                    Measured m = best(() -> {
                        ModelCard parsed = ModelCard.parse(shape.name(), card);
                        return parsed.problems().size();
                    });
                    row.append(m.format("problems")).append(split || analyze ? " |" : "");
                }
                if (split) {
                    ModelCard parsed = ModelCard.parse(shape.name(), card);
                    SentenceSplitter splitter = SentenceSplitter.markdown();
                    Measured m = best(() -> splitter.split(parsed).size());
                    row.append(m.format("sentences")).append(analyze ? " |" : "");
                }
                if (analyze) {
                    Path file = scratch.resolve(shape.name() + ".md");
                    Files.write(file, card);
                    Path db = scratch.resolve(shape.name() + ".duckdb");
                    Measured m = best(() -> {
                        Files.deleteIfExists(db);
                        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
                        return analyze(file, db);
                    });
                    row.append(m.format("sentences"));
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(db);
                    Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
                }
                out.println(row);
                out.flush();
            }
        } finally {
            deleteTree(scratch);
        }
        out.println("(wall and CPU: the whole process's, one shape at a time; heap: the heap pools' peak, reset"
                + " after a System.gc() before each; OOM: OutOfMemoryError)");
        out.flush();
        return 0;
    }

    private interface Work {
        long run() throws Exception;
    }

    /** One measurement: wall and process CPU seconds, peak heap, a count; or the error that ended it. */
    private record Measured(double wall, double cpu, long heapMiB, long count, String failure) {
        String format(String what) {
            if (failure != null) {
                return String.format(Locale.ROOT, " %-40s", failure);
            }
            return String.format(Locale.ROOT, " %7.2f %7.2f %8d  %,9d", wall, cpu, heapMiB, count);
        }
    }

    private Measured best(Work work) {
        Measured best = null;
        for (int i = 0; i < Math.max(1, repeat); i++) {
            Measured m = measure(work);
            if (m.failure != null) {
                return m;
            }
            if (best == null || m.wall < best.wall) {
                best = m;
            }
        }
        return best;
    }

    private static Measured measure(Work work) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = processCpu();
        long t0 = System.nanoTime();
        long count;
        String failure = null;
        try {
            count = work.run();
        } catch (OutOfMemoryError e) {
            count = -1;
            failure = "OOM";
        } catch (Exception e) {
            count = -1;
            failure = "failed: " + e;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpu() - cpu0) / 1e9;
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new Measured(wall, cpu, heap >> 20, count, failure);
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** {@code analyze FILE --db DB} with the rules annotator, as the command runs it; the sentence count. */
    private static long analyze(Path file, Path db) throws Exception {
        Analyzer.Config config = Analyzer.Config.builder(db).progress(ProgressOutput.none())
                .annotators(ConceptAnnotation.Annotators.RULES).build();
        try (CardSource cards = CardSources.markdown(file); CardStore store = CardStore.open(db)) {
            Analyzer analyzer = new Analyzer(config);
            analyzer.keepRunSettings(store);  // as analyze does: its annotation phase has the run's settings
            Analyzer.Result result = analyzer.run(cards, store);
            new ConceptAnnotation(new ConceptAnnotation.Settings(ConceptAnnotation.Annotators.RULES, null, 2000))
                    .run(store.connection(), new PrintWriter(OutputStream.nullOutputStream()));
            Analyzer.finish(store, result);
            try (var st = store.connection().createStatement(); var rs = st.executeQuery("SELECT count(*) FROM sentences")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private int write(List<CardShapes.Shape> selected, int bytes, PrintWriter out, PrintWriter err) throws IOException {
        Files.createDirectories(write);
        for (CardShapes.Shape shape : selected) {
            Files.write(write.resolve(shape.name() + ".md"), shape.bytes(bytes));
        }
        int copied = 0;
        if (withCorpus != null) {
            Path corpus = withCorpus.isEmpty()
                    ? Path.of(System.getProperty("cardminer.shared", "../shared"), "corpus", "cards") : Path.of(withCorpus);
            if (!Files.isDirectory(corpus)) {
                err.println("bench shapes: " + corpus + " is not a folder");
                return 2;
            }
            copied = copyMarkdown(corpus, write.resolve("corpus"));
        }
        out.printf("shapes: wrote %d shape cards of %,d bytes%s into %s%n", selected.size(), bytes,
                withCorpus != null ? " and " + copied + " corpus cards" : "", write);
        out.flush();
        return 0;
    }

    private static int copyMarkdown(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md")).toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return files.size();
    }

    static List<CardShapes.Shape> select(List<String> names) {
        List<CardShapes.Shape> out = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "all" -> out.addAll(CardShapes.all());
                case "issue" -> ISSUE_SHAPES.forEach(n -> out.add(CardShapes.named(n)));
                default -> out.add(CardShapes.named(name));
            }
        }
        return out;
    }

    /** {@code 30MB}, {@code 512KiB}, {@code 1000}. */
    static int parseSize(String s) {
        String t = s.strip();
        long unit = 1;
        String[][] units = {{"KiB", "1024"}, {"MiB", "1048576"}, {"KB", "1000"}, {"MB", "1000000"}, {"K", "1000"},
                {"M", "1000000"}};
        for (String[] u : units) {
            if (t.regionMatches(true, t.length() - u[0].length(), u[0], 0, u[0].length())) {
                unit = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length()).strip();
                break;
            }
        }
        long n;
        try {
            n = Math.round(Double.parseDouble(t) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size: not a size: " + s);
        }
        if (n < 64 || n > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("--size: out of range: " + s);
        }
        return (int) n;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
