package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.core.CardLimits;
import dev.cardminer.io.concepts.AnnotationPhase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-card bounds as the store sees them: oversized files refused, capped rows said in problems. */
class CardLimitsInStoreTest {

    @TempDir
    Path dir;

    private static List<String> rows(Path db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    @Test
    void anOversizedFileIsASourceErrorCardAndIsNeverRead() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        try (RandomAccessFile f = new RandomAccessFile(cards.resolve("big__card.md").toFile(), "rw")) {
            f.setLength(CardLimits.MAX_CARD_BYTES + 1L); // sparse: nothing is written, and nothing may be read
        }
        Files.writeString(cards.resolve("ok__card.md"), "---\nlicense: mit\n---\n# Hi\n");
        Path db = dir.resolve("s.duckdb");
        try (CardSource source = MarkdownFolderCardSource.open(cards)) {
            Analyzer.Result r = new Analyzer(Analyzer.Config.of(db)).run(source);
            assertThat(r.written()).isEqualTo(2);
            assertThat(r.failures()).isEqualTo(1);
        }
        assertThat(rows(db, "SELECT card_id, code, message FROM problems WHERE code = 'source-error'"))
                .singleElement().satisfies(row -> assertThat(row).startsWith("big/card|source-error|the file (33,554,433 bytes)")
                        .contains("larger than 33,554,432 bytes"));
    }

    @Test
    void streamsAreReadUpToTheLimitOnly() throws Exception {
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 0;
            }
        };
        assertThatThrownBy(() -> CardFiles.read(endless, "standard input"))
                .isInstanceOf(CardFiles.TooLargeException.class).hasMessageStartingWith("standard input is larger than");
        assertThat(CardFiles.read(new ByteArrayInputStream("# ok".getBytes(StandardCharsets.UTF_8)), "x")).hasSize(4);
    }

    @Test
    void sentencesPastTheCapAreStoredWithAProblemAfterTheCardsOwn() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        // 6,000 one-sentence paragraphs: more than the 5,000 sentence cap.
        Files.writeString(cards.resolve("org__many.md"), "---\nlicense: mit\n---\n# Intro\n\n" + "Word.\n\n".repeat(6_000));
        Path db = dir.resolve("s.duckdb");
        try (CardSource source = MarkdownFolderCardSource.open(cards)) {
            new Analyzer(Analyzer.Config.of(db)).run(source);
        }
        long before = Long.parseLong(rows(db, "SELECT count(*) FROM problems").get(0));
        try (CardStore store = CardStore.open(db)) {
            assertThat(new AnnotationPhase(store.connection(), 500).ensureSentences())
                    .isEqualTo(CardLimits.DEFAULTS.maxSentences());
        }
        // The heading is sentence 0, then "Word." from card line 6 on, every second line.
        int line = 6 + 2 * (CardLimits.DEFAULTS.maxSentences() - 1);
        assertThat(rows(db, "SELECT position, code, line, col FROM problems WHERE code = 'sentences-capped'"))
                .containsExactly(before + "|sentences-capped|" + line + "|1");
        assertThat(rows(db, "SELECT problem_count FROM cards")).containsExactly(String.valueOf(before + 1));
    }
}
