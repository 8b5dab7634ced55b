package dev.cardminer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.io.CardStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TUNED = "---\nlicense: mit\ntags:\n- generated_from_trainer\n---\n\n# tuned\n\n"
            + "This model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n"
            + "It achieves the following results on the evaluation set:\n- Loss: 0.30\n- Accuracy: 0.9012\n\n"
            + "It is released under the Apache 2.0 license.\n\n### Framework versions\n\n- Transformers 4.30.0\n";

    private static Path corpus(Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("me__tuned.md"), TUNED);
        Files.writeString(cards.resolve("me__plain.md"), "# plain\n\nNothing to see.\n");
        return cards;
    }

    @Test
    void badFieldsConfidenceAndSplitAreUsageErrors(@TempDir Path dir) throws Exception {
        Path cards = corpus(dir);
        for (String[] args : new String[][] {
                {"suggest", cards.toString(), "--fields", "bogus"},
                {"suggest", cards.toString(), "--min-confidence", "2"},
                {"eval", cards.toString(), "--split", "bogus"},
                {"eval", cards.toString(), "--fields", "bogus"}}) {
            CliRun run = CliRun.run(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).doesNotContain("Exception").contains("--help");
        }
    }

    @Test
    void jsonLinesWithEvidenceAndConflicts(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("suggest", corpus(dir).toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode card = JSON.readTree(lines[0]);
        assertThat(card.path("id").asText()).isEqualTo("me/tuned");
        JsonNode base = null;
        for (JsonNode s : card.path("suggestions")) {
            if (s.path("field").asText().equals("base_model")) {
                base = s;
            }
        }
        assertThat(base).isNotNull();
        assertThat(base.path("value").asText()).isEqualTo("acme/base-1");
        assertThat(base.path("method").asText()).isEqualTo("trainer-finetuned-version");
        assertThat(base.path("evidence").path("line").asInt()).isEqualTo(9);
        assertThat(base.path("evidence").path("text").asText()).startsWith("This model is a fine-tuned version");
        assertThat(card.path("conflicts")).singleElement().satisfies(c -> {
            assertThat(c.path("field").asText()).isEqualTo("license");
            assertThat(c.path("yaml").asText()).isEqualTo("mit");
            assertThat(c.path("value").asText()).isEqualTo("apache-2.0");
        });
    }

    @Test
    void pipelineTagFromClassifyRulesWhenNoPatternFindsItAndNoneWithTheClassifierOff(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("me__dutch.md"), "---\nmetrics:\n- wer\n---\n# asr\n\nA speech recognition model for Dutch.\n");
        CliRun run = CliRun.run("suggest", cards.toString(), "--json", "--fields", "pipeline_tag");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode suggestion = JSON.readTree(run.out().strip()).path("suggestions").get(0);
        assertThat(suggestion.path("value").asText()).isEqualTo("automatic-speech-recognition");
        assertThat(suggestion.path("method").asText()).isEqualTo("classifier:classify-rules");
        assertThat(suggestion.path("evidence").path("text").asText())
                .matches("classifier classify-rules: automatic-speech-recognition 0\\.9[89] \\(metric=wer; text~speech recognition\\)");
        CliRun off = CliRun.run("suggest", cards.toString(), "--json", "--fields", "pipeline_tag", "--task-classifier", "none");
        assertThat(off.exit()).as(off.err()).isZero();
        assertThat(off.out()).isBlank();
        CliRun strict = CliRun.run("suggest", cards.toString(), "--json", "--fields", "pipeline_tag", "--task-classifier-min", "0.999");
        assertThat(strict.out()).isBlank();
    }

    @Test
    void patchDirStoreAndDryRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("patches");
        Path db = dir.resolve("s.duckdb");
        assertThat(CliRun.run("analyze", corpus(dir).toString(), "--db", db.toString(), "--annotator", "none").exit()).isZero();
        CliRun run = CliRun.run("suggest", corpus(dir).toString(), "--patch-dir", out.toString(), "--db", db.toString(),
                "--fields", "base_model,datasets,license");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("+ base_model = acme/base-1", "! license: YAML has mit, the text says apache-2.0",
                "2 cards, 1 with findings", "1 patched");
        Path folder = out.resolve("me__tuned");
        String patched = Files.readString(folder.resolve("README.md"));
        assertThat(patched).startsWith("---\nlicense: mit\ntags:\n- generated_from_trainer\nbase_model: acme/base-1\ndatasets:\n- tiny_reviews\n---\n");
        assertThat(patched.substring(patched.indexOf("\n---\n") + 5)).isEqualTo(TUNED.substring(TUNED.indexOf("\n---\n") + 5));
        assertThat(Files.readString(folder.resolve("README.md.diff"))).contains("+base_model: acme/base-1");
        assertThat(Files.readString(folder.resolve("pr-title.txt"))).startsWith("[cardminer] Add base_model, datasets");
        assertThat(Files.readString(folder.resolve("pr-description.md"))).contains("## Evidence", "## If this is wrong");
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT field, value, conflict, yaml_value, line FROM suggestions ORDER BY conflict, field")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("base_model");
            assertThat(rs.getString(2)).isEqualTo("acme/base-1");
            assertThat(rs.getInt(5)).isEqualTo(9);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("datasets");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("license");
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(rs.getString(4)).isEqualTo("\"mit\"");
            assertThat(rs.next()).isFalse();
        }
    }

    /**
     * From a store, a card whose block had an error is not read (the store keeps {@code {}} for it, and a rebuilt card
     * would get the author's own keys proposed): each is named up to five, the rest counted.
     */
    @Test
    void fromAStoreACardWhoseBlockHadAnErrorIsNotReadAndSaidSo(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        for (int i = 0; i < 7; i++) {
            Files.writeString(cards.resolve("me__broken" + i + ".md"),
                    "---\nlicense: mit\nlanguage: en\ntags: [a, b\n---\n# m\n\nIt is released under the MIT license.\n");
        }
        Files.writeString(cards.resolve("me__plain.md"), "# plain\n\nIt is released under the MIT license.\n");
        Path db = dir.resolve("s.duckdb");
        assertThat(CliRun.run("analyze", cards.toString(), "--db", db.toString(), "--annotator", "none").exit()).isZero();
        CliRun run = CliRun.run("suggest", "--db", db.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip().split("\n")).hasSize(1).allSatisfy(l -> assertThat(l).contains("\"me/plain\""));
        assertThat(run.err()).contains("me/broken0: not read: its metadata block could not be read as written (line 4: "
                + "yaml-syntax)").contains("2 more entries of " + db + " not read");
    }

    @Test
    void aSourceWithAStoreStoresRowsOnlyForTheCardsTheStoreHoldsAsRead(@TempDir Path dir) throws Exception {
        Path cards = corpus(dir);
        Path db = dir.resolve("s.duckdb");
        assertThat(CliRun.run("analyze", cards.toString(), "--db", db.toString(), "--annotator", "none").exit()).isZero();
        // one card the store never saw, one changed since it was analysed
        Files.writeString(cards.resolve("me__new.md"), TUNED);
        Files.writeString(cards.resolve("me__tuned.md"), TUNED.replace("tiny_reviews", "small_reviews"));
        Files.writeString(cards.resolve("me__plain.md"), "# plain\n\nIt is released under the MIT license.\n");
        assertThat(CliRun.run("analyze", cards.resolve("me__plain.md").toString(), "--db", db.toString(),
                "--annotator", "none").exit()).isZero();
        Files.move(cards.resolve("me__plain.md"), cards.resolve("me__plain.md.tmp"));
        Files.move(cards.resolve("me__plain.md.tmp"), cards.resolve("me__plain.md"));
        CliRun run = CliRun.run("suggest", cards.toString(), "--db", db.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip().split("\n")).hasSize(3);   // every card's findings are printed
        assertThat(run.err()).contains("note: 2 of the cards read are not in " + db + " as read")
                .contains("run analyze " + cards + " --db " + db + " first");
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT card_id FROM suggestions ORDER BY 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("me__plain".replace("__", "/"));
            assertThat(rs.next()).isFalse();
        }
        // a store that is not there is not made: no rows could go into it
        CliRun none = CliRun.run("suggest", cards.toString(), "--db", dir.resolve("none.duckdb").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no such store");
        assertThat(Files.exists(dir.resolve("none.duckdb"))).isFalse();
        // standard input: the card as the store holds it gets rows; one it lacks is said, with no "analyze -" to run
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(TUNED.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun held = CliRun.run("suggest", "-", "--id", "me/tuned", "--db", db.toString());
            assertThat(held.exit()).as(held.err()).isZero();
            assertThat(held.err()).doesNotContain("note:");
            System.setIn(new java.io.ByteArrayInputStream(TUNED.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun lacked = CliRun.run("suggest", "-", "--id", "me/new", "--db", db.toString());
            assertThat(lacked.exit()).as(lacked.err()).isZero();
            assertThat(lacked.err()).contains("not in " + db + " as read").contains("(first: me/new)")
                    .contains("run analyze on the card's file --db " + db + " first").doesNotContain("analyze -");
        } finally {
            System.setIn(saved);
        }
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT card_id FROM suggestions ORDER BY 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("me/plain");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("me/tuned");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void readsOneCardFromStandardInput() throws Exception {
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(TUNED.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun run = CliRun.run("suggest", "-", "--json", "--fields", "base_model");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode card = JSON.readTree(run.out().strip());
            assertThat(card.path("id").asText()).isEqualTo("stdin");
            assertThat(card.path("suggestions").get(0).path("value").asText()).isEqualTo("acme/base-1");
            assertThat(card.path("suggestions").get(0).path("evidence").path("line").asInt()).isEqualTo(9);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void readsTheCardsOfAStoreWithTheirBodyLines(@TempDir Path dir) throws Exception {
        Path cards = corpus(dir);
        // no heading (the body line is the store's own, not one read from a section) and an empty mapping written {}
        Files.writeString(cards.resolve("me__noheading.md"), "---\nlicense: mit\ntags:\n- a\n---\n\n"
                + "This model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the imdb dataset.\n");
        Files.writeString(cards.resolve("me__braces.md"), "---\n{}\n---\nA merge of [acme/a](https://huggingface.co/acme/a) "
                + "and [acme/b](https://huggingface.co/acme/b).\n\nIt is released under the Apache 2.0 license.\n");
        Path db = dir.resolve("s.duckdb");
        assertThat(CliRun.run("analyze", cards.toString(), "--db", db.toString(), "--annotator", "none").exit()).isZero();
        CliRun fromFiles = CliRun.run("suggest", cards.toString(), "--json");
        CliRun fromStore = CliRun.run("suggest", "--db", db.toString(), "--json");
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();
        // The same findings with the same evidence: the body's lines are the card file's (the card has a heading).
        assertThat(fromStore.out()).isEqualTo(fromFiles.out()).contains("\"line\":9")
                .contains("\"id\":\"me/braces\"").contains("\"id\":\"me/noheading\"");
        try (Connection c = CardStore.openReadOnly(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM suggestions WHERE card_id = 'me/tuned'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isPositive();
        }
        // A store's cards are not the cards as written: no patches from them; no SOURCE needs a store.
        CliRun patch = CliRun.run("suggest", "--db", db.toString(), "--patch-dir", dir.resolve("p").toString());
        assertThat(patch.exit()).isEqualTo(2);
        assertThat(patch.err()).contains("--patch-dir needs the cards as written");
        assertThat(CliRun.run("suggest").exit()).isEqualTo(2);
        CliRun missing = CliRun.run("suggest", "--db", dir.resolve("none.duckdb").toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("no such store").doesNotContain("Exception");
    }

    @Test
    void aJsonlIdThatClimbsOutGetsItsDraftInsideThePatchDir(@TempDir Path dir) throws Exception {
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"),
                "{\"modelId\": \"../../evil\", \"card\": " + JSON.writeValueAsString(TUNED) + "}\n");
        Path patches = dir.resolve("a").resolve("b").resolve("patches");
        CliRun run = CliRun.run("suggest", jsonl.toString(), "--patch-dir", patches.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.equals(jsonl)).toList()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.startsWith(patches.resolve("..__..__evil"))).as(f.toString()).isTrue());
        }
    }

    @Test
    void openPrsExitsThreeWhenTheHubIsUnavailableAndOneWhenAPullRequestFailed() {
        assertThat(SuggestCommand.exitStatus(new dev.cardminer.suggest.PullRequestRun.Summary(0, 2, 0, 2, true, false))).isEqualTo(3);
        assertThat(SuggestCommand.exitStatus(new dev.cardminer.suggest.PullRequestRun.Summary(1, 0, 1, 0, false, false))).isEqualTo(1);
        assertThat(SuggestCommand.exitStatus(new dev.cardminer.suggest.PullRequestRun.Summary(1, 3, 0, 0, false, false))).isZero();
        assertThat(SuggestCommand.exitStatus(new dev.cardminer.suggest.PullRequestRun.Summary(0, 0, 0, 3, false, true))).isEqualTo(2);
    }

    @Test
    void cardsWhoseBlockIsBrokenGetNoPatchAndSayWhyAsCheckDoes(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        String body = TUNED.substring(TUNED.indexOf("\n---\n") + 5);
        Files.writeString(cards.resolve("me__unclosed.md"), "---\nlicense: mit\n" + body);
        Files.writeString(cards.resolve("me__bom.md"), "\uFEFF" + TUNED);
        Path patches = dir.resolve("patches");
        CliRun text = CliRun.run("suggest", cards.toString(), "--patch-dir", patches.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("(no patch: 1:1: warning metadata-unclosed a metadata block opens here")
                .contains("(no patch: 1:1: warning bom-hides-metadata the file starts with a byte order mark");
        CliRun json = CliRun.run("suggest", cards.toString(), "--patch-dir", patches.toString(), "--json");
        assertThat(json.err()).contains("me/unclosed: no patch: 1:1: warning metadata-unclosed")
                .contains("me/bom: no patch: 1:1: warning bom-hides-metadata");
        assertThat(patches).doesNotExist();
    }

    @Test
    void openPrsNeedsThePatchDir(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("suggest", corpus(dir).toString(), "--open-prs");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--open-prs needs --patch-dir");
        CliRun stdin = CliRun.run("suggest", "-", "--open-prs", "--patch-dir", dir.resolve("p").toString());
        assertThat(stdin.exit()).isEqualTo(2);
        assertThat(stdin.err()).contains("--open-prs with '-' needs --id org/name");
    }

    @Test
    void evalPrintsTheIssuesJsonShape(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("eval", corpus(dir).toString(), "--split", "all", "--json", "--fields", "license,library_name");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.path("cards").asInt()).isEqualTo(2);
        JsonNode license = json.path("fields").path("license");
        assertThat(license.path("support").asInt()).isEqualTo(1);
        assertThat(license.path("predicted").asInt()).isEqualTo(1);
        assertThat(license.path("correct").asInt()).isZero();
        assertThat(license.path("precision").asDouble()).isZero();
        assertThat(license.has("recall")).isTrue();
        assertThat(license.has("f1")).isTrue();
        assertThat(json.path("split").asText()).isEqualTo("all");
        // Nothing to score: null, as the text table's n/a, not 0.
        JsonNode hub = json.path("fields").path("library_name@hub");
        assertThat(hub.path("support").asInt()).isZero();
        assertThat(hub.get("recall").isNull()).isTrue();
        assertThat(hub.get("f1").isNull()).isTrue();
    }

    @Test
    void fieldsMayBeWrittenWithSpacesAndANegativeLimitIsAUsageError(@TempDir Path dir) throws Exception {
        CliRun spaced = CliRun.run("eval", corpus(dir).toString(), "--split", "all", "--json", "--fields", "license, library_name");
        assertThat(spaced.exit()).as(spaced.err()).isZero();
        assertThat(JSON.readTree(spaced.out()).path("fields").has("license")).isTrue();
        CliRun negative = CliRun.run("suggest", corpus(dir).toString(), "--limit", "-5");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--limit must be at least 0");
    }

    @Test
    void evalTextSaysNotApplicableWhereThereIsNothingToScore(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("eval", corpus(dir).toString(), "--split", "all", "--fields", "license,library_name");
        assertThat(run.exit()).as(run.err()).isZero();
        // No card lacks library_name while the source has a column for it: support 0, no score, not 0.000.
        String hub = run.out().lines().filter(l -> l.startsWith("library_name@hub")).findFirst().orElseThrow();
        assertThat(hub).contains("n/a").doesNotContain("0.000");
        assertThat(run.out()).contains("field@hub: scored against the source's own column");
    }

    @Test
    void evalDumpsEachScoredFieldForErrorAnalysis(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("outcomes.jsonl");
        CliRun run = CliRun.run("eval", corpus(dir).toString(), "--split", "all", "--json", "--fields", "license",
                "--dump-outcomes", dump.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(dump);
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("id").asText()).isEqualTo("me/tuned");
        assertThat(line.path("field").asText()).isEqualTo("license");
        assertThat(line.path("truth").get(0).asText()).isEqualTo("mit");
        // What the extractor proposed on the card with its licence hidden: the text's, with rule and evidence.
        assertThat(line.path("predicted").get(0).path("value").asText()).isEqualTo("apache-2.0");
        assertThat(line.path("predicted").get(0).path("method").asText()).isEqualTo("released-under");
        assertThat(line.path("predicted").get(0).path("evidence").asText()).contains("Apache 2.0");
        assertThat(line.path("body").asText()).contains("# tuned");
    }

    @Test
    void jsonLinesThatAreNoCardAreReportedWithTheirLineAsAnalyzeDoes(@TempDir Path dir) throws Exception {
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), "{\"modelId\": \"me/tuned\", \"card\": "
                + JSON.writeValueAsString(TUNED) + "}\n{not json\n{\"card\": \"# no id\"}\n");
        String expected = "suggest: " + jsonl + ": 2 entries skipped, not readable as cards (line 2, column 2: ";
        CliRun text = CliRun.run("suggest", jsonl.toString(), "--fields", "base_model");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("+ base_model = acme/base-1", "1 card, 1 with findings");
        assertThat(text.err()).startsWith(expected).contains("; line 3: no modelId)");
        CliRun json = CliRun.run("suggest", jsonl.toString(), "--fields", "base_model", "--json");
        assertThat(json.err()).startsWith(expected);
        assertThat(json.out().strip().split("\n")).hasSize(1);
        CliRun eval = CliRun.run("eval", jsonl.toString(), "--split", "all", "--fields", "license");
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.err()).contains("eval: " + jsonl + ": 2 entries skipped, not readable as cards (line 2, column 2: ");
        CliRun analyze = CliRun.run("analyze", jsonl.toString(), "--db", dir.resolve("a.duckdb").toString(),
                "--annotator", "none", "--progress", "none");
        assertThat(analyze.err()).contains("analyze: " + jsonl + ": 2 entries skipped, not readable as cards (line 2, column 2: ");
    }

    @Test
    void aSecondCardWithTheSameIdGetsItsOwnFolderAndNoPullRequest(@TempDir Path dir) throws Exception {
        String other = TUNED.replace("acme/base-1", "acme/base-2");
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), "{\"modelId\": \"me/tuned\", \"card\": "
                + JSON.writeValueAsString(TUNED) + "}\n{\"modelId\": \"Me/Tuned\", \"card\": " + JSON.writeValueAsString(other) + "}\n");
        Path patches = dir.resolve("patches");
        CliRun run = CliRun.run("suggest", jsonl.toString(), "--patch-dir", patches.toString(), "--fields", "base_model");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(patches.resolve("me__tuned").resolve("README.md"))).contains("base_model: acme/base-1\n");
        assertThat(Files.readString(patches.resolve("Me__Tuned~2").resolve("README.md"))).contains("base_model: acme/base-2\n");
        assertThat(Files.readString(patches.resolve("Me__Tuned~2").resolve("README.md.diff"))).contains("+base_model: acme/base-2");
        assertThat(run.out()).contains("(draft 2 for this id in the source: its own patch is in " + patches.resolve("Me__Tuned~2") + ")",
                "2 patched");
        // the same run again writes the same folders (the order of the source decides)
        CliRun again = CliRun.run("suggest", jsonl.toString(), "--patch-dir", patches.toString(), "--fields", "base_model", "--json");
        assertThat(again.err()).contains("Me/Tuned: draft 2 for this id in the source: its own patch is in " + patches.resolve("Me__Tuned~2"));
        try (var folders = Files.list(patches)) {
            assertThat(folders.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("Me__Tuned~2", "me__tuned");
        }
    }

    @Test
    void aCardOverTheBodyLimitIsReadUpToItAndSaysSo(@TempDir Path dir) throws Exception {
        String filler = "Some words about the model, one line of many.\n".repeat(300 * 1024 / 46);
        Path card = Files.writeString(dir.resolve("me__big.md"), "---\nlicense: mit\n---\n# big\n\n" + filler + TUNED.substring(TUNED.indexOf("This model")));
        CliRun run = CliRun.run("suggest", card.toString(), "--fields", "base_model");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("acme/base-1").contains("1 card, 0 with findings");
        assertThat(run.err()).matches("(?s)suggest: me/big:\\d+:1: warning body-too-large the body has [\\d,]+ characters; sections, "
                + "links and sentences cover only the first [\\d,]+ \\(up to here\\); suggestions are read from that part only\n");
    }

    @Test
    void aCardFromStandardInputHasNoModelNameUnlessIdGivesOne(@TempDir Path dir) throws Exception {
        String card = "---\npipeline_tag: text-classification\n---\n" + TUNED.substring(TUNED.indexOf("# tuned"));
        java.io.InputStream saved = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(card.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Path unnamed = dir.resolve("unnamed");
            CliRun run = CliRun.run("suggest", "-", "--patch-dir", unnamed.toString(), "--fields", "model-index,base_model");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("no model name for the model-index entry (the card has no repo id); give --id org/name");
            String patched = Files.readString(unnamed.resolve("stdin").resolve("README.md"));
            assertThat(patched).contains("base_model: acme/base-1").doesNotContain("model-index", "name: stdin");

            System.setIn(new java.io.ByteArrayInputStream(card.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Path named = dir.resolve("named");
            CliRun withId = CliRun.run("suggest", "-", "--id", "acme/tuned-1", "--patch-dir", named.toString(), "--fields", "model-index");
            assertThat(withId.exit()).as(withId.err()).isZero();
            assertThat(Files.readString(named.resolve("acme__tuned-1").resolve("README.md"))).contains("model-index:\n- name: tuned-1\n");
        } finally {
            System.setIn(saved);
        }
        assertThat(CliRun.run("suggest", corpus(dir).toString(), "--id", "acme/x").exit()).isEqualTo(2);
        assertThat(CliRun.run("suggest", "-", "--id", "../x").err()).contains("--id ../x: ");
    }

    /**
     * In a JVM of its own, for HF_TOKEN: an id whose first card has no draft still gets its one pull request, and with
     * --json standard output holds JSON lines only (the outcomes go to standard error).
     */
    @Test
    void anIdsFirstDraftIsSentEvenWhenAnEarlierCardOfItHadNoneAndJsonOutputStaysJson(@TempDir Path dir) throws Exception {
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), "{\"modelId\": \"me/tuned\", \"card\": "
                + JSON.writeValueAsString("# plain\n\nNothing to see.\n") + "}\n{\"modelId\": \"me/tuned\", \"card\": "
                + JSON.writeValueAsString(TUNED) + "}\n{\"modelId\": \"loose\", \"card\": " + JSON.writeValueAsString(TUNED) + "}\n");
        Path patches = dir.resolve("patches");
        try (dev.cardminer.testkit.FakeHub hub = dev.cardminer.testkit.FakeHub.start()) {
            hub.model("me/tuned").sha("a".repeat(40)).file("README.md", TUNED);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Cardminer.class.getName(), "suggest", jsonl.toString(),
                    "--fields", "base_model", "--patch-dir", patches.toString(), "--open-prs", "--json",
                    "--hub-endpoint", hub.endpoint().toString());
            pb.environment().put("HF_TOKEN", "hf_secret_never_shown");
            pb.environment().remove("HF_ENDPOINT");
            pb.redirectError(dir.resolve("err.txt").toFile());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(p.exitValue()).as(err).isZero();
            assertThat(hub.commits()).singleElement().satisfies(c -> {
                assertThat(c.repo()).isEqualTo("me/tuned");
                assertThat(c.createPr()).isTrue();
                assertThat(new String(c.files().get("README.md"), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("base_model: acme/base-1\n");
            });
            assertThat(out.strip().split("\n")).hasSize(2).allSatisfy(line -> assertThat(JSON.readTree(line).path("id").isTextual())
                    .as(line).isTrue());
            assertThat(err).contains("opened me/tuned: ", "skipped not a repo loose: ", "pull requests: opened 1, skipped 1, failed 0")
                    .doesNotContain("hf_secret_never_shown").doesNotContain("with this id");
            assertThat(Files.readString(patches.resolve("me__tuned").resolve("README.md"))).contains("base_model: acme/base-1\n");
        }
    }

    /**
     * {@code suggest ... --json | head -1} over a long run of cards without findings: they print nothing, so no write
     * fails; the run still stops soon after the reader closed its output (poll(2) asked, JDK 22+) and never reaches the
     * last card. In a JVM of its own, with a real pipe. On JDK 21, where poll cannot be asked, it reads on to the next
     * card it prints, the last, as before.
     */
    @Test
    void aClosedOutputStopsTheRunAlsoInALongRunOfCardsWithoutFindings(@TempDir Path dir) throws Exception {
        StringBuilder lines = new StringBuilder();
        lines.append("{\"modelId\": \"me/first\", \"card\": ").append(JSON.writeValueAsString(TUNED)).append("}\n");
        String plain = JSON.writeValueAsString("---\nlicense: mit\nlibrary_name: transformers\npipeline_tag: fill-mask\n"
                + "language: en\n---\n# M\n\nNothing to add.\n");
        for (int i = 0; i < 20_000; i++) {
            lines.append("{\"modelId\": \"me/plain").append(i).append("\", \"card\": ").append(plain).append("}\n");
        }
        lines.append("{\"modelId\": \"me/last\", \"card\": ").append(JSON.writeValueAsString(TUNED)).append("}\n");
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), lines);
        Path drafts = dir.resolve("drafts");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Cardminer.class.getName(), "suggest", jsonl.toString(), "--json", "--patch-dir", drafts.toString());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(JSON.readTree(out.readLine()).path("id").asText()).isEqualTo("me/first");
        }   // head -1 exits: the pipe has no reader any more
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isEqualTo(SuggestCommand.OUTPUT_CLOSED);
        assertThat(Files.readString(dir.resolve("err.txt"))).doesNotContain("WARNING");
        try (var folders = Files.list(drafts)) {
            List<String> written = folders.map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(written).isEqualTo(Runtime.version().feature() >= 22 ? List.of("me__first")
                    : List.of("me__first", "me__last"));
        }
    }

    @Test
    void aFolderThatCannotBeWrittenStopsOnlyItsCardAndLongIdsGetShortFolders(@TempDir Path dir) throws Exception {
        String longId = "me/" + "a".repeat(300);
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), "{\"modelId\": \"" + longId + "\", \"card\": "
                + JSON.writeValueAsString(TUNED) + "}\n{\"modelId\": \"me/blocked\", \"card\": " + JSON.writeValueAsString(TUNED)
                + "}\n{\"modelId\": \"me/tuned\", \"card\": " + JSON.writeValueAsString(TUNED) + "}\n");
        Path patches = Files.createDirectories(dir.resolve("patches"));
        Files.writeString(patches.resolve("me__blocked"), "a file where the folder would go\n");
        CliRun run = CliRun.run("suggest", jsonl.toString(), "--patch-dir", patches.toString(), "--fields", "base_model");
        // the other cards are patched; the run ends with exit 2, as any output that could not be written
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).contains("(no patch written: " + patches.resolve("me__blocked") + ": exists and is not a folder)")
                .contains("3 cards, 3 with findings: 3 suggestions, 0 conflicts, 2 patched in " + patches + " (1 could not be written)");
        assertThat(Files.readString(patches.resolve("me__tuned").resolve("README.md"))).contains("base_model: acme/base-1\n");
        try (var folders = Files.list(patches)) {
            List<String> names = folders.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("me__aaa")).toList();
            assertThat(names).singleElement().satisfies(n -> assertThat(n).hasSize(200).matches("me__a+-[0-9a-f]{12}"));
        }
        // the same id, the same folder; another long id with the same first 200 characters, another folder
        assertThat(dev.cardminer.suggest.DryRunWriter.folder(patches, longId))
                .isEqualTo(dev.cardminer.suggest.DryRunWriter.folder(patches, longId))
                .isNotEqualTo(dev.cardminer.suggest.DryRunWriter.folder(patches, longId + "b"));
    }

    @Test
    void anIdCannotForgeLinesOrReorderWhatTheTerminalShows(@TempDir Path dir) throws Exception {
        String id = "me/t\nforged line\u202e\u2066x";
        String entry = "{\"modelId\": " + JSON.writeValueAsString(id) + ", \"card\": " + JSON.writeValueAsString(TUNED) + "}\n";
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), entry + entry);
        Path patches = dir.resolve("patches");
        CliRun text = CliRun.run("suggest", jsonl.toString(), "--fields", "base_model", "--patch-dir", patches.toString());
        CliRun json = CliRun.run("suggest", jsonl.toString(), "--fields", "base_model", "--patch-dir", patches.toString(), "--json");
        for (String shown : List.of(text.out(), text.err(), json.err())) {
            assertThat(shown).doesNotContain("\nforged", "\u202e", "\u2066");
        }
        assertThat(text.out()).contains("me/t\\u000aforged line\\u202e\\u2066x\n");
        assertThat(json.err()).contains("me/t\\u000aforged line\\u202e\\u2066x: draft 2 for this id");
    }

    @Test
    void aModelIndexResultReadsAsMetricValueAndDataset(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("suggest", corpus(dir).toString(), "--fields", "model-index");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("+ model-index = accuracy = 0.9012 on tiny_reviews").doesNotContain("metric={");
    }

    @Test
    void aPatchDirWithEarlierDraftsIsSaid(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("patches");
        CliRun first = CliRun.run("suggest", corpus(dir).toString(), "--patch-dir", out.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).doesNotContain("is not empty");
        CliRun second = CliRun.run("suggest", corpus(dir).toString(), "--patch-dir", out.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).contains("is not empty");
    }

    @Test
    void metadataEvidenceFromAStoreHasNoMadeUpLine(@TempDir Path dir) throws Exception {
        Path cards = Files.createDirectories(dir.resolve("tagged"));
        Files.writeString(cards.resolve("me__tagged.md"), "---\ntags:\n- a\n- text-classification\n---\n# m\n\nWeights.\n");
        Path db = dir.resolve("t.duckdb");
        assertThat(CliRun.run("analyze", cards.toString(), "--db", db.toString(), "--annotator", "none").exit()).isZero();
        CliRun fromFiles = CliRun.run("suggest", cards.toString(), "--fields", "pipeline_tag");
        assertThat(fromFiles.out()).contains("+ pipeline_tag = text-classification", "metadata, line 4)");
        CliRun fromStore = CliRun.run("suggest", "--db", db.toString(), "--fields", "pipeline_tag");
        assertThat(fromStore.exit()).as(fromStore.err()).isZero();
        assertThat(fromStore.out()).contains("+ pipeline_tag = text-classification", ", metadata)").doesNotContain("metadata, line");
    }

    /**
     * Several local SOURCEs, files and folders mixed, as check takes them (TESTER-SUGGEST F29): each card as when its
     * SOURCE is given alone (same id, same findings, same patch), in the order given, one summary for all.
     */
    @Test
    void severalFilesAndFoldersAreReadAsEachAlone(@TempDir Path dir) throws Exception {
        Path cards = corpus(dir);
        Path other = Files.createDirectories(dir.resolve("other/acme/tuned-2"));
        Files.writeString(other.resolve("README.md"), TUNED.replace("acme/base-1", "acme/base-2"));
        Path lone = Files.writeString(dir.resolve("lib__lone.md"), TUNED.replace("acme/base-1", "acme/base-3"));
        String[] sources = {lone.toString(), dir.resolve("other").toString(), cards.resolve("me__tuned.md").toString()};
        StringBuilder alone = new StringBuilder();
        for (String s : sources) {
            CliRun one = CliRun.run("suggest", s, "--json");
            assertThat(one.exit()).as(one.err()).isZero();
            alone.append(one.out());
        }
        CliRun several = CliRun.run("suggest", sources[0], sources[1], sources[2], "--json");
        assertThat(several.exit()).as(several.err()).isZero();
        assertThat(several.out()).isEqualTo(alone.toString());
        assertThat(several.out()).contains("\"id\":\"lib/lone\"", "\"id\":\"acme/tuned-2\"", "\"id\":\"me/tuned\"",
                "acme/base-3", "acme/base-2");

        Path out = dir.resolve("out");
        CliRun patched = CliRun.run("suggest", sources[0], sources[1], sources[2], "--patch-dir", out.toString());
        assertThat(patched.exit()).as(patched.err()).isZero();
        assertThat(patched.out()).contains("3 cards, 3 with findings", "3 patched in");
        assertThat(out.resolve("lib__lone/README.md")).content().contains("base_model: acme/base-3");
        assertThat(out.resolve("acme__tuned-2/README.md")).content().contains("base_model: acme/base-2");
        assertThat(out.resolve("me__tuned/README.md")).content().contains("base_model: acme/base-1");
    }

    /**
     * Among several SOURCEs, one that is no card source or not there is said with its name and the others are read;
     * the run ends with 2, as check ends when one of its files cannot be read.
     */
    @Test
    void anUnreadableOneOfSeveralSourcesIsSaidAndTheOthersAreRead(@TempDir Path dir) throws Exception {
        Path cards = corpus(dir);
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a card\n");
        CliRun run = CliRun.run("suggest", notes.toString(), dir.resolve("missing.md").toString(),
                cards.resolve("me__tuned.md").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(notes + ": not read: not a card source", "missing.md: not read: no such file")
                .doesNotContain("Exception");
        assertThat(run.out()).contains("me/tuned", "+ base_model = acme/base-1", "1 card, 1 with findings");
        CliRun missing = CliRun.run("suggest", cards.toString(), dir.resolve("missing.md").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).contains("2 cards, 1 with findings");
        // one that breaks while read (JSON Lines without a card line) is said, and the SOURCE after it is still read
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "{\"note\": \"no card here\"}\n");
        CliRun broken = CliRun.run("suggest", empty.toString(), cards.resolve("me__tuned.md").toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains(empty + ": not read: no line is a card").doesNotContain("Exception");
        assertThat(broken.out()).contains("me/tuned", "+ base_model = acme/base-1");
    }

    /**
     * --id names one card, '-' is one card from standard input, and --open-prs refuses a README.md whose repo would be
     * guessed from its folders: with several SOURCEs, usage errors before anything is read or written.
     */
    @Test
    void idStdinAndAGuessedReadmeAmongSeveralSourcesAreUsageErrors(@TempDir Path dir) throws Exception {
        Path cards = corpus(dir);
        Path clone = Files.createDirectories(dir.resolve("code/my-model"));
        Files.writeString(clone.resolve("README.md"), TUNED);
        Path out = dir.resolve("out");
        String tuned = cards.resolve("me__tuned.md").toString();
        String plain = cards.resolve("me__plain.md").toString();
        CliRun id = CliRun.run("suggest", tuned, plain, "--id", "me/x", "--patch-dir", out.toString());
        assertThat(id.exit()).isEqualTo(2);
        assertThat(id.err()).contains("--id names one card", "not with 2 SOURCEs", "--help");
        CliRun stdin = CliRun.run("suggest", tuned, "-");
        assertThat(stdin.exit()).isEqualTo(2);
        assertThat(stdin.err()).contains("'-' reads one card from standard input: give it alone");
        for (String readme : new String[] {clone.resolve("README.md").toString(), clone.toString()}) {
            CliRun prs = CliRun.run("suggest", tuned, readme, "--patch-dir", out.toString(), "--open-prs");
            assertThat(prs.exit()).isEqualTo(2);
            assertThat(prs.err()).contains("--open-prs with", "(" + readme + ")", "--id org/name, given alone",
                    "(code/my-model)").doesNotContain("Exception");
            assertThat(prs.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
    }

    /**
     * Odd front matter: every card gets a patch that the Hub's rule reads with the body byte for byte, or a line saying
     * where and why not; the run goes on to the next card.
     */
    @Test
    void oddFrontMatterGetsACorrectPatchOrALocatedReason(@TempDir Path dir) throws Exception {
        String tuned = "This model is a fine-tuned version of [acme/base-1](https://huggingface.co/acme/base-1) on the "
                + "tiny_reviews dataset.";
        Path cards = Files.createDirectories(dir.resolve("cards"));
        java.util.Map<String, byte[]> odd = new java.util.LinkedHashMap<>();
        odd.put("me__flow", ("---\n{license: mit,  # ours\n tags: [a]}\n---\n" + tuned + "\n").getBytes());
        odd.put("me__cr", ("# T\r\r" + tuned + "\r").getBytes());
        odd.put("me__crblock", ("---\rlicense: mit\r---\r\r" + tuned + "\r").getBytes());
        odd.put("me__mixed", ("---\nlicense: mit\r\n---\r\n" + tuned + "\n").getBytes());
        odd.put("me__blanks", ("---  \nlicense: mit\n---\n" + tuned + "\n").getBytes());
        odd.put("me__bom", ("\uFEFF# T\n" + tuned + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        odd.put("me__latin1", ("---\ndescription: caf\u00e9\n---\n" + tuned + "\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        odd.put("me__tab", ("---\nlicense:\tmit\n---\n" + tuned + "\n").getBytes());
        odd.put("me__empty", ("---\n---\n\n" + tuned + "\n").getBytes());
        odd.put("me__zero", new byte[0]);
        for (var e : odd.entrySet()) {
            Files.write(cards.resolve(e.getKey() + ".md"), e.getValue());
        }
        Path out = dir.resolve("out");
        CliRun run = CliRun.run("suggest", cards.toString(), "--fields", "base_model", "--patch-dir", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        for (String id : List.of("me__cr", "me__crblock", "me__blanks", "me__latin1", "me__tab")) {
            assertThat(out.resolve(id)).as(id).doesNotExist();
        }
        assertThat(run.out()).contains("lone carriage return", "metadata-unclosed", "spaces or tabs after it",
                "2:17: warning invalid-utf8", "2:9: error yaml-syntax");
        assertThat(run.out().split("\n(?=me/)")).filteredOn(c -> c.startsWith("me/crblock"))
                .hasSize(1).allSatisfy(c -> assertThat(c).contains("(no patch: 1:1: warning metadata-unclosed"));
        // '---' right above '---' is a block left empty: the value goes between its lines, the text below is kept
        assertThat(Files.readString(out.resolve("me__empty").resolve("README.md")))
                .isEqualTo("---\nbase_model: acme/base-1\n---\n\n" + tuned + "\n");
        for (String id : List.of("me__flow", "me__mixed", "me__bom")) {
            String patched = Files.readString(out.resolve(id).resolve("README.md"));
            dev.cardminer.core.ModelCard card = dev.cardminer.core.ModelCard.parse(id, patched);
            assertThat(card.metadata().baseModel()).as(id).containsExactly("acme/base-1");
            String body = dev.cardminer.core.ModelCard.parse(id, odd.get(id)).body();
            assertThat(card.body()).as(id).isEqualTo(body.startsWith("\uFEFF") ? body.substring(1) : body);
        }
        assertThat(Files.readString(out.resolve("me__flow").resolve("README.md")))
                .startsWith("---\n{license: mit,  # ours\n tags: [a], base_model: acme/base-1}\n---\n");
    }
}
