package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.CardParser;
import dev.cardminer.core.EvalResult;
import dev.cardminer.core.Link;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Problem;
import dev.cardminer.core.Section;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.AnnotationPhase;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzerTest {

    @TempDir
    Path dir;

    private Analyzer.Result analyze(String source, Path db) throws Exception {
        return analyze(source, Analyzer.Config.of(db));
    }

    private Analyzer.Result analyze(String source, Analyzer.Config config) throws Exception {
        try (CardSource cards = CardSources.open(source, HubOptions.fromEnvironment(), ProgressOutput.none())) {
            return new Analyzer(config).run(cards);
        }
    }

    @Test
    void storesWhatTheParserFindsForEveryCard() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 12);
        Path db = dir.resolve("store.duckdb");

        Analyzer.Result r = analyze(cards.toString(), db);

        assertThat(r.written()).isEqualTo(12);
        assertThat(r.skipped()).isZero();
        long sections = 0;
        long links = 0;
        long problems = 0;
        long sentences = 0;
        long evals = 0;
        List<String> expectedSentences = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ModelCard card = ModelCard.parse("org" + (i % 3) + "/model-" + i, TestCards.card(i));
            sections += card.sections().size();
            links += card.links().size();
            problems += card.problems().size();
            evals += card.evalResults().size();
            for (dev.cardminer.annotate.Sentence x : SentenceSplitter.markdown().split(card)) {
                expectedSentences.add(x.cardId() + "|" + x.index() + "|" + x.section() + "|" + x.heading() + "|"
                        + x.start() + "|" + x.end() + "|" + x.text());
                sentences++;
            }
        }
        // Sentences are the annotation phase's: ingestion leaves them out, the phase splits them from the
        // stored bodies and sections, the same as splitting each freshly parsed card.
        assertThat(TestCards.counts(db)).containsEntry("sentences", 0L);
        try (CardStore store = CardStore.open(db)) {
            assertThat(new AnnotationPhase(store.connection(), 500).ensureSentences()).isEqualTo(sentences);
        }
        Map<String, Long> counts = TestCards.counts(db);
        assertThat(counts).containsEntry("cards", 12L).containsEntry("sections", sections).containsEntry("links", links)
                .containsEntry("problems", problems).containsEntry("sentences", sentences)
                .containsEntry("eval_results", evals).containsEntry("runs", 1L);
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT author, has_metadata, bytes, content_hash, metadata_json, body "
                    + "FROM cards WHERE id = 'org1/model-4'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("org1");
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getLong(3)).isEqualTo(TestCards.card(4).getBytes(StandardCharsets.UTF_8).length);
                assertThat(rs.getString(4)).hasSize(64);
                assertThat(rs.getString(5)).contains("\"license\":\"apache-2.0\"");
                assertThat(rs.getString(6)).startsWith("# Model 4");
            }
            try (ResultSet rs = st.executeQuery("SELECT key, position, value FROM metadata_values "
                    + "WHERE card_id = 'org1/model-4' AND key IN ('tags', 'datasets') ORDER BY key, position")) {
                assertThat(rows(rs)).containsExactly("datasets|0|demo/dataset-4", "tags|0|test-4", "tags|1|synthetic");
            }
            try (ResultSet rs = st.executeQuery("SELECT card_id, position, section, heading, start_offset, end_offset, "
                    + "text FROM sentences")) {
                assertThat(rows(rs)).containsExactlyInAnyOrderElementsOf(expectedSentences);
            }
            // Stored as offsets: the text only where it is not the body's own between them (markup, line breaks).
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(text) FROM sentence_rows")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(sentences);
                assertThat(rs.getLong(2)).isLessThan(sentences);
            }
        }
    }

    @Test
    void storesTagsAsLists() throws Exception {
        Path jsonl = dir.resolve("tags.jsonl");
        Files.writeString(jsonl, """
                {"modelId": "acme/one", "tags": ["a", "b"], "card": "# One\\n"}
                {"modelId": "acme/two", "tags": [], "card": "# Two\\n"}
                {"modelId": "acme/three", "card": "# Three\\n"}
                """);
        Path db = dir.resolve("tags.duckdb");
        analyze(jsonl.toString(), db);
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, tags IS NULL, len(tags), tags[2] FROM cards ORDER BY id")) {
            assertThat(rows(rs)).containsExactly("acme/one|false|2|b", "acme/three|true|null|null", "acme/two|false|0|null");
        }
    }

    @Test
    void mapsSectionsLinksEvalResultsAndProblemsToTheirTables() throws Exception {
        Path jsonl = dir.resolve("cards.jsonl");
        Files.writeString(jsonl, "{\"modelId\": \"a/b\", \"card\": \"---\\nlicense: mit\\n---\\n# Uses\\nText.\\n\"}\n");
        CardParser fixed = new CardParser() {
            @Override
            public ModelCard parse(String id, String text) {
                ModelCard real = CardParser.builder().build().parse(id, text);
                return new ModelCard(id, text, real.hasMetadata(), real.yaml(), real.yamlLine(), real.metadata(),
                        real.body(), real.bodyOffset(), real.bodyLine(),
                        List.of(new EvalResult("b", "text-classification", "Text Classification", "glue", "GLUE",
                                "sst2", "validation", null, null, "accuracy", "91.5", "Accuracy", null, null, true,
                                null, "Leaderboard", "https://example.org/lb")),
                        List.of(new Section(1, "Uses", CanonicalSection.USES, 0, 15, 4, false, false)),
                        List.of(new Link(Link.Kind.ARXIV, "2106.09685", "arXiv:2106.09685", 5, 3)),
                        0.25, List.of(Problem.warning("unknown-license", "license 'x' is not a Hub licence", 2, 10)));
            }

            @Override
            public ModelCard parse(String id, byte[] utf8) {
                return parse(id, new String(utf8, StandardCharsets.UTF_8));
            }
        };
        Path db = dir.resolve("store.duckdb");

        analyze(jsonl.toString(), Analyzer.Config.builder(db).parser(fixed).build());

        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT position, model_name, task_type, dataset_name, dataset_config, "
                    + "dataset_split, metric_type, metric_value, metric_value_text, verified, source_url FROM eval_results")) {
                assertThat(rows(rs)).containsExactly(
                        "0|b|text-classification|GLUE|sst2|validation|accuracy|91.5|91.5|true|https://example.org/lb");
            }
            try (ResultSet rs = st.executeQuery("SELECT position, level, title, canonical, start_offset, end_offset, "
                    + "line, placeholder, empty FROM sections")) {
                assertThat(rows(rs)).containsExactly("0|1|Uses|Uses|0|15|4|false|false");
            }
            try (ResultSet rs = st.executeQuery("SELECT kind, target, text, line, col FROM links")) {
                assertThat(rows(rs)).containsExactly("arxiv|2106.09685|arXiv:2106.09685|5|3");
            }
            try (ResultSet rs = st.executeQuery("SELECT severity, code, line, col FROM problems")) {
                assertThat(rows(rs)).containsExactly("warning|unknown-license|2|10");
            }
            try (ResultSet rs = st.executeQuery("SELECT completeness, section_count, problem_count FROM cards")) {
                assertThat(rows(rs)).containsExactly("0.25|1|1");
            }
        }
    }

    @Test
    void aSecondRunSkipsEveryCardAndLeavesTheStoreAsItWas() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 30);
        Path db = dir.resolve("store.duckdb");
        analyze(cards.toString(), db);
        Path copy = dir.resolve("copy.duckdb");
        Files.copy(db, copy);

        Analyzer.Result second = analyze(cards.toString(), db);

        assertThat(second.written()).isZero();
        assertThat(second.skipped()).isEqualTo(30);
        assertThat(TestCards.differences(db, copy)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void workersWritingSideBySideMakeTheStoreOfOneWriter() throws Exception {
        // Each parser thread commits its own batches through its own connection: four of them, in batches of
        // three cards, interleave their commits (and replace changed cards side by side on the second run).
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 60);
        Path one = dir.resolve("one.duckdb");
        Path four = dir.resolve("four.duckdb");
        Analyzer.Config single = Analyzer.Config.builder(one).threads(1).annotators(ConceptAnnotation.Annotators.RULES)
                .build();
        Analyzer.Config many = Analyzer.Config.builder(four).threads(4).batchCards(3)
                .annotators(ConceptAnnotation.Annotators.RULES).build();
        analyze(cards.toString(), single);
        analyze(cards.toString(), many);
        for (int i = 0; i < 60; i += 4) {
            Files.writeString(cards.resolve("org" + (i % 3) + "__model-" + i + ".md"), TestCards.card(1000 + i));
        }
        analyze(cards.toString(), single);
        Analyzer.Result second = analyze(cards.toString(), many);

        assertThat(second.written()).isEqualTo(15);
        assertThat(second.replaced()).isEqualTo(15);
        assertThat(second.skipped()).isEqualTo(45);
        assertThat(TestCards.scalar(four, "SELECT count(*) FROM annotations")).isPositive();
        assertThat(TestCards.differences(one, four)).containsKeys("cards", "sentences", "annotations")
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }

    @Test
    void aSourceThatFailsKeepsTheCardsReadBeforeAndTheRunFails() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 20);
        Path db = dir.resolve("store.duckdb");
        try (CardSource folder = CardSources.open(cards.toString(), HubOptions.fromEnvironment(), ProgressOutput.none())) {
            CardSource failing = new CardSource() {
                private int given;

                @Override
                public SourceCard next() throws java.io.IOException {
                    if (given++ == 12) {
                        throw new java.io.IOException("the source broke");
                    }
                    return folder.next();
                }

                @Override
                public String description() {
                    return "failing";
                }

                @Override
                public void close() {
                }
            };
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Analyzer(Analyzer.Config.of(db)).run(failing))
                    .isInstanceOf(java.io.IOException.class).hasMessage("the source broke");
        }
        // The workers committed the twelve cards they had before the failure ended the run.
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(12);
    }

    @Test
    void forceAnalysesUnchangedCardsAgainAndSaysSo() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 10);
        Path db = dir.resolve("store.duckdb");
        analyze(cards.toString(), db);
        Path copy = dir.resolve("copy.duckdb");
        Files.copy(db, copy);
        Files.writeString(cards.resolve("org2__model-5.md"), TestCards.card(500));

        Analyzer.Result forced = analyze(cards.toString(), Analyzer.Config.builder(db).force(true).build());

        // One card changed, nine were the same and were analysed again: not "10 new or changed".
        assertThat(forced.written()).isEqualTo(10);
        assertThat(forced.again()).isEqualTo(9);
        assertThat(forced.replaced()).isEqualTo(1);
        assertThat(forced.skipped()).isZero();
        assertThat(forced.summary()).contains("(1 new or changed, 9 unchanged but analysed again (--force), 1 replaced, "
                + "0 duplicate ids,").doesNotContain(" unchanged,").contains(" MB/s)");
        // Nothing parsed: the time is the fingerprinting's, so no MB/s is given.
        assertThat(analyze(cards.toString(), db).summary()).contains("(0 new or changed, 0 replaced, 10 unchanged,")
                .doesNotContain("MB/s");
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(10);
    }

    @Test
    void aChangedCardReplacesItsRowsAndTheResultEqualsAFreshRun() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 20);
        Path db = dir.resolve("store.duckdb");
        analyze(cards.toString(), db);
        // Annotations of the old version must go with it.
        try (CardStore store = CardStore.open(db); Statement st = store.connection().createStatement()) {
            st.execute("INSERT INTO annotations VALUES ('org2/model-5', 0, 'x', 'model', '', 0, 1, 'rules')");
        }
        Files.writeString(cards.resolve("org2__model-5.md"), TestCards.card(500));

        Analyzer.Result second = analyze(cards.toString(), db);

        assertThat(second.written()).isEqualTo(1);
        assertThat(second.replaced()).isEqualTo(1);
        assertThat(second.skipped()).isEqualTo(19);
        Path fresh = dir.resolve("fresh.duckdb");
        analyze(cards.toString(), fresh);
        assertThat(TestCards.differences(db, fresh)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM metadata_values WHERE card_id = 'org2/model-5' "
                + "AND value = 'demo/dataset-500'")).isEqualTo(1);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM annotations")).isZero();
    }

    /** Changed repo facts alone are stored without analysing the card again (RerunFactsTest: the whole store). */
    @Test
    void changedRepoFactsAreStoredWithoutAnalysingTheCardAgain() throws Exception {
        Path jsonl = dir.resolve("cards.jsonl");
        Files.writeString(jsonl, "{\"modelId\": \"a/b\", \"downloads\": 1, \"card\": \"# B\"}\n");
        Path db = dir.resolve("store.duckdb");
        analyze(jsonl.toString(), db);
        Files.writeString(jsonl, "{\"modelId\": \"a/b\", \"downloads\": 2, \"card\": \"# B\"}\n");

        Analyzer.Result second = analyze(jsonl.toString(), db);
        assertThat(second.written()).isZero();
        assertThat(second.skipped()).isEqualTo(1);
        assertThat(second.factsUpdated()).isEqualTo(1);
        assertThat(TestCards.scalar(db, "SELECT downloads FROM cards")).isEqualTo(2);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(1);
    }

    @Test
    void aFailingCardBecomesAnInternalErrorProblemAndTheRunGoesOn() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 10);
        CardParser failing = new CardParser() {
            @Override
            public ModelCard parse(String id, String text) {
                return check(id, CardParser.builder().build().parse(id, text));
            }

            @Override
            public ModelCard parse(String id, byte[] utf8) {
                return check(id, CardParser.builder().build().parse(id, utf8));
            }

            private ModelCard check(String id, ModelCard card) {
                if (id.equals("org1/model-7")) {
                    throw new IllegalStateException("boom");
                }
                return card;
            }
        };
        Path db = dir.resolve("store.duckdb");

        Analyzer.Result r = analyze(cards.toString(), Analyzer.Config.builder(db).parser(failing).build());

        assertThat(r.written()).isEqualTo(10);
        assertThat(r.failures()).isEqualTo(1);
        // the summary names the card, where it came from and why, so that nobody has to query for it
        assertThat(r.summary()).containsPattern("1 failed \\(org1/model-7 \\([^)]*org1__model-7\\.md\\): .*IllegalStateException: boom");
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT card_id, severity, code, message FROM problems WHERE code = 'internal-error'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("org1/model-7");
            assertThat(rs.getString(2)).isEqualTo("error");
            assertThat(rs.getString(4)).contains("IllegalStateException: boom");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void unreadableEntriesAndDuplicateIdsAreHandledPerCard() throws Exception {
        Path jsonl = dir.resolve("cards.jsonl");
        Files.writeString(jsonl, """
                {"modelId": "a/one", "card": "# first"}
                {"modelId": "a/one", "card": "# second, same id"}
                not json
                {"modelId": "a/two", "card": "# two"}
                """);
        Path db = dir.resolve("store.duckdb");

        Analyzer.Result r = analyze(jsonl.toString(), db);

        // A line that is not a card is a problem of the source, skipped (JsonLinesCardSource), not a card.
        assertThat(r.seen()).isEqualTo(3);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.firstDuplicate()).isEqualTo("a/one in " + jsonl);
        assertThat(r.summary()).contains("1 duplicate id: a/one in " + jsonl + " left out, the earlier card with its id kept");
        assertThat(r.written()).isEqualTo(2);
        assertThat(r.failures()).isZero();
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards WHERE id = 'a/one' AND body = '# first'")).isEqualTo(1);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(2);
    }

    @Test
    void limitTakesTheFirstCards() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 10);
        Path db = dir.resolve("store.duckdb");
        Analyzer.Result r = analyze(cards.toString(), Analyzer.Config.builder(db).limit(4).build());
        assertThat(r.written()).isEqualTo(4);
        assertThat(TestCards.scalar(db, "SELECT count(*) FROM cards")).isEqualTo(4);
    }

    @Test
    void smallBatchesAndOneThreadGiveTheSameStore() throws Exception {
        Path cards = TestCards.cardFolder(dir.resolve("cards"), 25);
        Path a = dir.resolve("a.duckdb");
        Path b = dir.resolve("b.duckdb");
        analyze(cards.toString(), a);
        analyze(cards.toString(), Analyzer.Config.builder(b).threads(1).batchCards(3).batchBytes(2000).build());
        assertThat(TestCards.differences(a, b)).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
    }

    @Test
    void theSharedCorpusGoesInWholeAndStatsAgree() throws Exception {
        Path db = dir.resolve("store.duckdb");
        Analyzer.Result r = analyze(TestCards.shared().resolve("corpus/cards").toString(), db);

        assertThat(r.written()).isEqualTo(499);
        assertThat(r.failures()).isZero();
        long problemCounts = TestCards.scalar(db, "SELECT sum(problem_count) FROM cards");
        try (Connection c = CardStore.openReadOnly(db)) {
            StoreStats stats = StoreStats.read(c);
            assertThat(stats.cards()).isEqualTo(499);
            assertThat(stats.cardsWithMetadata()).isEqualTo(483);
            assertThat(stats.problems()).isEqualTo(problemCounts);
            assertThat(stats.problemsBySeverity().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(stats.problems());
            assertThat(stats.toJson().get("cards").asLong()).isEqualTo(499);
        }
    }

    private static List<String> rows(ResultSet rs) throws Exception {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                b.append(i == 1 ? "" : "|").append(rs.getString(i));
            }
            out.add(b.toString());
        }
        return out;
    }
}
