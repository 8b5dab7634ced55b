package dev.cardminer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.SyntheticStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the report says is true (issue 9): a CSV cut to its most frequent rows says so, a share that is not
 * zero never reads 0.0%, the Hub's own pipeline_tag and library_name are shown (labelled) where the YAML
 * lacks them, and evaluation metric variants are merged.
 */
class ReportHonestyTest {

    static final int CARDS = 2_500;

    @TempDir
    static Path dir;
    static Path out;
    static String html;
    static boolean useCacheAfter;

    @BeforeAll
    static void writeReport() throws Exception {
        out = dir.resolve("report");
        SyntheticStore.Builder store = SyntheticStore.builder().schema(CardStore.schema());
        for (int i = 0; i < CARDS; i++) {
            // The Hub knows every card's pipeline tag; only the first 100 say it in YAML.
            SyntheticStore.CardBuilder card = SyntheticStore.card("org/m" + i).hasMetadata(true).completeness(0.5)
                    .hubPipelineTag("text-generation").hubLibrary(i < 1_500 ? "transformers" : null);
            if (i < 100) {
                card.metadata("pipeline_tag", List.of("text-generation"));
            }
            card.metadata("license", List.of(i == 0 ? "rare-licence" : "mit"));
            // 600 distinct headings outside the template; the table keeps the 500 most frequent.
            card.section(new SyntheticStore.SectionRow("Heading " + (i % 600), null, false, false));
            if (i < 3) {
                card.eval(new SyntheticStore.EvalRow("text-classification", "imdb",
                        List.of("accuracy", "acc", "Accuracy").get(i), 0.9, false));
            }
            store.card(card.build());
        }
        // The host's ImageIO setting, as ImageIO starts: cache in temp files.
        ImageIO.setUseCache(true);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            store.build().writeTo(c);
            new ReportWriter().write(c, out);
        }
        useCacheAfter = ImageIO.getUseCache();
        html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void aCsvCutToItsMostFrequentRowsSaysSo() throws Exception {
        assertThat(CsvReader.read(out.resolve("data/other-headings.csv"))).hasSize(501); // header + 500
        assertThat(html).contains("The table and its CSV list the 500 most frequent of 600 distinct headings.")
                .contains("the CSV has all 500.").doesNotContain("the CSV has all of them");
    }

    @Test
    void aShareThatIsNotZeroNeverReadsZero() {
        // One card of 2,500 is 0.04%: "0.0%" would hide it.
        assertThat(html).contains("<td>rare-licence</td><td class=\"num\">1</td><td class=\"num\">&lt; 0.1%</td>")
                // A true zero stays 0.0%.
                .containsPattern("<td class=\"num\">0</td><td class=\"num\">0.0%</td>");
    }

    @Test
    void theHubsOwnColumnsAreShownWhereTheYamlLacksTheKey() throws Exception {
        assertThat(html).contains("The Hub&#39;s pipeline_tag (the source&#39;s own column)")
                .contains("The Hub&#39;s library_name (the source&#39;s own column)");
        Map<String, String> hub = CsvReader.column(out.resolve("data/pipeline-tags-hub.csv"), 0, 1);
        assertThat(hub).containsEntry("text-generation", String.valueOf(CARDS));
        assertThat(CsvReader.column(out.resolve("data/pipeline-tags-hub.csv"), 0, 3))
                .containsEntry("text-generation", String.valueOf(CARDS - 100));
        assertThat(CsvReader.column(out.resolve("data/pipeline-tags.csv"), 0, 1)).containsEntry("text-generation", "100");
        assertThat(CsvReader.column(out.resolve("data/libraries-hub.csv"), 0, 1)).containsEntry("transformers", "1500");
    }

    @Test
    void evaluationMetricVariantsAreMerged() throws Exception {
        List<List<String>> rows = CsvReader.read(out.resolve("data/eval-metrics.csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).subList(0, 2)).containsExactly("Accuracy", "3");
        assertThat(rows.get(1).get(4)).contains("accuracy").contains("acc").contains("Accuracy");
    }

    @Test
    void pngsAreEncodedInMemoryAndImageIosProcessWideSettingIsLeftAsTheHostHadIt() throws Exception {
        // ImageIO's file cache, when a write fails (a full disk), is closed again by a shutdown hook with an NPE:
        // the report writes through its own memory-cached stream instead of turning the host's cache off.
        assertThat(useCacheAfter).isTrue();
        try (var pngs = Files.list(out.resolve("img"))) {
            List<Path> images = pngs.toList();
            assertThat(images).isNotEmpty();
            for (Path png : images) {
                assertThat(ImageIO.read(png.toFile())).as(png.toString()).isNotNull();
            }
        }
    }
}
