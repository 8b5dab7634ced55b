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
}
