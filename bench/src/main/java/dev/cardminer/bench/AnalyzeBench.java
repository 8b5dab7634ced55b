package dev.cardminer.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.SourceCard;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench analyze}: the main job's speed on real cards. Replicates the cards of the shared Parquet corpus
 * (with distinct ids) to the requested count, streams them through {@link Analyzer} into a fresh temporary
 * store with the default annotation (rules, in one pass) as {@code analyze} does, and prints MB/s, cards/s,
 * CPU-seconds per stage and the peak heap. Then, when a Python with {@code huggingface_hub} is at hand, it
 * times what the Hub's Python client does to read the metadata of the very same cards (its block regex and
 * {@code yaml.safe_load}, one core) and prints the ratio; without one it says so in one line.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = {
        "The main job's throughput: real cards of hub-2023.parquet replicated to --cards, into a fresh store, "
                + "with the rules annotation (as `analyze` runs it), side by side with the Hub's Python client's "
                + "split + YAML on the same cards when huggingface_hub is importable.",
        "Prints: analyze: <cards> cards <MB> MB <seconds> s <MB/s> MB/s <cards/s> cards/s peak-heap <MiB> MiB "
                + "cpu <s> s, then CPU-seconds per stage, then the Python client's line and the ratio."})
public final class AnalyzeBench implements Callable<Integer> {

    @Option(names = "--cards", paramLabel = "N", defaultValue = "100000", description = "Cards to analyse (default: ${DEFAULT-VALUE}).")
    long cards;

