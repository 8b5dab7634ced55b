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

    /** A heading such as {@code ESC[2J ESC]0;title BEL} must not clear the screen of whoever runs {@code cat} on it. */
    @Test
    void cardTextLosesItsControlCharactersAndThenIsDefused(@TempDir Path dir) throws Exception {
        Table table = Table.builder("t", "caption", "heading", "cards")
                .row("Clear \u001b[2J \u001b]0;pwned\u0007 \u202etxt.exe\tand\u0085 C1", new Cells.CardRef("evil/\u001b[31m"))
                .row("\u001b=cmd", new Cells.CardRefs(List.of("\u0000@x")))
                .row("\t-1+2", new Cells.Texts(List.of("+a", "b")))
                .build();
        Path file = dir.resolve("t.csv");
        new CsvWriter().write(table, file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "heading,cards\r\n"
                        + "Clear \uFFFD[2J \uFFFD]0;pwned\uFFFD \uFFFDtxt.exe\tand\uFFFD C1,evil/\uFFFD[31m\r\n"
                        + "\uFFFD=cmd,\uFFFD@x\r\n"
                        + "'\t-1+2,'+a | b\r\n");
    }

    @Test
    void aRowMustFitTheColumns() {
        assertThatThrownBy(() -> Table.builder("t", "c", "a", "b").row("x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 columns");
    }
}
