package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConceptsCommandTest {

    private static final String CARD_A = """
            # tiny-bert-sst2

            This model is a fine-tuned version of bert-base-uncased on the sst2 dataset.
            It achieves the following results on the evaluation set:
            - Loss: 0.3
            - Accuracy: 0.91
            - F1: 0.90

            ### Framework versions
            - Transformers 4.35.2
            - Pytorch 2.1.0
            """;
    private static final String CARD_B = """
            # other-model

            A quantized LoRA adapter. It reaches an accuracy of 0.8 and an f1 score of 0.7 in English.
            """;

    private Path store(Path dir) throws Exception {
        return store(dir, SyntheticStore.builder()
                .card(SyntheticStore.card("acme/tiny-bert-sst2").body(CARD_A).build())
                .card(SyntheticStore.card("acme/other-model").body(CARD_B).build()));
    }

    /** A store of these cards, annotated by the rules (sentences and annotations). */
    private Path store(Path dir, SyntheticStore.Builder cards) throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            Connection c = store.connection();
            cards.build().writeTo(c);
            Holder holder = new Holder();
            new CommandLine(holder).parseArgs("--annotator", "rules");
            AnnotatorOptions options = holder.options;
            StringWriter log = new StringWriter();
            options.annotate(c, new PrintWriter(log));
            assertThat(log.toString()).contains("annotate: rules:");
        }
        return db;
    }

    @CommandLine.Command
    static final class Holder {
        @CommandLine.Mixin
        AnnotatorOptions options;
    }

    @Test
    void conceptsJsonMergesVariantsAndShowsForms(@TempDir Path dir) throws Exception {
        Path db = store(dir);
        CliRun r = run("concepts", "--db", db.toString(), "--category", "metric", "--json");
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("annotations").asLong()).isEqualTo(5);
        assertThat(json.path("uniqueCategories").asLong()).isEqualTo(1);
        JsonNode top = json.path("topSubjects");
        assertThat(top.get(0).path("subject").asText()).isIn("Accuracy", "F1");
        assertThat(top.get(0).path("count").asLong()).isEqualTo(2);
        assertThat(top.get(0).path("proportion").asDouble()).isEqualTo(40.0);
        assertThat(top.toString()).contains("\"forms\":[\"F1\",\"f1 score\"]", "\"forms\":[\"Accuracy\",\"accuracy\"]");

        CliRun rawRun = run("concepts", "--db", db.toString(), "--category", "metric", "--raw", "--json");
        assertThat(new ObjectMapper().readTree(rawRun.out()).path("uniqueSubjects").asLong()).isEqualTo(5);

        CliRun text = run("concepts", "--db", db.toString(), "--top", "5", "--examples", "1");
        assertThat(text.out()).contains("total annotations", "| category", "model modification", "Examples of");
    }

    @Test
    void anUnknownCategoryNamesTheStoresCategoriesAndTheTableIsWellFormed(@TempDir Path dir) throws Exception {
        Path db = store(dir);
        CliRun r = run("concepts", "--db", db.toString(), "--category", "metrik");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("no annotations of category metrik; categories in this store: ").contains("metric");
        CliRun all = run("concepts", "--db", db.toString());
        // Every table row, header and separator included, has the same number of cells.
        List<Long> cells = all.out().lines().filter(l -> l.startsWith("|"))
                .map(l -> l.chars().filter(ch -> ch == '|').count()).distinct().toList();
        assertThat(cells).containsExactly(5L);
    }

    @Test
    void exportWritesEachFormat(@TempDir Path dir) throws Exception {
        Path db = store(dir);
        for (String format : new String[] {"parquet", "csv", "jsonl"}) {
            Path out = dir.resolve("a." + format);
            CliRun r = run("export", "--db", db.toString(), "--what", "annotations", "--format", format, "--out", out.toString());
            assertThat(r.exit()).isZero();
            assertThat(out).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve("a.csv"))).startsWith("card_id,sentence,subject,category");
        assertThat(run("export", "--db", dir.resolve("missing.duckdb").toString(), "--what", "sentences", "--out",
                dir.resolve("x.csv").toString()).exit()).isEqualTo(2);
    }

    /**
     * A disk that fills up during an export (here a file-size limit, {@code ulimit -f}, in a JVM of its own: the same
     * refused write, EFBIG instead of ENOSPC, without a full disk or root): exit 2 with one line naming the file
     * and the reason; a new file is not there, an earlier export is as it was, and nothing else is left beside it.
     */
    @Test
    void anExportThatCannotBeWrittenToTheEndLeavesNoPartialFileAndExitsTwo(@TempDir Path dir) throws Exception {
        SyntheticStore.Builder cards = SyntheticStore.builder();
        for (int i = 0; i < 100; i++) {
            cards.card(SyntheticStore.card("acme/m" + i).body(CARD_A + CARD_B).build());
        }
        Path db = store(dir, cards);
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path earlier = Files.writeString(folder.resolve("earlier.csv"), "an earlier export\n");
        for (Path out : List.of(folder.resolve("new.csv"), earlier)) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", "ulimit -f 16; exec \"$0\" \"$@\"",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    Cardminer.class.getName(), "export", "--db", db.toString(), "--what", "sentences", "--out", out.toString());
            pb.redirectError(dir.resolve("err.txt").toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(p.exitValue()).as(err).isEqualTo(2);
            assertThat(err).isEqualTo("cardminer export: cannot write " + out + ": File too large\n");
            try (var files = Files.list(folder)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsExactly("earlier.csv");
            }
        }
        assertThat(Files.readString(earlier)).isEqualTo("an earlier export\n");
        assertThat(run("export", "--db", db.toString(), "--what", "sentences", "--out", earlier.toString()).exit()).isZero();
        assertThat(Files.size(earlier)).isGreaterThan(16 * 1024);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("earlier.csv");
        }
    }

    @Test
    void aStoreThatIsNotADatabaseIsOneLineAndANonZeroExit(@TempDir Path dir) throws Exception {
        Path db = Files.writeString(dir.resolve("garbage.duckdb"), "this is not a DuckDB file\n".repeat(100));
        CliRun r = run("concepts", "--db", db.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).startsWith("cardminer concepts: ").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void llmOptionsNeedAServerAndNeverShowTheKey() {
        Holder h = new Holder();
        new CommandLine(h).parseArgs("--annotator", "llm", "--llm-url", "http://127.0.0.1:1", "--llm-model", "m",
                "--llm-api-key-env", "CARDMINER_TEST_SURELY_UNSET_VAR");
        assertThatThrownBy(() -> h.options.llmConfig()).hasMessageContaining("CARDMINER_TEST_SURELY_UNSET_VAR");
        Holder noUrl = new Holder();
        new CommandLine(noUrl).parseArgs("--annotator", "both");
        assertThatThrownBy(() -> noUrl.options.llmConfig()).hasMessageContaining("--llm-url");
    }
}
