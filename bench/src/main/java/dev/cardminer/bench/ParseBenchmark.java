package dev.cardminer.bench;

import dev.cardminer.core.CardParser;
import dev.cardminer.core.CardParser.BuiltIn;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse throughput over a corpus of real cards. One operation parses every card of the corpus once,
 * on one thread, so {@code ops/s × corpus MB} is the throughput in MB/s per core.
 *
 * <p>{@code part} selects what is measured, all through the public {@link CardParser} API:
 * {@code card} is the default parser, the whole thing (metadata block, YAML, Markdown, sections,
 * links); {@code metadata} is a parser with the body's built-ins off (split and YAML/metadata only);
 * {@code body} is a parser with the metadata built-ins off, on the bodies alone (Markdown, sections,
 * placeholders, completeness, links); {@code markdown} is a full CommonMark parse of the bodies
 * (inlines and GFM tables included), for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class ParseBenchmark {

    /** The Parquet file whose cards are parsed. */
    @Param("../shared/corpus/hub-2023.parquet")
    public String parquet;

    /** What is parsed: {@code card}, {@code metadata}, {@code body} or {@code markdown} (see the class comment). */
    @Param({"card"})
    public String part;

    private List<String> cards;
    private double megabytes;
    private List<String> bodies;
    private final CardParser cardParser = CardParser.builder().build();
    private final CardParser metadataParser = CardParser.builder().disable(BuiltIn.SECTIONS, BuiltIn.LINKS).build();
    private final CardParser bodyParser = CardParser.builder()
            .disable(BuiltIn.METADATA_VALIDATION, BuiltIn.MODEL_INDEX).build();
    private final Parser markdownParser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /** Reads the cards, and their bodies for the body-only parts. */
    @Setup(Level.Trial)
    public void load() throws Exception {
        Corpus corpus = Corpus.load(Path.of(parquet));
        cards = corpus.cards();
        megabytes = corpus.megabytes();
        bodies = new ArrayList<>(cards.size());
        for (String card : cards) {
            bodies.add(metadataParser.parse("", card).body());
        }
    }

    /**
     * Thread CPU time next to JMH's wall-clock score: on a shared machine the wall clock also counts
     * time the benchmark thread waited for a core, the CPU time does not.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        /** CPU seconds the benchmark thread spent in the iteration's operations. */
        public double cpuSeconds;
        /** Megabytes (UTF-8) parsed in the iteration. */
        public double megabytes;

        /** Zeroes the counters for the next iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            cpuSeconds = 0;
            megabytes = 0;
        }
    }

    /** Parses every card once (the chosen part), counting the thread's CPU time and the megabytes. */
    @Benchmark
    public void parseCorpus(Blackhole sink, CpuTime cpu) {
        long start = cpu.threads.getCurrentThreadCpuTime();
        parseAll(sink);
        cpu.cpuSeconds += (cpu.threads.getCurrentThreadCpuTime() - start) / 1e9;
        cpu.megabytes += megabytes;
    }

    private void parseAll(Blackhole sink) {
        switch (part) {
            case "card" -> {
                for (String card : cards) {
                    sink.consume(cardParser.parse("", card));
                }
            }
            case "metadata" -> {
                for (String card : cards) {
                    sink.consume(metadataParser.parse("", card));
                }
            }
            case "body" -> {
                for (String body : bodies) {
                    sink.consume(bodyParser.parse("", body));
                }
            }
            case "markdown" -> {
                for (String body : bodies) {
                    sink.consume(markdownParser.parse(body));
                }
            }
            default -> throw new IllegalArgumentException("unknown part " + part);
        }
    }
}
