package dev.cardminer.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.concepts.AnnotationPhase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
 * {@code bench analyze}: the end-to-end ingestion speed on real cards. Replicates the cards of the shared
 * Parquet corpus (with distinct ids) to the requested count, streams them through {@link Analyzer} into a
 * fresh temporary store and prints one line with the throughput and the peak heap. The annotation phase
 * is not part of this figure; with {@code --annotator rules} it runs afterwards, as in {@code analyze}, and a
 * second line gives the figure for both.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = {
        "End-to-end analyze throughput: real cards of hub-2023.parquet replicated to --cards, into a fresh store.",
        "Prints: analyze: <cards> cards <MB> MB <seconds> s <MB/s> MB/s peak-heap <MiB> MiB (annotation phase off)."})
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

    @Option(names = "--stages", description = "Also print the time per pipeline stage.")
    boolean stages;

    @Option(names = "--annotator", paramLabel = "rules|none", defaultValue = "none",
            description = "Also run the annotation phase as `analyze` does (sentence split, then rules) and print a "
                    + "second line for ingestion plus annotation (default: ${DEFAULT-VALUE}).")
    String annotator;

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
        Path store = db != null ? db : Files.createTempFile("cardminer-bench-", ".duckdb");
        if (db == null) {
            Files.delete(store);
        }
        Analyzer.Builder builder = Analyzer.Config.builder(store).progress(ProgressOutput.auto(err));
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
        AtomicLong liveAfterGc = new AtomicLong();
        List<Runnable> unregister = watchHeapAfterGc(liveAfterGc);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        if (!annotator.equals("none") && !annotator.equals("rules")) {
            err.println("bench analyze: --annotator must be rules or none");
            return 2;
        }
        Analyzer.Result result;
        long annotateNanos = 0;
        long splitNanos = 0;
        long sentences = 0;
        long annotations = 0;
        try (CyclingCardSource cycling = new CyclingCardSource(source, cards);
             CardStore opened = CardStore.open(store)) {
            result = new Analyzer(config).run(cycling, opened);
            if (annotator.equals("rules")) {
                long t0 = System.nanoTime();
                AnnotationPhase phase = new AnnotationPhase(opened.connection(), 2000);
                sentences = phase.ensureSentences();
                long t1 = System.nanoTime();
                AnnotationPhase.Result annotated = phase.run(new RuleAnnotator(phase.knownNames()),
                        new PrintWriter(OutputStream.nullOutputStream()));
                annotations = annotated.annotations();
                annotateNanos = System.nanoTime() - t0;
                splitNanos = t1 - t0;
            }
        } finally {
            unregister.forEach(Runnable::run);
            if (db == null) {
                deleteStore(store);
            }
        }
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        double seconds = result.elapsed().toNanos() / 1e9;
        double mb = result.bytes() / 1e6;
        long analysed = result.written() + result.skipped();
        out.printf("analyze: %d cards %.1f MB %.1f s %.1f MB/s peak-heap %d MiB%n", analysed, mb, seconds, mb / seconds,
                peakHeap >> 20);
        if (annotateNanos > 0) {
            double total = seconds + annotateNanos / 1e9;
            out.printf("analyze+annotate(rules): %d cards %.1f MB %.1f s %.1f MB/s peak-heap %d MiB%n", analysed, mb,
                    total, mb / total, peakHeap >> 20);
            out.printf("  (annotation phase: %,d sentences split in %.1f s, %,d annotations in %.1f s)%n", sentences,
                    splitNanos / 1e9, annotations, (annotateNanos - splitNanos) / 1e9);
        }
        out.printf("  (%d parser threads, %d cores, max heap %d MiB, live heap after GC at most %d MiB, "
                        + "first line: ingestion only, annotation phase off)%n", config.threads(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                liveAfterGc.get() >> 20);
        if (stages) {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                out.printf("  %-34s %,8d ms%n", "cpu: whole process", (os.getProcessCpuTime() - cpu0) / 1_000_000);
            }
            for (Map.Entry<String, Long> e : result.stageMillis().entrySet()) {
                out.printf("  %-34s %,8d ms%n", e.getKey(), e.getValue());
            }
        }
        out.flush();
        return 0;
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
