package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.SyntheticStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheReportOfAStoreFile() throws Exception {
        Path db = dir.resolve("store.duckdb");
        try (CardStore store = CardStore.open(db)) {
            SyntheticStore.builder()
                    .card(SyntheticStore.card("org/a").hasMetadata(true).completeness(0.5).metadata("license", List.of("mit")).build())
                    .card(SyntheticStore.card("org/b").hasMetadata(false).completeness(0.0).build())
                    .card(SyntheticStore.card("org/c").hasMetadata(true).completeness(0.25)
                            .metadata("license", List.of("not-a-licence")).build())
                    .build().writeTo(store.connection());
        }
        long size = Files.size(db);
        Path out = dir.resolve("report");
        CliRun r = run("report", "--db", db.toString(), "--out", out.toString(), "--rows", "5");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("wrote").contains("index.html");
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("3 Hugging Face model cards").contains("<section id=\"licenses\">");
        assertThat(Files.readString(out.resolve("data/licenses.csv")))
                .contains("mit,1,33.33,accepted").contains("not-a-licence,1,33.33,rejected");
        assertThat(out.resolve("img/licenses.png")).isRegularFile();
        // Read-only: the store file is left as it was.
        assertThat(Files.size(db)).isEqualTo(size);
    }

    @Test
    void aMissingStoreIsAnErrorWithoutAReport() {
        CliRun r = run("report", "--db", dir.resolve("nope.duckdb").toString(), "--out", dir.resolve("r").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such store");
        assertThat(dir.resolve("r")).doesNotExist();
        assertThat(dir.resolve("nope.duckdb")).doesNotExist();
    }

    @Test
    void isListedInTheHelp() {
        assertThat(run("--help").out()).contains("report");
        CliRun help = run("report", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--db=FILE").contains("--out=DIR").contains("read-only");
    }
}
