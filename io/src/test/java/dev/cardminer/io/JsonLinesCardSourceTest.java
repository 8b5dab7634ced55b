package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesCardSourceTest {

    @TempDir
    Path dir;

    private static final String LINES = """
            {"modelId": "acme/one", "author": "acme", "downloads": 12, "likes": 3, "library_name": "transformers", "tags": ["a", "b"], "pipeline_tag": "fill-mask", "createdAt": "2023-01-02T03:04:05.000Z", "last_modified": "2024-05-06T07:08:09+00:00", "card": "---\\nlicense: mit\\n---\\n# One\\n", "extra": {"nested": [1, 2]}}

            {"modelId": "acme/two", "card": "plain ünïcode card"}
            {"modelId": "acme/broken", "card": 
            {"card": "no id"}
            """;

    @Test
    void readsCardsAndFactsAndSkipsLinesThatAreNotCardsWithTheirLineNumbers() throws IOException {
        Path file = dir.resolve("cards.jsonl");
        Files.writeString(file, LINES, StandardCharsets.UTF_8);

        JsonLinesCardSource source = JsonLinesCardSource.open(file);
        List<SourceCard> cards = TestCards.readAll(source);

        assertThat(cards).extracting(SourceCard::id).containsExactly("acme/one", "acme/two");
        SourceCard one = cards.get(0);
        assertThat(one.id()).isEqualTo("acme/one");
        assertThat(one.text()).isEqualTo("---\nlicense: mit\n---\n# One\n");
        assertThat(one.facts()).isEqualTo(new RepoFacts("acme", 12L, 3L, "fill-mask", "transformers", List.of("a", "b"),
                Instant.parse("2023-01-02T03:04:05Z"), Instant.parse("2024-05-06T07:08:09Z")));
        assertThat(cards.get(1).text()).isEqualTo("plain ünïcode card");
        assertThat(cards.get(1).facts()).isEqualTo(RepoFacts.NONE);
        SkippedEntries skipped = source.skipped();
        assertThat(skipped.count()).isEqualTo(2);
        assertThat(skipped.first()).hasSize(2);
        assertThat(skipped.first().get(0)).isEqualTo("line 4, column 35: Unexpected end-of-input within/between Object entries");
        assertThat(skipped.first().get(1)).isEqualTo("line 5: no modelId");
    }

    @Test
    void aFileWithoutASingleCardIsAnError() throws IOException {
        Path file = dir.resolve("not-cards.jsonl");
        Files.writeString(file, "{\"name\": \"x\"}\n{\"text\": \"y\"}\n[1, 2]\n", StandardCharsets.UTF_8);
        JsonLinesCardSource source = JsonLinesCardSource.open(file);
        assertThatThrownBy(() -> TestCards.readAll(source)).isInstanceOf(IOException.class)
                .hasMessage(file + ": no line is a card (a JSON object with modelId and card); line 1: no modelId");
    }

    @Test
    void readsGzippedLines() throws IOException {
        Path file = dir.resolve("cards.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("{\"modelId\": \"x/y\", \"card\": \"hi\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(TestCards.readAll(JsonLinesCardSource.open(file))).extracting(SourceCard::id).containsExactly("x/y");
    }

    @Test
    void aTruncatedGzipSaysWhichFileAndWhichLineItBrokeAt() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("{\"modelId\": \"org/m").append(i).append("\", \"card\": \"# Model ").append(i)
                    .append("\\nA card number ").append(i * 7919 % 10007).append(".\"}\n");
        }
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(zipped)) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("cut.jsonl.gz");
        Files.write(file, java.util.Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2));

        JsonLinesCardSource source = JsonLinesCardSource.open(file);
        List<SourceCard> read = new java.util.ArrayList<>();
        assertThatThrownBy(() -> {
            for (SourceCard c; (c = source.next()) != null; ) {
                read.add(c);
            }
        }).isInstanceOf(IOException.class).hasMessage(file + ":" + (read.size() + 1)
                + ": the file ends inside its gzip stream (truncated?); the lines before were read");
        assertThat(read).hasSizeGreaterThan(100).hasSizeLessThan(2000);
        assertThat(read.getLast().id()).isEqualTo("org/m" + (read.size() - 1));
    }

    @Test
    void aLineThatIsNotJsonIsLocatedByFileLineAndColumnWithoutTheParsersInternals() throws IOException {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, "{\"modelId\":\"a/b\",\"card\":\"# ok\"}\n{\"modelId\":\"x/y\",\"card\":\"y\"\n",
                StandardCharsets.UTF_8);
        JsonLinesCardSource source = JsonLinesCardSource.open(file);
        TestCards.readAll(source);
        assertThat(source.skipped().first()).containsExactly(
                "line 2, column 28: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkipped() throws IOException {
        Path file = dir.resolve("bom.jsonl");
        Files.writeString(file, "\uFEFF{\"modelId\":\"bom/card\",\"card\":\"# bom\"}\r\n{\"modelId\":\"crlf/card\",\"card\":\"# crlf\"}\r\n",
                StandardCharsets.UTF_8);
        JsonLinesCardSource source = JsonLinesCardSource.open(file);
        assertThat(TestCards.readAll(source)).extracting(SourceCard::id).containsExactly("bom/card", "crlf/card");
        assertThat(source.skipped().count()).isZero();
    }

    @Test
    void anIdOrCardThatIsNotTextIsALocatedSkippedLine() throws IOException {
        Path file = dir.resolve("types.jsonl");
        Files.writeString(file, """
                {"modelId": 5, "card": "# numeric id"}
                {"modelId": "a/b", "card": 42}
                {"id": 7, "modelId": "c/d", "card": "# a numbered row with a modelId"}
                {"modelId": "e/f", "card": ["# a list"]}
                """, StandardCharsets.UTF_8);
        JsonLinesCardSource source = JsonLinesCardSource.open(file);
        assertThat(TestCards.readAll(source)).extracting(SourceCard::id).containsExactly("c/d");
        assertThat(source.skipped().first()).containsExactly("line 1: modelId is a number, not text",
                "line 2: card is a number, not text", "line 4: card is a list, not text");
    }
}