    @Option(names = "--parquet", paramLabel = "FILE",
            description = "The real cards to replicate (default: <cardminer.shared or ../shared>/corpus/hub-2023.parquet).")
    Path parquet;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "Parser threads (default: all cores).")
    Integer threads;

    @Option(names = "--db", paramLabel = "FILE", description = "Store file (default: a temporary file, deleted afterwards).")
    Path db;

    @Option(names = "--batch-size", paramLabel = "N", description = "Cards per transaction (default: the Analyzer's).")
    Integer batchCards;

    @Option(names = "--batch-mb", paramLabel = "MB", description = "Card megabytes per transaction (default: the Analyzer's).")
    Integer batchMb;

    @Option(names = "--stages", description = "Also print the pipeline's whole profile (wall times inside each stage).")
    boolean stages;

    @Option(names = "--annotator", paramLabel = "rules|none", defaultValue = "rules",
            description = "rules (default, as `analyze` runs): sentences split and annotated in one pass with "
                    + "ingestion; none: ingestion alone.")
    String annotator;

    @Option(names = "--two-phase", description = "With rules: annotate as cardminer did before one pass (ingestion, "
            + "then a phase that splits the stored bodies and annotates the stored sentences), to compare.")
    boolean twoPhase;

    @Option(names = "--python-exe", paramLabel = "EXE", defaultValue = "python3",
            description = "The Python whose huggingface_hub is timed on the same cards (default: ${DEFAULT-VALUE}).")
    String pythonExe;

    @Option(names = "--no-python", description = "Do not time the Python client.")
    boolean noPython;

    @Spec
    CommandSpec spec;

    /** Runs the benchmark on its own ({@code java -cp ... dev.cardminer.bench.AnalyzeBench --cards N}). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new AnalyzeBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path source = parquet != null ? parquet
                : Path.of(System.getProperty("cardminer.shared", "../shared"), "corpus", "hub-2023.parquet");
        if (!Files.isRegularFile(source)) {
            err.println("bench analyze: " + source + " not found (give --parquet FILE)");
            return 2;
        }
        ConceptAnnotation.Annotators which = ConceptAnnotation.Annotators.parse(annotator).orElse(null);
        if (which != ConceptAnnotation.Annotators.RULES && which != ConceptAnnotation.Annotators.NONE) {
            err.println("bench analyze: --annotator must be rules or none");
            return 2;
        }
        Path store = db != null ? db : Files.createTempFile("cardminer-bench-", ".duckdb");
        if (db == null) {
            Files.delete(store);
        }
        Analyzer.Builder builder = Analyzer.Config.builder(store).progress(ProgressOutput.auto(err))
                .annotators(twoPhase ? ConceptAnnotation.Annotators.NONE : which);
        if (threads != null) {
            builder.threads(threads);
        }
        if (batchCards != null) {
            builder.batchCards(batchCards);
        }
        if (batchMb != null) {
            builder.batchBytes(batchMb * 1_000_000L);
        }
        Analyzer.Config config = builder.build();
        String mode = which == ConceptAnnotation.Annotators.NONE ? "none (ingestion alone)"
                : twoPhase ? "rules, two phases (as before one pass)" : "rules, one pass (as analyze runs)";
        out.printf("bench analyze: %,d cards of %s (cycled), annotator %s, %d parser threads, %d cores, max heap %d MiB%n",
                cards, source.getFileName(), mode, config.threads(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        AtomicLong liveAfterGc = new AtomicLong();
        List<Runnable> unregister = watchHeapAfterGc(liveAfterGc);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = processCpu();
        long jit0 = jitMillis();
        long gc0 = gcMillis();
        Analyzer.Result result;
        long phaseNanos = 0;
        long phaseCpu = 0;
        long t0 = System.nanoTime();
        try (CyclingCardSource cycling = new CyclingCardSource(source, cards);
             CardStore opened = CardStore.open(store)) {
            Analyzer analyzer = new Analyzer(config);
            analyzer.keepRunSettings(opened);  // as analyze does: its annotation phase has the run's settings
            result = analyzer.run(cycling, opened);
            long p0 = System.nanoTime();
            long pc0 = processCpu();
            // What analyze does next: the annotation phase (with one pass, only its check that nothing is left).
            new ConceptAnnotation(new ConceptAnnotation.Settings(which, null, 2000))
                    .run(opened.connection(), new PrintWriter(OutputStream.nullOutputStream()));
            phaseNanos = System.nanoTime() - p0;
            phaseCpu = processCpu() - pc0;
            Analyzer.finish(opened, result);
        } finally {
            unregister.forEach(Runnable::run);
            if (db == null) {
                deleteStore(store);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpu() - cpu0) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        double mb = result.bytes() / 1e6;
        long analysed = result.written() + result.skipped();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("analyze: %d cards %.1f MB %.1f s %.1f MB/s %.0f cards/s peak-heap %d MiB cpu %.1f s (%.0f%% of %d cores)%n",
                analysed, mb, seconds, mb / seconds, analysed / seconds, peakHeap >> 20, cpu, 100 * cpu / seconds / cores,
                cores);
        out.printf("  wall: ingestion %.1f s, annotation phase %.1f s (live heap after GC at most %d MiB; "
                + "JVM start not included: add it for ./cardminer analyze)%n", result.elapsed().toNanos() / 1e9,
                phaseNanos / 1e9, liveAfterGc.get() >> 20);
        Analyzer.Stages st = result.stages();
        double parser = seconds(st.parserCpu());
        double split = seconds(st.splitCpu());
        double rules = seconds(st.annotateCpu());
        double reader = seconds(st.readerCpu());
        double writer = seconds(st.writerCpu());
        double revision = seconds(st.revisionCpu());
        out.println("  CPU-seconds per stage:");
        out.printf("    %-44s %7.1f%n", "reader (Parquet, ids, budget)", reader);
        out.printf("    %-44s %7.1f%n", "parsers (all threads, their writing aside)", parser);
        out.printf("    %-44s %7.1f%n", "  parse card, lay out rows, hash", parser - split - rules);
        out.printf("    %-44s %7.1f%n", "  split sentences", split);
        out.printf("    %-44s %7.1f%n", "  annotate (rules)", rules);
        out.printf("    %-44s %7.1f%n", "writing (appenders, commits; in the parsers)", writer);
        out.printf("    %-44s %7.1f%n", "known-names revision (process, with DuckDB's)", revision);
        out.printf("    %-44s %7.1f%n", "annotation phase (process, with DuckDB's)", phaseCpu / 1e9);
        out.printf("    %-44s %7.1f%n", "rest: DuckDB's threads, checkpoint, GC, JIT",
                cpu - (reader + parser + writer + revision) - phaseCpu / 1e9);
        out.printf("    %-44s %7.1f%n", "  of which JIT compiling (wall, summed)", (jitMillis() - jit0) / 1e3);
        out.printf("    %-44s %7.1f%n", "  of which GC (wall, summed)", (gcMillis() - gc0) / 1e3);
        if (stages) {
            for (Map.Entry<String, Long> e : st.millis().entrySet()) {
                out.printf("  %-34s %,8d%s%n", e.getKey(), e.getValue(), e.getKey().startsWith("  ") ? "" : " ms");
            }
        }
        out.flush();
        if (noPython) {
            out.println("python: not timed (--no-python)");
        } else {
            PythonTiming python = timePython(source, err);
            if (python == null) {
                out.println("python: skipped: " + pythonExe + " cannot import huggingface_hub (give --python-exe, "
                        + "or pip install huggingface_hub)");
            } else {
                double pyMb = python.bytes / 1e6;
                out.printf("python: huggingface_hub %s (PyYAML %s, Python %s), REGEX_YAML_BLOCK + yaml.safe_load, "
                                + "1 core: %d cards %.1f MB %.1f s %.1f MB/s %.0f cards/s cpu %.1f s, %d blocks it cannot read%n",
                        python.hubVersion, python.yamlVersion, python.pythonVersion, python.cards, pyMb, python.wall,
                        pyMb / python.wall, python.cards / python.wall, python.cpu, python.errors);
                out.printf("ratio: cardminer (%s, all cores) / Python client (split + YAML, one core): %.1fx "
                        + "(MB/s %.1f / %.1f)%n", mode, (mb / seconds) / (pyMb / python.wall), mb / seconds,
                        pyMb / python.wall);
                // On a shared machine the wall clock counts waiting for a core; CPU time is what each needed.
                out.printf("ratio per CPU-second: %.2fx (MB per CPU-second %.2f / %.2f; with %d cores free the "
                        + "wall ratio is at most %d times this)%n", (mb / cpu) / (pyMb / python.cpu), mb / cpu,
                        pyMb / python.cpu, cores, cores);
            }
        }
        out.flush();
        return 0;
    }

    private record PythonTiming(long cards, long bytes, double wall, double cpu, long errors, String hubVersion,
                                String yamlVersion, String pythonVersion) {
    }

    /** The Python client on the same cards, or null when it cannot be imported. */
    private PythonTiming timePython(Path source, PrintWriter err) throws IOException, InterruptedException {
        try {
            Process probe = new ProcessBuilder(pythonExe, "-c", "import huggingface_hub.repocard")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                probe.destroyForcibly();
                return null;
            }
        } catch (IOException noSuchProgram) {
            return null;
        }
        Path dir = Files.createTempDirectory("cardminer-bench-python-");
        try {
            Path jsonl = dir.resolve("cards.jsonl");
            Path script = dir.resolve("hub_split_yaml.py");
            try (InputStream in = AnalyzeBench.class.getResourceAsStream("hub_split_yaml.py")) {
                Files.copy(in, script);
            }
            JsonFactory factory = new JsonFactory();
            try (CyclingCardSource cycling = new CyclingCardSource(source, cards);
                 Writer w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8);
                 JsonGenerator g = factory.createGenerator(w)) {
                g.setRootValueSeparator(new SerializedString("\n"));
                for (SourceCard card = cycling.next(); card != null; card = cycling.next()) {
                    g.writeStartObject();
                    g.writeStringField("card", card.text() != null ? card.text()
                            : new String(card.bytes(), StandardCharsets.UTF_8));
                    g.writeEndObject();
                }
            }
            err.println("bench analyze: timing the Python client on the same cards...");
            err.flush();
            Process p = new ProcessBuilder(pythonExe, script.toString(), jsonl.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || line.isEmpty()) {
                err.println("bench analyze: the Python client's timing failed (exit " + p.exitValue() + ")");
                return null;
            }
            JsonNode r = new ObjectMapper().readTree(line);
            return new PythonTiming(r.get("cards").asLong(), r.get("bytes").asLong(), r.get("wall").asDouble(),
                    r.get("cpu").asDouble(), r.get("errors").asLong(), r.get("huggingface_hub").asText(),
                    r.get("pyyaml").asText(), r.get("python").asText());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** Records the largest heap in use right after a collection: the live set, what a run really needs. */
    private static List<Runnable> watchHeapAfterGc(AtomicLong max) {
        List<Runnable> unregister = new ArrayList<>();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                NotificationListener listener = (Notification n, Object handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> u : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(u.getKey())) {
                            used += u.getValue().getUsed();
                        }
                    }
                    max.accumulateAndGet(used, Math::max);
                };
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // the JVM is done with it
                    }
                });
            }
        }
        return unregister;
    }

    private static void deleteStore(Path store) throws IOException {
        Files.deleteIfExists(store);
        Files.deleteIfExists(store.resolveSibling(store.getFileName() + ".wal"));
    }
}
