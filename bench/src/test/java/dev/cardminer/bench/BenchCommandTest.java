package dev.cardminer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @TempDir
    Path dir;

    /** A small Parquet file in the Hub dataset schema, written by DuckDB. */
    private Path parquet(List<String> cards) throws Exception {
        Path file = dir.resolve("cards.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (modelId VARCHAR, card VARCHAR)");
            try (var insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                int i = 0;
                for (String card : cards) {
                    insert.setString(1, "org/m" + i++);
                    insert.setString(2, card);
                    insert.executeUpdate();
                }
            }
            s.execute("COPY t TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        return file;
    }

    @Test
    void corpusCountsCardsAndUtf8Bytes() throws Exception {
        Path file = parquet(List.of("---\nlicense: mit\n---\n# é\n", "# x\n"));
        Corpus corpus = Corpus.load(file);
        assertThat(corpus.cards()).hasSize(2);
        assertThat(corpus.bytes()).isEqualTo(("---\nlicense: mit\n---\n# é\n".length() + 1) + 4);
    }

    @Test
    void parseRunsTheJmhBenchmarkAndPrintsMegabytesPerSecond() throws Exception {
        Path file = parquet(List.of(
                "---\nlicense: mit\n---\n# m\n\n## Model description\n\nSee https://github.com/a/b and arXiv:2106.09685.\n",
                "# Model Card\n\n## Uses\n\n[More Information Needed]\n"));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("parse", "--parquet", file.toString(), "--forks", "0", "--warmup", "0",
                "--iterations", "1", "--time", "1", "--parts", "metadata,card");
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("metadata: 2 cards 0\\.0 MB [0-9.]+ MB/s per core.*"));
        assertThat(lines.get(lines.size() - 1)).matches("parse: 2 cards 0\\.0 MB [0-9.]+ MB/s per core");
    }

    @Test
    void classifyPrintsSpeedPerMethodAndTheModelLoadOnItsOwnLine() throws Exception {
        Path file = parquet(List.of(
                "---\nlibrary_name: stable-baselines3\ntags:\n- reinforcement-learning\n---\n# PPO agent playing LunarLander-v2\n",
                "# A speech model\n\nFine-tuned for automatic speech recognition; WER 12.\n",
                "# Notes\n\nNothing here.\n"));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("classify", "--parquet", file.toString(), "--cards", "2");
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("bench classify: 2 cards of cards.parquet, label set pipeline_tag");
        assertThat(lines).filteredOn(l -> l.startsWith("embedding model load: ")).singleElement()
                .asString().matches("embedding model load: [0-9.]+ s wall [0-9.]+ CPU-s peak-heap [0-9]+ MiB .*");
        String figures = " 2 cards [0-9.]+ s wall [0-9.]+ CPU-s [0-9.]+ cards/s [0-9.]+ cards/CPU-s peak-heap [0-9]+ MiB labelled [01]\\.[0-9]{3}";
        assertThat(lines).filteredOn(l -> l.matches("(rules|embedding|ensemble):" + figures))
                .extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly("rules", "embedding", "ensemble");
        // The embedding never abstains; the ensemble may.
        assertThat(lines).anyMatch(l -> l.startsWith("embedding:") && l.endsWith("labelled 1.000"));
    }

    @Test
    void classifyWithRulesAloneLoadsNoModelAndRefusesUnknownMethods() throws Exception {
        Path file = parquet(List.of("# x\n"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("classify", "--parquet", file.toString(), "--cards", "5", "--methods", "rules")).isZero();
        assertThat(out.toString()).contains("bench classify: 1 cards").contains("rules: 1 cards").doesNotContain("embedding model load");
        assertThat(cli.execute("classify", "--parquet", file.toString(), "--methods", "rules,llm")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown method llm");
    }

    @Test
    void analyzePrintsThroughputCpuPerStageAndSaysWhenThePythonClientIsMissing() throws Exception {
        Path file = parquet(List.of(
                "---\nlicense: mit\ndatasets:\n- squad_v2\n---\n# m\n\nTrained on squad_v2 for 3 epochs with a learning rate of 2e-5.\n",
                "# x\n\nSee org/m0 for the base model. It reaches 91.2 F1.\n"));
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute("analyze", "--parquet", file.toString(), "--cards", "5",
                "--python-exe", dir.resolve("no-such-python").toString());
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("bench analyze: 5 cards of cards.parquet (cycled), annotator rules, one pass");
        assertThat(lines).anyMatch(l -> l.matches(
                "analyze: 5 cards 0\\.0 MB [0-9.]+ s [0-9.]+ MB/s [0-9]+ cards/s peak-heap [0-9]+ MiB cpu [0-9.]+ s .*"));
        assertThat(lines).anyMatch(l -> l.matches(" +split sentences +[0-9.]+"))
                .anyMatch(l -> l.matches(" +annotate \\(rules\\) +[0-9.]+"));
        assertThat(lines.get(lines.size() - 1)).startsWith("python: skipped: ").contains("cannot import huggingface_hub");
    }

    @Test
    void unknownPartIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("parse", "--parts", "nothing")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown part nothing");
    }
}
