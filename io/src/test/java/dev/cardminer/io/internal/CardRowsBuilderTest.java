package dev.cardminer.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cardminer.testkit.SharedData;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.CardParser;
import dev.cardminer.io.RepoFacts;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CardRowsBuilderTest {

    private static final CardParser PARSER = CardParser.builder().build();
    private final ObjectMapper json = CardJson.mapper();
    private final CardRowsBuilder builder = new CardRowsBuilder(PARSER, json);

    /** The block's JSON is assembled from the per-key JSON; it must be what serialising the whole block gives. */
    @Test
    void metadataJsonIsTheWholeBlockSerialisedOnCorpusCards() throws IOException {
        Path cards = SharedData.corpusCards();
        List<Path> files;
        try (Stream<Path> s = Files.walk(cards)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() > 400, "corpus cards found: " + files.size());
        int withMetadata = 0;
        for (Path f : files) {
            byte[] utf8 = Files.readAllBytes(f);
            withMetadata += check(SourceCard.ofBytes(f.getFileName().toString(), f.toString(), utf8, RepoFacts.NONE))
                    ? 1 : 0;
        }
        assertTrue(withMetadata > 400, "cards with metadata: " + withMetadata);
    }

    /** A block of more keys and list items than the store keeps: rows are cut with one located warning. */
    @Test
    void metadataRowsPastTheCapAreCutWithOneWarningAndTheJsonKeepsAll() throws IOException {
        int n = CardRowsBuilder.MAX_ROWS_PER_TABLE;
        StringBuilder text = new StringBuilder("---\ntags:\n");
        for (int i = 0; i < n + 5; i++) {
            text.append("- t").append(i).append('\n');
        }
        for (int i = 0; i < n + 7; i++) {
            text.append('k').append(i).append(": v\n");
        }
        text.append("---\n# Title\n");
        CardRows rows = build(SourceCard.ofText("x/y", "test", text.toString(), RepoFacts.NONE));
        assertEquals(n, rows.metadata().size());
        assertEquals(n, rows.values().size());
        List<dev.cardminer.core.Problem> capped = rows.problems().stream()
                .filter(p -> p.code().equals(dev.cardminer.core.ProblemCodes.ROWS_CAPPED)).toList();
        assertEquals(1, capped.size(), rows.problems().toString());
        assertEquals(1, capped.get(0).line());
        // tags and n+7 keys: n kept, 8 cut; values: 5 tags past the cap, the n-1 kept keys' scalars, the 8 cut keys'
        assertTrue(capped.get(0).message().contains("8 top-level keys"), capped.get(0).message());
        assertTrue(capped.get(0).message().contains(String.format("%,d values", n + 12)), capped.get(0).message());
        assertTrue(rows.metadataJson().contains("\"k" + (n + 6) + "\":\"v\""), "the JSON keeps every key");
    }

    @Test
    void cardsWithinTheCapHaveNoRowsCappedWarning() throws IOException {
        CardRows rows = build(SourceCard.ofText("x/y", "test", "---\ntags: [a, b]\nlicense: mit\n---\n# T\n",
                RepoFacts.NONE));
        assertEquals(2, rows.metadata().size());
        assertTrue(rows.problems().stream().noneMatch(p -> p.code().equals(dev.cardminer.core.ProblemCodes.ROWS_CAPPED)));
    }

    @Test
    void metadataJsonEscapesKeysAndKeepsOrder() throws IOException {
        String text = "---\n\"quo\\\"te\": 1\n\"uni\\u00e9\\ttab\": [a, {b: 2.50, c: null}]\nz: yes\n"
                + "a: 1e400\nlicense: mit\n---\n# Title\n";
        SourceCard card = SourceCard.ofText("x/y", "test", text, RepoFacts.NONE);
        assertTrue(check(card));
        CardRows rows = build(card);
        assertTrue(rows.metadataJson().startsWith("{\"quo\\\"te\":1,\"uni\u00e9\\ttab\":"), rows.metadataJson());
    }

    @Test
    void metadataJsonOfEveryKindOfValueIsWhatTheTreeGives() throws IOException {
        String text = "---\nints: [0, -7, 2147483648, 123456789012345678901234567890, 0x1F, 0o17]\n"
                + "floats: [1.5, -0.0, 1e300, .nan, -.inf, 2.50]\nbools: [true, false]\nnulls: [null, ~, ]\n"
                + "mixed_keys: {1: a, \"1\": b, true: c, null: d, 2.5: e}\nnested: {a: {b: [{c: [1, x]}]}}\n"
                + "date: 2023-01-01\nbin: !!binary aGVsbG8=\nempty_map: {}\nempty_list: []\n"
                + "text: \"line\\nbreak \\u0001 \\u2028 </script>\"\n---\n# Title\n";
        SourceCard card = SourceCard.ofText("x/y", "test", text, RepoFacts.NONE);
        assertTrue(check(card));
        assertEquals(11, build(card).metadata().size());
    }

    @Test
    void cardWithoutBlockHasNoMetadataJson() {
        CardRows rows = build(SourceCard.ofText("x/y", "test", "# Title\n\ntext\n", RepoFacts.NONE));
        assertNull(rows.metadataJson());
    }

    private CardRows build(SourceCard card) {
        byte[] utf8 = card.bytes();
        return builder.build(card, utf8, new Hashes().sha256Hex(utf8), 0, 0, false, 1);
    }

    private boolean check(SourceCard source) throws IOException {
        CardRows rows = build(source);
        ModelCard card = source.text() != null ? PARSER.parse(source.id(), source.text())
                : PARSER.parse(source.id(), source.utf8());
        String expected = card.hasMetadata() ? json.writeValueAsString(CardJson.value(card.metadata().values()))
                : null;
        assertEquals(expected, rows.metadataJson(), source.id());
        for (CardRows.MetadataRow m : rows.metadata()) {
            assertEquals(json.writeValueAsString(CardJson.value(card.metadata().values().get(m.key()))),
                    m.valueJson(), source.id() + " " + m.key());
        }
        return card.hasMetadata();
    }
}
