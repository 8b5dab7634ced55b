package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job on the real corpus, with the defaults a user gets (rules annotator) and a
 * report: every stage wired together, on cards nobody wrote for the tests.
 */
class MainJobTest {

    private static final Path SHARED = SharedData.root();

    @TempDir
    Path dir;

    private static String run(String... args) {
        CliRun r = CliRun.run(args);
        assertThat(r.exit()).as("exit of %s; stderr: %s", List.of(args), r.err()).isZero();
        return r.out();
    }

    @Test
    void analyzeTheCorpusWithTheDefaultsAndReport() throws Exception {
        List<String[]> manifest = Files.readAllLines(SHARED.resolve("corpus/MANIFEST.tsv")).stream().skip(1)
                .map(l -> l.split("\t")).toList();
        long withYaml = manifest.stream().filter(r -> r[6].equals("true")).count();

        Path db = dir.resolve("corpus.duckdb");
        Path report = dir.resolve("report");
        run("analyze", SHARED.resolve("corpus/cards").toString(), "--db", db.toString(), "--progress", "none",
                "--report", report.toString());

        JsonNode stats = new ObjectMapper().readTree(run("stats", "--db", db.toString(), "--json"));
        assertThat(stats.get("cards").asLong()).isEqualTo(manifest.size());
        assertThat(stats.get("cardsWithMetadata").asLong()).isEqualTo(withYaml);
        assertThat(stats.get("sentences").asLong()).isGreaterThan(manifest.size() * 5L);
        assertThat(stats.get("annotations").asLong()).as("rules annotator is the default").isPositive();

        JsonNode concepts = new ObjectMapper().readTree(run("concepts", "--db", db.toString(), "--json"));
        assertThat(concepts.get("annotations").asLong()).isEqualTo(stats.get("annotations").asLong());
        assertThat(concepts.get("topCategories")).isNotEmpty();

        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).contains("Template sections", "Completeness", "Licenses", "Languages", "Problems",
                "Concepts", manifest.size() + "");
        try (var images = Files.list(report.resolve("img"))) {
            for (Path png : images.toList()) {
                assertThat(ImageIO.read(png.toFile())).as(png.toString()).isNotNull();
            }
        }
        assertThat(report.resolve("img/concept-subjects-cloud.png")).exists();
        assertThat(report.resolve("img/template-sections.png")).exists();
        // The run is closed before the report is written: the report lists it as finished.
        List<String> runs = Files.readAllLines(report.resolve("data/runs.csv"));
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).split(",", -1)[3]).as("finished column of " + runs.get(1)).isNotBlank();
    }
}
