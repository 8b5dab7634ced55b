package dev.cardminer.io.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.Queries;
import dev.cardminer.testkit.store.SyntheticStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptExportTest {

    @Test
    void exportsSentencesAndAnnotationsInEachFormat(@TempDir Path dir) throws Exception {
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema()).corpusCards(List.of("peft")).build().open(null)) {
            AnnotationPhase phase = new AnnotationPhase(c, 1000);
            long sentences = phase.ensureSentences();
            phase.run(new RuleAnnotator(), new PrintWriter(new StringWriter()));
            long annotations = Queries.count(c, "SELECT count(*) FROM annotations");
            ConceptExport export = new ConceptExport(c);
            for (ConceptExport.Format format : ConceptExport.Format.values()) {
                Path s = dir.resolve("sentences." + format.name().toLowerCase());
                Path a = dir.resolve("annotations." + format.name().toLowerCase());
                assertThat(export.export(ConceptExport.What.SENTENCES, format, s, null)).isEqualTo(sentences);
                assertThat(export.export(ConceptExport.What.ANNOTATIONS, format, a, null)).isEqualTo(annotations);
                String reader = switch (format) {
                    case PARQUET -> "read_parquet";
                    case CSV -> "read_csv";
                    case JSONL -> "read_json";
                };
                assertThat(Queries.count(c, "SELECT count(*) FROM " + reader + "('" + a + "')")).isEqualTo(annotations);
                assertThat(Queries.count(c, "SELECT count(*) FROM " + reader + "('" + s + "') WHERE text IS NOT NULL"))
                        .isEqualTo(sentences);
                assertThat(Queries.count(c, "SELECT count(*) FROM " + reader + "('" + a + "') WHERE "
                        + "substr(sentence_text, span_start + 1, span_end - span_start) = subject")).isEqualTo(annotations);
            }
            assertThat(Files.readString(dir.resolve("annotations.jsonl")).lines().findFirst().orElseThrow())
                    .startsWith("{\"card_id\":");
            assertThat(export.export(ConceptExport.What.ANNOTATIONS, ConceptExport.Format.CSV, dir.resolve("none.csv"),
                    "llm:absent")).isZero();
        }
    }

    /** CSV is opened in spreadsheets and shown by cat: card text loses its control characters and formulas. */
    /** A part file that an export killed before its end left is removed by the next export; a running one's is kept. */
    @Test
    void partFilesOfExportsThatDiedAreRemovedAndALiveOnesKept(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("s.csv");
        Path dead = java.nio.file.Files.writeString(dir.resolve(".s.csv.999999999-1.part"), "cut");
        Path live = java.nio.file.Files.writeString(
                dir.resolve(".s.csv." + ProcessHandle.current().pid() + "-1.part"), "running");
        Path other = java.nio.file.Files.writeString(dir.resolve(".t.csv.999999999-1.part"), "another target's");
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema())
                .card(SyntheticStore.card("me/m").body("# M\n\nOne sentence here.\n").build()).build().open(null)) {
            new AnnotationPhase(c, 1000).ensureSentences();
            new ConceptExport(c).export(ConceptExport.What.SENTENCES, ConceptExport.Format.CSV, target, null);
        }
        assertThat(target).exists();
        assertThat(dead).doesNotExist();
        assertThat(live).hasContent("running");
        assertThat(other).exists();
    }

    @Test
    void csvCellsHoldNoControlCharactersAndNoFormulas(@TempDir Path dir) throws Exception {
        String body = "# Evil\n\nClear \u001b[2J the \u001b]0;pwned\u0007 screen now.\n\n=HYPERLINK(\"http://x\") is here.\n";
        try (Connection c = SyntheticStore.builder().schema(CardStore.schema())
                .card(SyntheticStore.card("evil/m").body(body).build()).build().open(null)) {
            new AnnotationPhase(c, 1000).ensureSentences();
            Path csv = dir.resolve("s.csv");
            Path jsonl = dir.resolve("s.jsonl");
            new ConceptExport(c).export(ConceptExport.What.SENTENCES, ConceptExport.Format.CSV, csv, null);
            new ConceptExport(c).export(ConceptExport.What.SENTENCES, ConceptExport.Format.JSONL, jsonl, null);
            String written = Files.readString(csv);
            assertThat(written).doesNotContain("\u001b").doesNotContain("\u0007")
                    .contains("Clear \uFFFD[2J the \uFFFD]0;pwned\uFFFD screen now.")
                    .contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
            // The data formats keep the text as it is.
            assertThat(Files.readString(jsonl)).contains("\\u001B[2J");
        }
    }
}
