package dev.cardminer.bench;

import dev.cardminer.classify.CardText;
import dev.cardminer.classify.Classification;
import dev.cardminer.classify.Classifier;
import dev.cardminer.classify.EmbeddingClassifier;
import dev.cardminer.classify.EnsembleClassifier;
import dev.cardminer.classify.LabelSet;
import dev.cardminer.classify.RuleClassifier;
import dev.cardminer.classify.embedding.MiniLmEmbedder;
import dev.cardminer.core.ModelCard;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.SourceCard;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench classify}: the speed of each classification method on the first cards of a Parquet file in
 * the Hub dataset schema, for the pipeline_tag label set. Cards are parsed into {@link CardText} before the
 * clock starts; the embedding model is loaded once (its load time is printed on a line of its own) and
 * shared by the embedding and ensemble runs. Per method one line: cards, wall seconds, process CPU seconds
 * (ONNX Runtime's threads included), cards/s, cards per CPU second and the peak heap during that method.
 */
@Command(name = "classify", mixinStandardHelpOptions = true, description = {
        "Classification speed per method (pipeline_tag) on the first --cards cards of hub-2023.parquet.",
        "Prints per method: <method>: <cards> cards <wall> s wall <cpu> CPU-s <cards/s> cards/s "
                + "<cards/CPU-s> cards/CPU-s peak-heap <MiB> MiB labelled <share>."})
public final class ClassifyBench implements Callable<Integer> {

    private static final List<String> METHODS = List.of("rules", "embedding", "ensemble");

    @Option(names = "--cards", paramLabel = "N", defaultValue = "2000", description = "Cards to classify (default: ${DEFAULT-VALUE}).")
    int cards;

    @Option(names = "--methods", split = ",", paramLabel = "M", defaultValue = "rules,embedding,ensemble",
            description = "Methods to measure, in order: rules, embedding, ensemble (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--parquet", paramLabel = "FILE",
            description = "The cards (default: <cardminer.shared or ../shared>/corpus/hub-2023.parquet).")
    Path parquet;

    @Option(names = "--embedding-tokens", paramLabel = "N", defaultValue = "64",
            description = "The embedding model's window in word pieces, as classify's option (default: ${DEFAULT-VALUE}).")
    int embeddingTokens;

    @Spec
    CommandSpec spec;

    /** Runs {@code bench classify} alone and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ClassifyBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String m : methods) {
            if (!METHODS.contains(m)) {
                err.println("bench classify: unknown method " + m + " (rules, embedding, ensemble)");
                return 2;
            }
        }
        if (cards < 1) {
            err.println("bench classify: --cards must be at least 1");
            return 2;
        }
        Path source = parquet != null ? parquet
                : Path.of(System.getProperty("cardminer.shared", "../shared"), "corpus", "hub-2023.parquet");
        if (!Files.isRegularFile(source)) {
            err.println("bench classify: " + source + " not found (give --parquet FILE)");
            return 2;
        }
        LabelSet labels = LabelSet.builtIn("pipeline_tag").orElseThrow();
        List<CardText> texts = read(source, labels);
        out.printf("bench classify: %d cards of %s, label set pipeline_tag (%d labels), %d cores, max heap %d MiB%n",
                texts.size(), source.getFileName(), labels.labels().size(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        MiniLmEmbedder embedder = null;
        try {
            if (methods.contains("embedding") || methods.contains("ensemble")) {
                Measure load = Measure.start();
                embedder = MiniLmEmbedder.load(embeddingTokens);
                Measure.Figures f = load.stop();
                out.printf("embedding model load: %.2f s wall %.2f CPU-s peak-heap %d MiB (once, shared by embedding and ensemble)%n",
                        f.wallSeconds(), f.cpuSeconds(), f.peakHeapMiB());
                out.flush();
            }
            for (String m : methods) {
                Classifier classifier = switch (m) {
                    case "rules" -> new RuleClassifier();
                    case "embedding" -> new EmbeddingClassifier(embedder);
                    default -> new EnsembleClassifier(List.of(new RuleClassifier(), new EmbeddingClassifier(embedder)));
                };
                Measure measure = Measure.start();
                List<Classification> results = classifier.classify(texts, labels, false);
                Measure.Figures f = measure.stop();
                long labelled = results.stream().filter(c -> !c.abstained()).count();
                out.printf("%s: %d cards %.2f s wall %.2f CPU-s %.1f cards/s %.1f cards/CPU-s peak-heap %d MiB labelled %.3f%n",
                        m, texts.size(), f.wallSeconds(), f.cpuSeconds(), texts.size() / f.wallSeconds(),
                        texts.size() / Math.max(f.cpuSeconds(), 1e-9), f.peakHeapMiB(), (double) labelled / texts.size());
                out.flush();
            }
        } finally {
            if (embedder != null) {
                embedder.close();
            }
        }
        out.println("  (cards parsed before timing; CPU-s: the whole process, ONNX Runtime and GC threads included; "
                + "ensemble = rules + embedding run afresh, then combined with the bundled weights)");
        out.flush();
        return 0;
    }

    /** The first {@code cards} readable cards, parsed and shown to the classifier as classify does (pipeline_tag hidden). */
    private List<CardText> read(Path source, LabelSet labels) throws Exception {
        List<CardText> texts = new ArrayList<>();
        try (CardSource in = CardSources.parquet(source)) {
            for (SourceCard sc; texts.size() < cards && (sc = in.next()) != null; ) {
                if (sc.failure() == null) {
                    ModelCard card = sc.text() != null ? ModelCard.parse(sc.id(), sc.text()) : ModelCard.parse(sc.id(), sc.utf8());
                    texts.add(CardText.of(card, labels));
                }
            }
        }
        return texts;
    }

    /** Wall time, process CPU time and peak heap between start and stop. */
    private record Measure(long wall0, long cpu0) {

        record Figures(double wallSeconds, double cpuSeconds, long peakHeapMiB) {
        }

        static Measure start() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            return new Measure(System.nanoTime(), cpu());
        }

        Figures stop() {
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (cpu() - cpu0) / 1e9;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return new Figures(wall, cpu, peak >> 20);
        }

        private static long cpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }
    }
}
