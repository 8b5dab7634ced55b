package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.hub.HubOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCardSourceTest {

    @TempDir
    Path dir;

    /** Cards written for this test: block styles, a long block, no block, an empty block, no heading. */
    private static final Map<String, String> CARDS = new LinkedHashMap<>();

    static {
        CARDS.put("org__block", "---\nlicense: mit\ntags:\n- a\n- 'b'\nmodel-index:\n- name: x\n  results: []\n---\n\n# Title\n\nSome text.\n## Use\nMore.\n");
        CARDS.put("org__flow", "---\n{license: apache-2.0, language: [de, fr]}\n---\n# Heading right away\n");
        CARDS.put("org__none", "# No block\n\nJust text, é and 日本.\n");
        CARDS.put("org__empty", "---\n---\n\n\n## Late heading\ntext\n");
        CARDS.put("org__noheading", "---\nlicense: mit\npipeline_tag: fill-mask\n---\nNo heading at all.\n");
        CARDS.put("org__crlf", "---\r\nlicense: mit\r\n---\r\n\r\n# Title\r\ntext\r\n");
        CARDS.put("org__braces", "---\n{}\n---\nAn empty mapping, then text without a heading.\n");
        CARDS.put("org__oldmac", "---\r\nlicense: mit\r\n---\r\n\rNo heading,\rold Mac line ends in the body.\r");
        CARDS.put("org__oldmacheading", "---\r\nlicense: mit\r\n---\r\n\r\rIntro\r# Title\rtext\r");
    }

    @Test
    void rebuildsEachCardsMetadataBodyAndBodyLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cards"));
        for (var e : CARDS.entrySet()) {
            Files.writeString(folder.resolve(e.getKey() + ".md"), e.getValue());
        }
        Path db = dir.resolve("store.duckdb");
        try (CardSource cards = CardSources.open(folder.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.of(db)).run(cards);
        }
        Map<String, ModelCard> rebuilt = new LinkedHashMap<>();
        try (CardStore store = CardStore.open(db); CardSource cards = CardSources.store(store)) {
            assertThat(cards.expectedCards()).isEqualTo(CARDS.size());
            for (SourceCard sc; (sc = cards.next()) != null; ) {
                rebuilt.put(sc.id(), ModelCard.parse(sc.id(), sc.text()));
            }
        }
        assertThat(rebuilt).hasSize(CARDS.size());
        for (var e : CARDS.entrySet()) {
            String id = e.getKey().replace("__", "/");
            ModelCard original = ModelCard.parse(id, e.getValue());
            ModelCard back = rebuilt.get(id);
            assertThat(back.body()).as(id).isEqualTo(original.body());
            assertThat(back.metadata()).as(id).isEqualTo(original.metadata());
            assertThat(back.hasMetadata()).as(id).isEqualTo(original.hasMetadata());
            assertThat(back.sections()).as(id).isEqualTo(original.sections());
            assertThat(back.bodyLine()).as(id).isEqualTo(original.bodyLine());
        }
        assertThat(rebuilt.get("org/noheading").bodyLine()).isEqualTo(5);
        assertThat(rebuilt.get("org/braces").hasMetadata()).isTrue();
        assertThat(ModelCard.parse("org/block", CARDS.get("org__block")).bodyLine()).isEqualTo(10);
        // A store written before cards.body_line: the line comes from the first section; without one it follows a
        // one-line block.
        try (CardStore store = CardStore.open(db)) {
            try (var st = store.connection().createStatement()) {
                st.execute("UPDATE cards SET body_line = NULL");
            }
            try (CardSource cards = CardSources.store(store)) {
                for (SourceCard sc; (sc = cards.next()) != null; ) {
                    rebuilt.put(sc.id(), ModelCard.parse(sc.id(), sc.text()));
                }
            }
        }
        assertThat(rebuilt.get("org/block").bodyLine()).isEqualTo(10);
        assertThat(rebuilt.get("org/noheading").bodyLine()).isEqualTo(4);
        // lone \r line ends before the first section count as lines there too (the parser's count)
        assertThat(rebuilt.get("org/oldmacheading").bodyLine()).isEqualTo(4);
    }

    /**
     * A block with an error keeps in the store only what could be read ({@code {}} for a syntax error, the last copy of
     * a key written twice): such a card is not rebuilt, it is given as unreadable with the error's line and code, so
     * that no one proposes a value for a key its author wrote.
     */
    @Test
    void aCardWhoseBlockHadAnErrorIsGivenAsUnreadableWithThatError() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(folder.resolve("org__syntax.md"), "---\nlicense: mit\ntags: [a, b\nlanguage: en\n---\n# T\n");
        Files.writeString(folder.resolve("org__twice.md"), "---\nlanguage: en\nlicense: mit\nlanguage:\n---\n# T\n");
        Files.writeString(folder.resolve("org__fine.md"), "---\nlicense: mit\n---\n# T\n");
        Path db = dir.resolve("broken.duckdb");
        try (CardSource cards = CardSources.open(folder.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            new Analyzer(Analyzer.Config.of(db)).run(cards);
        }
        Map<String, SourceCard> read = new LinkedHashMap<>();
        try (CardStore store = CardStore.open(db); CardSource cards = CardSources.store(store)) {
            for (SourceCard sc; (sc = cards.next()) != null; ) {
                read.put(sc.id(), sc);
            }
        }
        assertThat(read.get("org/fine").failure()).isNull();
        assertThat(ModelCard.parse("org/fine", read.get("org/fine").text()).metadata().license()).contains("mit");
        assertThat(read.get("org/syntax").failure()).contains("line 4: yaml-syntax").contains("the card's file");
        assertThat(read.get("org/twice").failure()).contains("line 4: yaml-duplicate-key");
    }

    @Test
    void cardTextPadsTheBlockToTheBodyLine() {
        assertThat(StoreCardSource.cardText(true, "{\"license\":\"mit\"}", "body\n", 6))
                .isEqualTo("---\n{\"license\":\"mit\"}\n\n\n---\nbody\n");
        assertThat(StoreCardSource.cardText(true, "{\"license\":\"mit\"}", "body\n", -1)).isEqualTo("---\n{\"license\":\"mit\"}\n---\nbody\n");
        // an empty mapping is written {}: '---' right after '---' would be no block at all
        assertThat(StoreCardSource.cardText(true, null, "body\n", 3)).isEqualTo("---\n{}\n---\nbody\n");
        assertThat(StoreCardSource.cardText(true, "{}", "body\n", 4)).isEqualTo("---\n{}\n---\nbody\n");
        assertThat(StoreCardSource.cardText(false, null, "body\n", 1)).isEqualTo("body\n");
    }
}
