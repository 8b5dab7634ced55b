package dev.cardminer.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @Test
    void writesRfc4180WithTypedCells(@TempDir Path dir) throws Exception {
        Table table = Table.builder("t", "caption", "text", "n", "share (%)", "x", "cards")
                .row("plain", 3L, new Cells.Percent(12.3456), 0.5, new Cells.CardRefs(List.of("a/b", "c/d")))
                .row("with, comma \"and\" quotes\nand a newline", 4, new Cells.Percent(100), null, null)
                .row("=HYPERLINK(\"http://x\")", -1L, new Cells.Percent(0), 1.0, new Cells.CardRef("@evil"))
                .build();
        Path file = dir.resolve("t.csv");
        new CsvWriter().write(table, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "text,n,share (%),x,cards\r\n"
                        + "plain,3,12.35,0.5000,a/b c/d\r\n"
                        + "\"with, comma \"\"and\"\" quotes\nand a newline\",4,100.00,,\r\n"
                        + "\"'=HYPERLINK(\"\"http://x\"\")\",-1,0.00,1.0000,'@evil\r\n");
    }

    @Test
    void aRowMustFitTheColumns() {
        assertThatThrownBy(() -> Table.builder("t", "c", "a", "b").row("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 columns");
    }
}
