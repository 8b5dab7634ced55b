package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownFolderCardSourceTest {

    @TempDir
    Path dir;

    @Test
    void derivesIdsFromTheUsualLayoutsAndSkipsHiddenFolders() throws IOException {
        write("acme__tiny-bert.md", "a");
        write("models/acme/big-bert/README.md", "b");
        write("notes/misc/card.md", "c");
        write(".git/hooks/ignored.md", "x");
        write("not-a-card.txt", "x");

        List<SourceCard> cards = TestCards.readAll(MarkdownFolderCardSource.open(dir));

        Map<String, SourceCard> byId = new HashMap<>();
        cards.forEach(c -> byId.put(c.id(), c));
        assertThat(byId).containsOnlyKeys("acme/tiny-bert", "acme/big-bert", "notes/misc/card");
        assertThat(new String(byId.get("acme/big-bert").utf8(), StandardCharsets.UTF_8)).isEqualTo("b");
        assertThat(byId.get("acme/tiny-bert").facts().author()).isEqualTo("acme");
        assertThat(byId.get("notes/misc/card").facts().author()).isNull();
        assertThat(cards).extracting(SourceCard::origin).allMatch(o -> o.startsWith(dir.toString()));
    }

    @Test
    void keepsTheFilesBytesSoThatInvalidUtf8IsReportedByTheParser() throws IOException {
        Path file = dir.resolve("acme__odd.md");
        Files.write(file, new byte[] {'h', 'i', (byte) 0xff, '\n'});
        SourceCard card = TestCards.readAll(MarkdownFolderCardSource.open(dir)).getFirst();
        assertThat(card.utf8()).containsExactly('h', 'i', (byte) 0xff, '\n');
        assertThat(card.text()).isNull();
    }

    /** A card the folder names but that is no file to read is said (a dangling link), not skipped. */
    @Test
    void aLinkToNothingIsAnUnreadableCardNotASilentGap() throws IOException {
        write("org__real.md", "real");
        Files.createSymbolicLink(dir.resolve("org__gone.md"), dir.resolve("nowhere.md"));
        List<SourceCard> cards = TestCards.readAll(MarkdownFolderCardSource.open(dir));
        assertThat(cards).extracting(SourceCard::id).containsExactly("org/gone", "org/real");
        assertThat(cards.get(0).failure()).isEqualTo("a link to a file that does not exist");
        assertThat(cards.get(1).failure()).isNull();
    }

    @Test
    void aLoopOfLinksIsSaidToBeALoopNotAMissingFile() throws IOException {
        Files.createSymbolicLink(dir.resolve("loop__a.md"), Path.of("loop__b.md"));
        Files.createSymbolicLink(dir.resolve("loop__b.md"), Path.of("loop__a.md"));
        Files.createSymbolicLink(dir.resolve("org__dir.md"), Path.of("."));
        List<SourceCard> cards = TestCards.readAll(MarkdownFolderCardSource.open(dir));
        assertThat(cards).extracting(SourceCard::id).containsExactly("loop/a", "loop/b", "org/dir");
        assertThat(cards.get(0).failure()).isEqualTo("a loop of symbolic links: following them never reaches a file");
        assertThat(cards.get(1).failure()).isEqualTo(cards.get(0).failure());
        assertThat(cards.get(2).failure()).isEqualTo("a link to something that is not a regular file");
    }

    @Test
    void aSingleFileIsASource() throws IOException {
        write("org__one.md", "one");
        List<SourceCard> cards = TestCards.readAll(MarkdownFolderCardSource.open(dir.resolve("org__one.md")));
        assertThat(cards).extracting(SourceCard::id).containsExactly("org/one");
    }

    @Test
    void readsTheSharedCorpusWithItsModelIds() throws IOException {
        Path corpus = TestCards.shared().resolve("corpus");
        Map<String, String> manifest = new HashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv")).subList(1, 500)) {
            String[] f = line.split("\t");
            manifest.put(f[0], f[1]);
        }
        List<SourceCard> cards = TestCards.readAll(MarkdownFolderCardSource.open(corpus.resolve("cards")));

        assertThat(cards).hasSize(499);
        assertThat(cards).extracting(SourceCard::id).doesNotHaveDuplicates();
        int compared = 0;
        for (SourceCard c : cards) {
            String file = "cards/" + corpus.resolve("cards").relativize(Path.of(c.origin())).toString().replace('\\', '/');
            String modelId = manifest.get(file);
            assertThat(modelId).as(file).isNotNull();
            if (modelId.contains("/") && !modelId.endsWith("?") && !file.contains("/canonical__")
                    && modelId.replaceAll("[^A-Za-z0-9._/-]", "_").equals(modelId)) {
                assertThat(c.id()).as(file).isEqualTo(modelId);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void aMissingFolderIsAnIoError() {
        assertThatThrownBy(() -> MarkdownFolderCardSource.open(dir.resolve("nope")))
                .isInstanceOf(IOException.class).hasMessageContaining("no such file");
    }

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
