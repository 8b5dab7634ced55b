package dev.cardminer.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench parse}: runs {@link ParseBenchmark} with JMH and prints MB/s per core. */
@Command(name = "parse",
        mixinStandardHelpOptions = true,
        description = {
                "Parse throughput (the default CardParser: YAML, Markdown, sections, links) on one thread over the cards "
                        + "of a Parquet file, with JMH. Prints MB/s per core.",
                "Parts: card (the whole parse), metadata (without the body analysis), body (the body analysis alone), "
                        + "markdown (a full CommonMark parse of the bodies)."})
public final class ParseBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--parquet", description = "Parquet file with a 'card' column (default: ${DEFAULT-VALUE})")
    Path parquet = Path.of("../shared/corpus/hub-2023.parquet");

    @Option(names = "--forks", description = "JMH forks; 0 runs in this JVM (default: ${DEFAULT-VALUE})")
    int forks = 1;

    @Option(names = "--warmup", description = "warm-up iterations (default: ${DEFAULT-VALUE})")
    int warmup = 3;

    @Option(names = "--iterations", description = "measured iterations (default: ${DEFAULT-VALUE})")
    int iterations = 5;

    @Option(names = "--time", description = "seconds per iteration (default: ${DEFAULT-VALUE})")
    int seconds = 10;

    @Option(names = "--parts", split = ",", description = "what to measure: card, metadata, body, markdown (default: card)")
    List<String> parts = List.of("card");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (String part : parts) {
            if (!List.of("card", "metadata", "body", "markdown").contains(part)) {
                spec.commandLine().getErr().println("parse: unknown part " + part);
                return 2;
            }
        }
        Corpus corpus = Corpus.load(parquet);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ParseBenchmark.class.getName() + ".parseCorpus")
                .param("parquet", parquet.toAbsolutePath().toString())
                .param("part", parts.toArray(String[]::new))
                .forks(forks)
                .threads(1)
                .warmupIterations(warmup)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds));
        Collection<RunResult> results = new Runner(options.build()).run();
        RunResult card = null;
        for (RunResult r : results) {
            String part = r.getParams().getParam("part");
            out.println(line(part, corpus, r) + margin(corpus, r) + cpu(r));
            if (part.equals("card")) {
                card = r;
            }
        }
        if (card != null) {
            out.println(line("parse", corpus, card));
        }
        out.flush();
        return 0;
    }

    /** {@code <label>: <cards> cards <MB> MB <MB/s> MB/s per core}; one benchmark op is the whole corpus. */
    static String line(String label, Corpus corpus, RunResult result) {
        double opsPerSecond = result.getPrimaryResult().getScore();
        return String.format(Locale.ROOT, "%s: %d cards %.1f MB %.1f MB/s per core", label, corpus.cards().size(),
                corpus.megabytes(), opsPerSecond * corpus.megabytes());
    }

    /** The same throughput per second of the benchmark thread's CPU time (see {@link ParseBenchmark.CpuTime}). */
    private static String cpu(RunResult result) {
        var secondary = result.getSecondaryResults();
        if (!secondary.containsKey("cpuSeconds") || !secondary.containsKey("megabytes")) {
            return "";
        }
        double seconds = secondary.get("cpuSeconds").getScore();
        double megabytes = secondary.get("megabytes").getScore();
        return seconds > 0 ? String.format(Locale.ROOT, ", %.1f MB per CPU second", megabytes / seconds) : "";
    }

    /** JMH's 99.9% confidence margin in MB/s, when it has one (two or more iterations). */
    private static String margin(Corpus corpus, RunResult result) {
        double error = result.getPrimaryResult().getScoreError();
        return Double.isNaN(error) ? "" : String.format(Locale.ROOT, " ± %.1f", error * corpus.megabytes());
    }
}
