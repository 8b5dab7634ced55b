package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.ModelCard;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.AnnotationPhase;
import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.testkit.store.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sentences are stored as offsets into the card body, with their text only where it is not the body's own
 * between them; the view {@code sentences} gives every text back. The offsets are UTF-16 indexes and DuckDB's
 * substring counts code points, so cards with characters outside the BMP (emoji) are the case to get right.
 */
class SentenceRowsTest {

    /** Emoji before, inside and after sentences; markup and line breaks that make a text differ from the body. */
    private static final String EMOJI_CARD = """
            ---
            license: mit
            ---
            # A model

            This model classifies short texts. It was trained on news.

            Plain sentence before any emoji. The 🤗 Transformers library loads it.
            After the emoji the offsets and the code points part ways. Another one follows 😀 here.

            ## Training

            We trained it for **three** epochs
            on two GPUs. See [the paper](https://arxiv.org/abs/1234.5678) for more.

            | metric | value |
            |---|---|
            | accuracy | 0.91 |
            """;

    private static final String PLAIN_CARD = """
            # Other model

            A model without emoji. It has two sentences.

            ## Uses

            Use it for tests only.
            """;

    @TempDir
    Path dir;

    @Test
    void theViewGivesBackEveryTextWithEmojiAroundIt() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("org__emoji.md"), EMOJI_CARD);
        Files.writeString(cards.resolve("org__plain.md"), PLAIN_CARD);
        Path db = dir.resolve("store.duckdb");
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.builder(db).annotators(ConceptAnnotation.Annotators.RULES).build()).run(source);
        }
        List<String> expected = new ArrayList<>();
        expected.addAll(split("org/emoji", EMOJI_CARD));
        expected.addAll(split("org/plain", PLAIN_CARD));
        assertThat(expected).anyMatch(s -> s.contains("🤗")).anyMatch(s -> s.contains("part ways"));
        try (Connection c = CardStore.openReadOnly(db)) {
            assertThat(Queries.rows(c, "SELECT card_id, position, start_offset, end_offset, text FROM sentences"))
                    .containsExactlyInAnyOrderElementsOf(expected);
            // Left out where the body has it (the plain card, and the emoji card before its first emoji)...
            assertThat(Queries.rows(c, "SELECT card_id || ':' || position FROM sentence_rows WHERE text IS NULL"))
                    .contains("org/plain:0", "org/plain:1", "org/emoji:0", "org/emoji:1", "org/emoji:2");
            // ...kept from the first emoji on, and where markup or a line break was taken out.
            assertThat(Queries.rows(c, "SELECT text FROM sentence_rows WHERE text IS NOT NULL"))
                    .contains("The 🤗 Transformers library loads it.",
                            "After the emoji the offsets and the code points part ways.",
                            "We trained it for three epochs on two GPUs.");
        }
    }

    @Test
    void aCardWithoutSentencesIsSplitOnce() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("split-once"));
        Files.writeString(cards.resolve("org__code.md"), "```python\nprint('no prose here')\n```\n");
        Files.writeString(cards.resolve("org__plain.md"), PLAIN_CARD);
        Path db = dir.resolve("split-once.duckdb");
        try (CardSource source = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.of(db)).run(source);
        }
        try (CardStore store = CardStore.open(db)) {
            Connection c = store.connection();
            assertThat(Queries.rows(c, "SELECT count(*) FROM cards WHERE sentence_count IS NULL")).containsExactly("2");
            AnnotationPhase phase = new AnnotationPhase(c, 100);
            assertThat(phase.ensureSentences()).isEqualTo(5);
            assertThat(Queries.rows(c, "SELECT id, sentence_count FROM cards ORDER BY id"))
                    .containsExactly("org/code\t0", "org/plain\t5");
            // Nothing left to split: the card without a sentence is not taken for one not split yet.
            assertThat(Queries.rows(c, "SELECT count(*) FROM cards WHERE sentence_count IS NULL")).containsExactly("0");
            assertThat(phase.ensureSentences()).isZero();
        }
    }

    @Test
    void aVersion3StoreGetsItsSentencesAsOffsets() throws Exception {
        Path db = dir.resolve("v3.duckdb");
        String body = "Short one. Then 🤗 here. Last one.";
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            // Back to version 3: sentences as a table with a copy of the text and its hash.
            st.execute("DROP VIEW sentences");
            st.execute("DROP TABLE sentence_rows");
            st.execute("CREATE TABLE sentences (card_id VARCHAR NOT NULL, position INTEGER NOT NULL, section VARCHAR, "
                    + "heading VARCHAR, start_offset INTEGER, end_offset INTEGER, text VARCHAR, text_hash VARCHAR)");
            st.execute("INSERT INTO cards (id, content_hash, has_metadata, body) VALUES ('org/a', 'x', false, '"
                    + body + "')");
            int then = body.indexOf("Then");
            int last = body.indexOf("Last");
            st.execute("INSERT INTO sentences VALUES ('org/a', 0, NULL, NULL, 0, 10, 'Short one.', sha256('Short one.')), "
                    + "('org/a', 1, NULL, NULL, " + then + ", " + (last - 1) + ", 'Then 🤗 here.', 'h'), "
                    + "('org/a', 2, NULL, NULL, " + last + ", " + body.length() + ", 'Last one.', 'h'), "
                    + "('org/a', 3, NULL, NULL, 0, 10, 'Short  one', 'h')");
            st.execute("UPDATE store_info SET value = '3' WHERE key = 'schema_version'");
        }
        try (CardStore store = CardStore.open(db)) {
            Connection c = store.connection();
            assertThat(CardStore.schemaVersion(c)).isEqualTo(CardStore.SCHEMA_VERSION);
            assertThat(Queries.rows(c, "SELECT position, text FROM sentences ORDER BY position"))
                    .containsExactly("0\tShort one.", "1\tThen 🤗 here.", "2\tLast one.", "3\tShort  one");
            // Only the sentence before the emoji that is the body's own text loses its copy.
            assertThat(Queries.rows(c, "SELECT position FROM sentence_rows WHERE text IS NULL")).containsExactly("0");
        }
        // Opening again changes nothing.
        try (CardStore store = CardStore.open(db)) {
            assertThat(Queries.rows(store.connection(), "SELECT count(*) FROM sentences")).containsExactly("4");
        }
    }

    private static List<String> split(String id, String text) {
        List<String> out = new ArrayList<>();
        for (Sentence s : SentenceSplitter.markdown().split(ModelCard.parse(id, text))) {
            out.add(id + "\t" + s.index() + "\t" + s.start() + "\t" + s.end() + "\t" + s.text());
        }
        return out;
    }

    @Test
    void aVersion4StoreKeepsItsDoneMarks() throws Exception {
        Path db = dir.resolve("v4.duckdb");
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            // Back to version 4: one mark per sentence in the table annotated_sentences, no card marks.
            st.execute("DROP VIEW annotated_sentences");
            st.execute("DROP TABLE annotated_cards");
            st.execute("ALTER TABLE sentence_marks RENAME TO annotated_sentences");
            st.execute("INSERT INTO sentence_rows (card_id, position, start_offset, end_offset, text) VALUES "
                    + "('org/a', 0, 0, 3, 'One'), ('org/a', 1, 4, 7, 'Two')");
            st.execute("INSERT INTO annotated_sentences VALUES ('org/a', 0, 'rules'), ('org/a', 1, 'rules'), "
                    + "('org/a', 0, 'llm')");
            st.execute("UPDATE store_info SET value = '4' WHERE key = 'schema_version'");
        }
        try (CardStore store = CardStore.open(db)) {
            Connection c = store.connection();
            assertThat(CardStore.schemaVersion(c)).isEqualTo(CardStore.SCHEMA_VERSION);
            assertThat(Queries.rows(c, "SELECT sentence, annotator FROM annotated_sentences ORDER BY 2, 1"))
                    .containsExactly("0\tllm", "0\trules", "1\trules");
            assertThat(Queries.rows(c, "SELECT count(*) FROM sentence_marks")).containsExactly("3");
            // A card marked whole counts every one of its sentences.
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO sentence_rows (card_id, position, start_offset, end_offset, text) VALUES "
                        + "('org/b', 0, 0, 3, 'One'), ('org/b', 1, 4, 7, 'Two'), ('org/b', 2, 8, 11, 'Six')");
                st.execute("INSERT INTO annotated_cards VALUES ('org/b', 'rules')");
            }
            assertThat(Queries.rows(c, "SELECT count(*) FROM annotated_sentences WHERE card_id = 'org/b'"))
                    .containsExactly("3");
        }
    }
}
