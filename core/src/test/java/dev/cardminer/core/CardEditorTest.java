package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.testkit.SharedData;
import dev.cardminer.core.internal.YamlBlockReader;
import dev.cardminer.core.internal.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CardEditorTest {

    private static final Path CARDS = SharedData.corpusCards();

    private static final String CARD = """
            ---
            # licence checked by legal
            language:
            - en
            - fr
            license: apache-2.0   # see LICENSE
            tags:
              - text-classification
              - 'quoted'
            model-index:
            - name: m
              results:
              - task: {type: text-classification}
                dataset: {type: imdb, name: IMDB}
                metrics:
                - type: accuracy
                  value: 0.93
            # trailing comment
            ---
            # Model

            Body text with --- and
            ---
            license: gpl
            """;

    /** Lines of {@code before} that {@code after} does not keep, as a [first, last] window (0-based). */
    private static int[] changedWindow(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        return new int[]{prefix, a.size() - 1 - suffix};
    }

    private static List<String> lines(String text, int from, int to) {
        return text.lines().toList().subList(from, to + 1);
    }

    @Test
    void applyWithAParserSaysTheWarningsTheEditAddsAndRefusesOneThatAddsAnError() {
        String card = "---\nlicense: mit\ntags: [a, b] # mine\n---\n# Body\n";
        CardParser parser = CardParser.builder().build();

        // a second licence makes a list of a one-value key: written as told, and said (apply() says nothing)
        Edit list = CardEditor.of(card).add("license", "apache-2.0").apply(parser);
        assertThat(list.ok()).isTrue();
        assertThat(list.text()).startsWith("---\nlicense: [mit, apache-2.0]\n");
        assertThat(list.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.INVALID_TYPE);
            assertThat(p.line()).isEqualTo(2);
        });
        assertThat(CardEditor.of(card).add("license", "apache-2.0").apply().problems()).isEmpty();

        Edit unknown = CardEditor.of(card).set("license", "not-a-licence").apply(parser);
        assertThat(unknown.ok()).isTrue();
        assertThat(unknown.text()).contains("license: not-a-licence\ntags: [a, b] # mine\n");
        assertThat(unknown.problems()).extracting(Problem::code).containsExactly(ProblemCodes.UNKNOWN_LICENSE);

        // the card's own problems are not the edit's
        Edit clean = CardEditor.of("---\nlicense: not-a-licence\n---\n# Body\n").set("tags", List.of("x"))
                .apply(parser);
        assertThat(clean.ok()).isTrue();
        assertThat(clean.changed()).isTrue();
        assertThat(clean.problems()).isEmpty();

        // an error by the caller's own rules (an extractor of its parser): refused, the card unchanged
        CardParser strict = CardParser.builder().extractor((c, out) -> {
            if (c.metadata().has("co2_eq_emissions")) {
                out.problem(Problem.error("house-rule", "no emissions key here", 2, 1));
            }
        }).build();
        Edit refused = CardEditor.of(card).set("co2_eq_emissions", 12).apply(strict);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.changed()).isFalse();
        assertThat(refused.text()).isSameAs(card);
        assertThat(refused.problems()).extracting(Problem::code).containsExactly("house-rule");
        assertThat(CardEditor.of(card).set("license", "apache-2.0").apply(strict).ok()).isTrue();
    }

    @Test
    void setReplacesExactlyTheKeysLine() {
        String out = CardEditor.of(CARD).set("license", "mit").apply().text();
        int[] w = changedWindow(CARD, out);
        assertThat(w).containsExactly(5, 5);
        assertThat(lines(out, 5, 5)).containsExactly("license: mit   # see LICENSE");   // the author's comment stays
        assertThat(ModelCard.parse(out).body()).isEqualTo(ModelCard.parse(CARD).body());
    }

    @Test
    void replacingAMultiLineValueReplacesAllOfItsLinesAndNothingElse() {
        String out = CardEditor.of(CARD).set("model-index", List.of()).set("tags", List.of("a", "no")).apply().text();
        List<String> after = out.lines().toList();
        assertThat(after).contains("tags:", "  - a", "  - 'no'", "model-index: []", "# trailing comment",
                "# licence checked by legal", "license: apache-2.0   # see LICENSE");
        assertThat(after).doesNotContain("  - text-classification", "- name: m");
        ModelCard card = ModelCard.parse(out);
        assertThat(card.metadata().tags()).containsExactly("a", "no");
        assertThat(card.metadata().get("model-index")).isEqualTo(List.of());
        assertThat(card.problems()).noneMatch(p -> p.code().startsWith("yaml"));
    }

    @Test
    void removeDeletesExactlyTheKeysLines() {
        String out = CardEditor.of(CARD).remove("tags").apply().text();
        int[] w = changedWindow(CARD, out);
        assertThat(lines(CARD, w[0], w[1])).containsExactly("tags:", "  - text-classification", "  - 'quoted'");
        assertThat(out.lines().count()).isEqualTo(CARD.lines().count() - 3);
        assertThat(ModelCard.parse(out).metadata().has("tags")).isFalse();
    }

    @Test
    void addRefusesANullItemWithAMessageNamingTheKey() {
        CardEditor editor = CardEditor.of(CARD);
        assertThatThrownBy(() -> editor.add("tags", "ok", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tags'").hasMessageContaining("null");
        assertThatThrownBy(() -> editor.add("tags", (Object[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tags'");
        // set(key, null) stays the way to write null
        assertThat(editor.set("tags", null).apply().ok()).isTrue();
    }

    @Test
    void addAppendsItemsInTheCardsIndentationAfterTheLastItem() {
        String out = CardEditor.of(CARD).add("tags", "quoted", "new-tag", "yes").add("language", "no").apply().text();
        List<String> after = out.lines().toList();
        int i = after.indexOf("  - 'quoted'");
        assertThat(after.subList(i + 1, i + 3)).containsExactly("  - new-tag", "  - 'yes'");
        int l = after.indexOf("- fr");
        assertThat(after.get(l + 1)).isEqualTo("- 'no'");
        assertThat(after).hasSize((int) CARD.lines().count() + 3);
        assertThat(after).containsSubsequence(CARD.lines().toList()); // insertions only
        ModelCard card = ModelCard.parse(out);
        assertThat(card.metadata().tags()).containsExactly("text-classification", "quoted", "new-tag", "yes");
        assertThat(card.metadata().language()).containsExactly("en", "fr", "no");
        assertThat(card.problems()).noneMatch(p -> p.code().startsWith("yaml11"));
    }

    @Test
    void addToAnEmptyOrEmptyStringKeyGivesTheNewItemsOnly() {
        String out = CardEditor.of("---\nmetrics: \"\"\ntags: ''\nlanguage:\ndatasets: [a]\n---\n# m\n")
                .add("metrics", "f1").add("tags", "x").add("language", "en").add("datasets", "b").apply().text();
        Metadata m = ModelCard.parse(out).metadata();
        assertThat(m.get("metrics")).isEqualTo(List.of("f1"));
        assertThat(m.get("tags")).isEqualTo(List.of("x"));
        assertThat(m.get("language")).isEqualTo(List.of("en"));
        assertThat(m.get("datasets")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void newKeysGoAfterTheLastKeyBeforeTrailingComments() {
        String out = CardEditor.of(CARD).set("pipeline_tag", "text-classification")
                .set("datasets", List.of("imdb", "stanfordnlp/sst2")).apply().text();
        List<String> after = out.lines().toList();
        int i = after.indexOf("      value: 0.93");
        assertThat(after.subList(i + 1, i + 6)).containsExactly("pipeline_tag: text-classification", "datasets:",
                "- imdb", "- stanfordnlp/sst2", "# trailing comment");
    }

    /**
     * The Hub reads a block without its last line break, so a literal or folded scalar that ends the block has none: a
     * key added after it would add one to its value. New keys go before that entry, and its value stays as it was.
     */
    @Test
    void newKeysGoBeforeABlockScalarThatEndsTheBlock() {
        String[] cards = {
                "---\nlicense: mit\ndescription: >\n  folded\n  text\n---\n# m\n",
                "---\nlicense: mit\n# the demo\nwidget:\n  - text: |\n      literal\n---\n# m\n",
                "---\nnotes: |+\n  kept\n\n---\n# m\n",
                "---\r\nlicense: mit\r\nwidget:\r\n  text: >-\r\n    stripped\r\n---\r\n# m\r\n"};
        for (String card : cards) {
            Edit edit = CardEditor.of(card).set("language", "en").set("pipeline_tag", "text-generation").apply();
            assertThat(edit.ok()).as(card).isTrue();
            Metadata before = ModelCard.parse(card).metadata();
            Metadata after = ModelCard.parse(edit.text()).metadata();
            for (String key : before.keys()) {
                assertThat(after.get(key)).as(key + " in " + card).isEqualTo(before.get(key));
            }
            assertThat(after.get("language")).isEqualTo("en");
            assertThat(after.get("pipeline_tag")).isEqualTo("text-generation");
            assertThat(ModelCard.parse(edit.text()).body()).isEqualTo(ModelCard.parse(card).body());
            // two lines are added, and the block scalar's last lines still close the block
            List<String> was = card.lines().toList();
            List<String> now = edit.text().lines().toList();
            assertThat(now).hasSize(was.size() + 2);
            int closeWas = was.subList(1, was.size()).indexOf("---") + 1;
            int closeNow = now.subList(1, now.size()).indexOf("---") + 1;
            assertThat(now.subList(closeNow - 2, closeNow)).as(card).isEqualTo(was.subList(closeWas - 2, closeWas));
        }
    }

    @Test
    void valuesYamlWouldMisreadAreQuotedAndReadBackAsWritten() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", "no");
        values.put("b", "1.0");
        values.put("c", "2023-01-01");
        values.put("d", "key: value # not a comment");
        values.put("e", "- dash");
        values.put("f", "it's");
        values.put("g", "line one\nline two\n");
        values.put("h", "tab\there\u0001");
        values.put("i", "");
        values.put("j", "0755");
        values.put("k", "1e-5");
        values.put("l", 1e-5);
        values.put("m", 3);
        values.put("n", Map.of("x", List.of(Map.of("y", true, "z", "on")), "empty", Map.of()));
        values.put("o", null);
        values.put("p", "~");
        values.put("q", " padded ");
        values.put("r", Double.NaN);
        CardEditor editor = CardEditor.of("# Body\n");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            editor = editor.set(e.getKey(), e.getValue());
        }
        String out = editor.apply().text();
        ModelCard card = ModelCard.parse(out);
        Map<String, Object> expected = new LinkedHashMap<>(values);
        expected.put("m", 3L);
        assertThat(card.metadata().values()).isEqualTo(expected);
        assertThat(card.problems()).noneMatch(p -> p.code().startsWith("yaml"));
        assertThat(out).contains("a: 'no'\n", "b: '1.0'\n", "c: '2023-01-01'\n", "l: 1.0e-5\n", "g: |\n  line one\n");
        assertThat(card.body()).isEqualTo("# Body\n");
    }

    @Test
    void crlfStaysCrlfAndTheBodyStaysByteExact() {
        String crlf = CARD.replace("\n", "\r\n");
        String out = CardEditor.of(crlf).set("license", "mit").set("library_name", "transformers")
                .add("tags", "x").apply().text();
        assertThat(out.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(ModelCard.parse(out).body()).isEqualTo(ModelCard.parse(crlf).body());
        assertThat(ModelCard.parse(out).metadata().libraryName()).contains("transformers");
    }

    @Test
    void noEditsOrNoChangesGiveTheInputItself() {
        assertThat(CardEditor.of(CARD).apply().text()).isSameAs(CARD);
        assertThat(CardEditor.of(CARD).set("license", "apache-2.0").add("tags", "quoted").remove("nothing")
                .apply().text()).isSameAs(CARD);
        String noBlock = "# Just a body\n";
        assertThat(CardEditor.of(noBlock).remove("license").apply().text()).isSameAs(noBlock);
    }

    @Test
    void aCardWithoutBlockGetsOneAtTheTop() {
        String body = "# Title\r\n\r\n---\r\nnot: metadata\r\n";
        String out = CardEditor.of(body).set("license", "mit").add("tags", "a").apply().text();
        assertThat(out).isEqualTo("---\r\nlicense: mit\r\ntags:\r\n- a\r\n---\r\n" + body);
        ModelCard card = ModelCard.parse(out);
        assertThat(card.body()).isEqualTo(body);
        assertThat(card.metadata().values()).isEqualTo(Map.of("license", "mit", "tags", List.of("a")));
        String bom = "\uFEFF# Title\n";
        assertThat(ModelCard.parse(CardEditor.of(bom).set("license", "mit").apply().text()).metadata().license())
                .contains("mit");
    }

    @Test
    void duplicateKeysAreMergedIntoTheEditedOne() {
        String card = "---\nlicense: mit\ntags: [a]\nlicense: gpl-3.0\n---\n";
        String out = CardEditor.of(card).set("license", "apache-2.0").apply().text();
        assertThat(out).isEqualTo("---\ntags: [a]\nlicense: apache-2.0\n---\n");
        assertThat(metadataProblems(ModelCard.parse(out))).isEmpty();
    }

    @Test
    void blocksThatCannotBeEditedLineByLineAreRefusedWithTheirLocation() {
        String broken = "---\nlicense: mit\n  bad: [\n---\n";
        Edit edit = CardEditor.of(broken).set("a", "b").apply();
        assertThat(edit.ok()).isFalse();
        assertThat(edit.changed()).isFalse();
        assertThat(edit.text()).isSameAs(broken);
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.YAML_SYNTAX);
            assertThat(p.line()).isEqualTo(3);
        });
        assertThat(CardEditor.of("---\n- a\n---\n").set("a", "b").apply().problems())
                .extracting(Problem::code).containsExactly(ProblemCodes.YAML_NOT_MAPPING);
    }

    @Test
    void addingListItemsToAMappingIsRefusedAsAProblem() {
        String card = "---\nwidget:\n  a: 1\n---\n";
        Edit edit = CardEditor.of(card).add("widget", "x").apply();
        assertThat(edit.ok()).isFalse();
        assertThat(edit.text()).isSameAs(card);
        assertThat(edit.problems()).extracting(Problem::code).containsExactly(ProblemCodes.EDIT_NOT_POSSIBLE);
    }

    /** The card edited, after asserting that it went through and reads back as {@code expected}, body unchanged. */
    private static String readsAs(String card, CardEditor editor, Map<String, Object> expected) {
        Edit edit = editor.apply();
        assertThat(edit.ok()).as(edit.problems().toString()).isTrue();
        ModelCard after = ModelCard.parse(edit.text());
        assertThat(after.metadata().values()).isEqualTo(expected);
        assertThat(after.body()).isEqualTo(ModelCard.parse(card).body());
        assertThat(after.problems()).extracting(Problem::code).noneMatch(c -> c.startsWith("yaml"));
        return edit.text();
    }

    private static final String FLOW = "---\n{license: mit, # c\n tags: [a, b]}\n---\nbody";

    /**
     * A key that a block written as one flow mapping holds is changed where it stands: only its value changes, the
     * other entries, quotes, comments and line breaks stay (the block was rewritten in block style, its comments lost).
     */
    @Test
    void aKeyOfAFlowMappingIsChangedWhereItStands() {
        assertThat(readsAs(FLOW, CardEditor.of(FLOW).set("license", "apache-2.0"),
                Map.of("license", "apache-2.0", "tags", List.of("a", "b"))))
                .isEqualTo("---\n{license: apache-2.0, # c\n tags: [a, b]}\n---\nbody");
        assertThat(readsAs(FLOW, CardEditor.of(FLOW).add("tags", "c"), Map.of("license", "mit", "tags", List.of("a", "b", "c"))))
                .isEqualTo("---\n{license: mit, # c\n tags: [a, b, c]}\n---\nbody");
        assertThat(readsAs(FLOW, CardEditor.of(FLOW).set("tags", List.of("x", "no")).set("datasets", List.of("imdb")),
                Map.of("license", "mit", "tags", List.of("x", "no"), "datasets", List.of("imdb"))))
                .isEqualTo("---\n{license: mit, # c\n tags: [x, 'no'], datasets: [imdb]}\n---\nbody");
        // quotes of the other entries stay; a value over several lines is replaced, the comment after it stays
        String quoted = "---\r\n{\"license\": \"mit\", 'tags': [a,\r\n   b]  # t\r\n, widget: {text: hi}}\r\n---\r\n";
        assertThat(readsAs(quoted, CardEditor.of(quoted).set("tags", List.of("c")).set("widget", Map.of("text", "bye")),
                Map.of("license", "mit", "tags", List.of("c"), "widget", Map.of("text", "bye"))))
                .isEqualTo("---\r\n{\"license\": \"mit\", 'tags': [c]  # t\r\n, widget: {text: bye}}\r\n---\r\n");
        // a key written without a value gets one after its colon, or after itself with one
        String empty = "---\n{a, b: , c: 1}\n---\n";
        assertThat(readsAs(empty, CardEditor.of(empty).set("a", "x").set("b", "y"), Map.of("a", "x", "b", "y", "c", 1L)))
                .isEqualTo("---\n{a: x, b: y, c: 1}\n---\n");
        // a key written twice: one copy, the last, takes the value
        String twice = "---\n{a: 1, a: 2, b: 3}\n---\n";
        assertThat(readsAs(twice, CardEditor.of(twice).set("a", 5), Map.of("a", 5L, "b", 3L)))
                .isEqualTo("---\n{a: 5, b: 3}\n---\n");
    }

    /** A key removed from a flow mapping goes with one comma; the comments and the other entries' lines stay. */
    @Test
    void aKeyRemovedFromAFlowMappingTakesOnlyItsEntryAndOneComma() {
        assertThat(readsAs(FLOW, CardEditor.of(FLOW).remove("license"), Map.of("tags", List.of("a", "b"))))
                .isEqualTo("---\n{ # c\n tags: [a, b]}\n---\nbody");
        assertThat(readsAs(FLOW, CardEditor.of(FLOW).remove("tags"), Map.of("license", "mit")))
                .isEqualTo("---\n{license: mit # c\n }\n---\nbody");
        assertThat(readsAs(FLOW, CardEditor.of(FLOW).remove("tags").remove("license").set("datasets", List.of("imdb")),
                Map.of("datasets", List.of("imdb"))))
                .isEqualTo("---\n{ # c\n datasets: [imdb]}\n---\nbody");
        String one = "---\n{a: 1, b: 2, c: 3}\n---\n";
        assertThat(readsAs(one, CardEditor.of(one).remove("b").remove("c"), Map.of("a", 1L))).isEqualTo("---\n{a: 1}\n---\n");
        assertThat(readsAs(one, CardEditor.of(one).remove("a").remove("b"), Map.of("c", 3L))).isEqualTo("---\n{c: 3}\n---\n");
        assertThat(readsAs(one, CardEditor.of(one).remove("a").remove("b").remove("c"), Map.of()))
                .isEqualTo("---\n{}\n---\n");
        // an entry on a line of its own goes with its line; a trailing comma stays the mapping's last
        String lines = "---\r\n{\r\n  a: 1,  # one\r\n  b: 2,\r\n  c: 3,\r\n}\r\n---\r\n";
        assertThat(readsAs(lines, CardEditor.of(lines).remove("c").set("z", 9), Map.of("a", 1L, "b", 2L, "z", 9L)))
                .isEqualTo("---\r\n{\r\n  a: 1,  # one\r\n  b: 2, z: 9,\r\n}\r\n---\r\n");
        assertThat(readsAs(lines, CardEditor.of(lines).remove("b"), Map.of("a", 1L, "c", 3L)))
                .isEqualTo("---\r\n{\r\n  a: 1,  # one\r\n  c: 3,\r\n}\r\n---\r\n");
        String last = "---\n{\n  a: 1,\n  b: 2\n}\n---\n";
        assertThat(readsAs(last, CardEditor.of(last).remove("b"), Map.of("a", 1L))).isEqualTo("---\n{\n  a: 1\n}\n---\n");
        String explicit = "---\n{? a : 1, b: 2}\n---\n";
        assertThat(readsAs(explicit, CardEditor.of(explicit).remove("a"), Map.of("b", 2L))).isEqualTo("---\n{b: 2}\n---\n");
    }

    /**
     * Where a flow mapping cannot be edited in place, the edit is refused at the key, with the reason; the block is
     * not rewritten in block style instead.
     */
    @Test
    void aFlowMappingEditThatCannotBeMadeInPlaceIsRefusedAtItsKey() {
        String aliased = "---\n{license: mit,\n base_model: &b org/x, tags: [*b]}\n---\n";
        Edit edit = CardEditor.of(aliased).set("base_model", "org/y").apply();
        assertThat(edit.ok()).isFalse();
        assertThat(edit.text()).isSameAs(aliased);
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_READABLE);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(2);
            assertThat(p.message()).contains("'base_model'").contains("alias *b refers to no anchor");
        });
        Edit widget = CardEditor.of("---\n{license: mit,\n widget: {a: 1}}\n---\n").add("widget", "x").apply();
        assertThat(widget.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(2);
        });
    }

    /**
     * A block written as a flow mapping gains keys inside its braces: the author's lines, comments and quotes stay
     * (rewriting it in block style lost the comment inside and the quotes), and the Hub's reader reads it as meant.
     */
    @Test
    void keysAddedToAFlowMappingGoInsideItsBracesAndItsTextStays() {
        String card = "---\n{license: mit,\n # the tags\n tags: ['a', \"b\"]}  # end\n---\n# M\n";
        Map<String, Object> result = Map.of("task", Map.of("type", "text-classification"),
                "dataset", Map.of("type", "imdb", "name", "IMDB"), "metrics", List.of(Map.of("type", "accuracy", "value", 0.9)));
        Edit edit = CardEditor.of(card).set("base_model", "acme/base-1").add("datasets", "imdb", "acme/x:y")
                .set("model-index", List.of(Map.of("name", "m", "results", List.of(result)))).remove("absent").apply();
        assertThat(edit.ok()).as(edit.problems().toString()).isTrue();
        assertThat(edit.text()).startsWith("---\n{license: mit,\n # the tags\n tags: ['a', \"b\"], base_model: acme/base-1,"
                + " datasets: [imdb, 'acme/x:y'], model-index: [{")
                .endsWith("}]}  # end\n---\n# M\n");
        ModelCard after = ModelCard.parse(edit.text());
        assertThat(after.metadata().get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(after.metadata().get("datasets")).isEqualTo(List.of("imdb", "acme/x:y"));
        assertThat(after.metadata().get("model-index")).isEqualTo(List.of(Map.of("name", "m", "results", List.of(result))));
        assertThat(metadataProblems(after)).extracting(Problem::code).allMatch(c -> !c.startsWith("yaml"));
        // after the last value: a trailing comma stays after the new keys, a comment after the value stays after them
        assertThat(CardEditor.of("---\n{license: mit, }\n---\n").set("language", "en").apply().text())
                .isEqualTo("---\n{license: mit, language: en, }\n---\n");
        assertThat(CardEditor.of("---\r\n{a: 1,\r\n b: 2  # two\r\n}\r\n---\r\n").set("language", "en").apply().text())
                .isEqualTo("---\r\n{a: 1,\r\n b: 2, language: en  # two\r\n}\r\n---\r\n");
        // the template's {} under its comments has no key to write after: it becomes a block
        assertThat(CardEditor.of("---\n# c\n{}\n---\n").set("license", "mit").apply().text())
                .isEqualTo("---\n# c\nlicense: mit\n---\n");
    }

    /**
     * '---' right above '---' is an empty block the Hub does not see ("unclosed"): the keys set go between the two lines
     * (it was refused, so a publisher could not fill the block they had started).
     */
    @Test
    void anEmptyBlockGetsTheKeysBetweenItsLines() {
        String card = "---\n---\n# Empty\n";
        Edit edit = CardEditor.of(card).set("license", "mit").add("tags", "a").apply();
        assertThat(edit.text()).isEqualTo("---\nlicense: mit\ntags:\n- a\n---\n# Empty\n");
        assertThat(ModelCard.parse(edit.text()).metadata().values()).isEqualTo(Map.of("license", "mit", "tags", List.of("a")));
        assertThat(ModelCard.parse(edit.text()).body()).isEqualTo("# Empty\n");
        String crlf = "\r\n---\r\n---  \r\n# Empty\r\n";
        assertThat(CardEditor.of(crlf).set("license", "mit").apply().text())
                .isEqualTo("\r\n---\r\nlicense: mit\r\n---  \r\n# Empty\r\n");
        assertThat(CardEditor.of(card).remove("license").apply().text()).isSameAs(card);
    }

    /**
     * Removing every key of a block that holds nothing else removes the block: '---' right above '---' is one the Hub
     * does not see, and shows as two rules above the text (the edit was refused as not reading back).
     */
    @Test
    void removingEveryKeyRemovesABlockThatHoldsNothingElse() {
        Edit edit = CardEditor.of("---\nlicense: mit\nlibrary_name: peft\n---\n# M\n").remove("license")
                .remove("library_name").apply();
        assertThat(edit.ok()).as(edit.problems().toString()).isTrue();
        assertThat(edit.text()).isEqualTo("# M\n");
        // a comment keeps the block, which the Hub sees
        assertThat(CardEditor.of("---\n# ours\nlicense: mit\n---\n# M\n").remove("license").apply().text())
                .isEqualTo("---\n# ours\n---\n# M\n");
        // '---' lines in the text below would become the block the Hub reads: refused
        String ruled = "---\nlicense: mit\n---\n---\nx: 1\n---\n# M\n";
        Edit refused = CardEditor.of(ruled).remove("license").apply();
        assertThat(refused.text()).isSameAs(ruled);
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
            assertThat(p.line()).isEqualTo(2);
        });
    }

    /** A value that a top-level alias shares is not changed: the refusal names the alias, its line and anchor. */
    @Test
    void aValueAnAliasSharesIsRefusedNamingTheAlias() {
        String card = "---\nlicense: &lic apache-2.0\ndatasets: &ds\n- imdb\ntrain_datasets: *ds\nlicense_copy: *lic\n---\n";
        for (CardEditor editor : List.of(CardEditor.of(card).add("datasets", "glue"), CardEditor.of(card).remove("datasets"))) {
            Edit edit = editor.apply();
            assertThat(edit.text()).isSameAs(card);
            assertThat(edit.problems()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.message()).startsWith("changing 'datasets' would also change 'train_datasets' (line 5, *ds),"
                        + " an alias of the value changed; give it a value of its own by hand first");
            });
        }
        assertThat(CardEditor.of(card).set("license", "mit").apply().problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'license_copy' (line 6, *lic)"));
        // the alias itself can be given a value of its own
        assertThat(readsAs(card, CardEditor.of(card).set("license_copy", "mit"), Map.of("license", "apache-2.0",
                "datasets", List.of("imdb"), "train_datasets", List.of("imdb"), "license_copy", "mit")))
                .contains("\nlicense_copy: mit\n");
    }

    @Test
    void aBlockInLoneCarriageReturnsIsRefusedSayingSo() {
        String card = "---\rlicense: mit\r---\r# M\r";
        Edit edit = CardEditor.of(card).set("license", "apache-2.0").apply();
        assertThat(edit.text()).isSameAs(card);
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
            assertThat(p.message()).contains("lone carriage return").contains("'---' line ending in LF or CRLF");
        });
    }

    /** A comment after a one-line value ({@code language: en  # primary}) stays when the value is replaced. */
    @Test
    void aCommentAfterAOneLineValueStaysWhenTheValueChanges() {
        String card = "---\nlanguage: en  # primary\nlicense: 'mit' # see LICENSE\ntags: [a]  # t\r\n---\n# M\n";
        assertThat(edited(card, CardEditor.of(card).add("language", "fr"), "language", List.of("en", "fr")))
                .startsWith("---\nlanguage: [en, fr]  # primary\nlicense: 'mit' # see LICENSE\n");
        String block = "---\nlanguage: en  # primary\n---\n# M\n";
        assertThat(edited(block, CardEditor.of(block).add("language", "fr"), "language", List.of("en", "fr")))
                .isEqualTo("---\nlanguage:  # primary\n- en\n- fr\n---\n# M\n");
        assertThat(edited(card, CardEditor.of(card).set("license", "apache-2.0"), "license", "apache-2.0"))
                .contains("\nlicense: apache-2.0 # see LICENSE\ntags:");
        assertThat(edited(card, CardEditor.of(card).set("tags", List.of("b")), "tags", List.of("b")))
                .contains("\ntags: [b]  # t\n---\n");
        // a key removed takes its comment with it; a value over several lines keeps the comment of its own lines
        assertThat(CardEditor.of(card).remove("language").apply().text()).doesNotContain("primary");
        String multi = "---\nlanguage:  # primary\n- en\n---\n";
        assertThat(CardEditor.of(multi).add("language", "fr").apply().text())
                .isEqualTo("---\nlanguage:  # primary\n- en\n- fr\n---\n");
    }

    /**
     * The block's only entry is a block scalar, so new keys go before it (newKeysGoBeforeABlockScalarThatEndsTheBlock):
     * under comments that open the block (its header, as the Hub template's), above comments of the entry's own.
     */
    @Test
    void keysBeforeAnOnlyBlockScalarGoUnderTheBlocksHeaderComments() {
        String header = "---\n# For reference on model card metadata\n# Doc / guide\ndescription: |\n  text\n---\n# M\n";
        assertThat(CardEditor.of(header).set("license", "mit").apply().text()).isEqualTo(
                "---\n# For reference on model card metadata\n# Doc / guide\nlicense: mit\ndescription: |\n  text\n---\n# M\n");
        String own = "---\n# header\n\n# what the page shows\ndescription: |\n  text\n---\n# M\n";
        assertThat(CardEditor.of(own).set("license", "mit").apply().text()).isEqualTo(
                "---\n# header\n\nlicense: mit\n# what the page shows\ndescription: |\n  text\n---\n# M\n");
        String bare = "---\n\ndescription: >\n  text\n---\n# M\n";
        assertThat(CardEditor.of(bare).set("license", "mit").apply().text())
                .isEqualTo("---\n\nlicense: mit\ndescription: >\n  text\n---\n# M\n");
        for (String card : List.of(header, own, bare)) {
            Edit edit = CardEditor.of(card).set("license", "mit").apply();
            assertThat(ModelCard.parse(edit.text()).metadata().get("description"))
                    .isEqualTo(ModelCard.parse(card).metadata().get("description"));
        }
    }

    /**
     * Blocks the Hub's rule does not open, so that a new block in front would leave the author's keys as body text:
     * a first line '---' with blanks after it; and a card in lone CRs, in which no block the Hub sees can be written.
     */
    @Test
    void cardsWhereNoBlockTheHubSeesCanBeWrittenAreRefusedAtTheirLine() {
        for (String card : List.of("---  \nlicense: mit\n---\n# M\n", "\n\n---\t\r\nlicense: mit\r\n---\r\n# M\r\n")) {
            Edit edit = CardEditor.of(card).set("pipeline_tag", "fill-mask").apply();
            assertThat(edit.ok()).isFalse();
            assertThat(edit.text()).isSameAs(card);
            assertThat(edit.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
                assertThat(p.line()).isEqualTo(card.startsWith("\n") ? 3 : 1);
                assertThat(p.message()).contains("spaces or tabs after it");
            });
        }
        // a '---' with blanks and no closing line is a rule in the body: the card gets a block
        assertThat(CardEditor.of("---  \nText.\n").set("license", "mit").apply().text())
                .isEqualTo("---\nlicense: mit\n---\n---  \nText.\n");
        String cr = "# M\r\rText.\r";
        Edit edit = CardEditor.of(cr).set("license", "mit").apply();
        assertThat(edit.ok()).isFalse();
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
            assertThat(p.message()).contains("lone carriage return");
        });
        // a block in a card of lone CRs is not one the Hub sees (metadata-unclosed), so it is refused as such
        assertThat(CardEditor.of("---\rlicense: mit\r---\r# M\r").set("language", "en").apply().ok()).isFalse();
    }

    /** The edited card, checked to read back as {@code expected} for {@code key} with the body unchanged. */
    private static String edited(String card, CardEditor editor, String key, Object expected) {
        Edit edit = editor.apply();
        assertThat(edit.ok()).as(edit.problems().toString()).isTrue();
        ModelCard after = ModelCard.parse(edit.text());
        assertThat(after.metadata().get(key)).isEqualTo(expected);
        assertThat(after.body()).isEqualTo(ModelCard.parse(card).body());
        assertThat(metadataProblems(after)).extracting(Problem::message)
                .isEqualTo(metadataProblems(ModelCard.parse(card)).stream().map(Problem::message).toList());
        return edit.text();
    }

    @Test
    void addingToAFlowListKeepsItAFlowListAndItsItemsAsWritten() {
        String card = "---\nlicense: mit\ntags: [a,  \"b\" ]  # ours\nlanguage: en\n---\n# M\n";
        String out = edited(card, CardEditor.of(card).add("tags", "c", "no", "x, y", "k: v"), "tags",
                List.of("a", "b", "c", "no", "x, y", "k: v"));
        assertThat(out).isEqualTo("---\nlicense: mit\ntags: [a,  \"b\",  c,  'no',  'x, y',  'k: v' ]  # ours\n"
                + "language: en\n---\n# M\n");
    }

    @Test
    void newFlowItemsAreSeparatedAndQuotedAsTheItemsThereAre() {
        String tight = "---\ntags: [a,b]\n---\n";
        assertThat(edited(tight, CardEditor.of(tight).add("tags", "c"), "tags", List.of("a", "b", "c")))
                .isEqualTo("---\ntags: [a,b,c]\n---\n");
        String quoted = "---\ntags: [\"a\", \"b\"]\n---\n";
        assertThat(edited(quoted, CardEditor.of(quoted).add("tags", "c"), "tags", List.of("a", "b", "c")))
                .isEqualTo("---\ntags: [\"a\", \"b\", \"c\"]\n---\n");
        String single = "---\ntags: ['a']\n---\n";
        assertThat(edited(single, CardEditor.of(single).add("tags", "it's"), "tags", List.of("a", "it's")))
                .isEqualTo("---\ntags: ['a', 'it''s']\n---\n");
        String mixed = "---\ntags: [a, 'no']\n---\n";
        assertThat(edited(mixed, CardEditor.of(mixed).add("tags", "c"), "tags", List.of("a", "no", "c")))
                .isEqualTo("---\ntags: [a, 'no', c]\n---\n");
    }

    @Test
    void aFlowListOverSeveralLinesGetsItsNewItemOnALineOfItsOwn() {
        String card = "---\r\ntags: [\r\n    a,\r\n    b\r\n]\r\nlicense: mit\r\n---\r\n# M\r\n";
        String out = edited(card, CardEditor.of(card).add("tags", "c"), "tags", List.of("a", "b", "c"));
        assertThat(out).isEqualTo("---\r\ntags: [\r\n    a,\r\n    b,\r\n    c\r\n]\r\nlicense: mit\r\n---\r\n# M\r\n");
    }

    @Test
    void anEmptyFlowListIsFilledInPlaceBySetAndAdd() {
        String card = "---\ndatasets: []\nmetrics: [ ]\nlicense: mit\n---\n";
        String out = edited(card, CardEditor.of(card).set("datasets", List.of("org/d", "e")).add("metrics", "f1"),
                "datasets", List.of("org/d", "e"));
        assertThat(out).isEqualTo("---\ndatasets: [org/d, e]\nmetrics: [ f1]\nlicense: mit\n---\n");
    }

    @Test
    void settingAFlowListToOtherItemsWritesItAsAFlowListOnItsLine() {
        String card = "---\ntags: [a, b]\nlicense: mit\n---\n";
        String out = edited(card, CardEditor.of(card).set("tags", List.of("b", "on")), "tags", List.of("b", "on"));
        assertThat(out).isEqualTo("---\ntags: [b, 'on']\nlicense: mit\n---\n");
        String nested = "---\ntags: [a, [b]]\n---\n";   // not a list of scalars: written whole, as before
        edited(nested, CardEditor.of(nested).add("tags", "c"), "tags", List.of("a", List.of("b"), "c"));
    }

    /**
     * A flow value of a block mapping set to another collection is replaced where it stands, in flow style: the key,
     * its quotes and a comment after the value stay, also for a value over several lines (whose comment was lost).
     */
    @Test
    void aFlowValueSetToAnotherCollectionIsReplacedWhereItStands() {
        String card = "---\nlicense: mit\n\"tags\": [a,\n  b]  # two\nwidget: {text: hi} # w\nmodel-index: [{name: m}]\n---\n# M\n";
        Map<String, Object> index = Map.of("name", "m", "results", List.of(Map.of("task", Map.of("type", "t"))));
        String out = readsAs(card, CardEditor.of(card).set("tags", List.of("c", "x, y")).set("widget", Map.of("text", "bye"))
                .set("model-index", List.of(index)), Map.of("license", "mit", "tags", List.of("c", "x, y"),
                "widget", Map.of("text", "bye"), "model-index", List.of(index)));
        assertThat(out).startsWith("---\nlicense: mit\n\"tags\": [c, 'x, y']  # two\nwidget: {text: bye} # w\nmodel-index: [{");
        // an anchor that an alias uses would go with the value: refused at the key, with the reader's reason
        String aliased = "---\nlicense: mit\ntags: &t [a, b]\nmore: *t\n---\n";
        Edit edit = CardEditor.of(aliased).set("tags", List.of("c")).apply();
        assertThat(edit.text()).isSameAs(aliased);
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("changing 'tags' would also change 'more' (line 4, *t), an alias of the value"
                    + " changed");
        });
    }

    @Test
    void flowItemsAfterCharactersOutsideTheBmpGoWhereTheirColumnSays() {
        String card = "---\ntags: [\"\uD83D\uDE00 x\", \"\uD83D\uDE00\"]\n---\n";
        String out = edited(card, CardEditor.of(card).add("tags", "c"), "tags", List.of("\uD83D\uDE00 x", "\uD83D\uDE00", "c"));
        assertThat(out).isEqualTo("---\ntags: [\"\uD83D\uDE00 x\", \"\uD83D\uDE00\", \"c\"]\n---\n");
    }

    @Test
    void aDuplicatedFlowListKeepsTheLastCopyGrown() {
        String card = "---\ntags: [a]\nlicense: mit\ntags: [b]\n---\n";
        Edit edit = CardEditor.of(card).add("tags", "c").apply();
        assertThat(edit.text()).isEqualTo("---\nlicense: mit\ntags: [b, c]\n---\n");
    }

    @Test
    void newBlockItemsFollowTheListsDashAndQuotes() {
        String card = "---\ntags:\n  -   \"a\"\n  -   \"b\"\nlanguage:\n-   en\n- 'no'\n---\n";
        String out = edited(card, CardEditor.of(card).add("tags", "c").add("language", "fr"), "tags",
                List.of("a", "b", "c"));
        assertThat(out).isEqualTo("---\ntags:\n  -   \"a\"\n  -   \"b\"\n  -   \"c\"\nlanguage:\n-   en\n- 'no'\n"
                + "- fr\n---\n");
    }

    @Test
    void settingABlockListToItselfAndMoreKeepsItsLinesAsWritten() {
        String card = "---\ntags:\n  - 'quoted'   # why\n  - \"b\"\nlicense: mit\n---\n";
        String out = edited(card, CardEditor.of(card).set("tags", List.of("quoted", "b", "c")), "tags",
                List.of("quoted", "b", "c"));
        assertThat(out).isEqualTo("---\ntags:\n  - 'quoted'   # why\n  - \"b\"\n  - c\nlicense: mit\n---\n");
    }

    @Test
    void settingAKeyToNullWritesNullInPlace() {
        String card = "---\nlicense: mit\nthumbnail: x.png\n---\n";
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("license", "mit");
        expected.put("thumbnail", null);
        Edit edit = CardEditor.of(card).set("thumbnail", null).apply();
        assertThat(edit.text()).isEqualTo("---\nlicense: mit\nthumbnail: null\n---\n");
        assertThat(ModelCard.parse(edit.text()).metadata().values()).isEqualTo(expected);
    }

    @Test
    void aScalarThatBecomesAListTakesTheFilesListStyle() {
        String card = "---\ntags: a\ndatasets: [org/d]\n---\n";
        assertThat(edited(card, CardEditor.of(card).add("tags", "b"), "tags", List.of("a", "b")))
                .isEqualTo("---\ntags: [a, b]\ndatasets: [org/d]\n---\n");
    }

    @Test
    void newKeysFollowTheFilesIndentationAndListStyle() {
        String card = "---\nwidget:\n    text: hi\ntags: [a]\n---\n";
        String out = edited(card, CardEditor.of(card).set("co2_eq_emissions", Map.of("emissions", 3))
                .add("datasets", "org/d"), "datasets", List.of("org/d"));
        assertThat(out).isEqualTo("---\nwidget:\n    text: hi\ntags: [a]\nco2_eq_emissions:\n    emissions: 3\n"
                + "datasets: [org/d]\n---\n");
        String block = "---\ntags:\n  - a\n---\n";   // block lists: new lists in block style, indented as they are
        assertThat(edited(block, CardEditor.of(block).add("datasets", "org/d"), "datasets", List.of("org/d")))
                .isEqualTo("---\ntags:\n  - a\ndatasets:\n  - org/d\n---\n");
    }

    @Test
    void aTabBetweenFlowItemsIsNotCopiedIntoTheNewOnes() {
        // PyYAML (the Hub's Python reader) rejects a tab anywhere in a flow list: one there stays the only one
        String card = "---\ntags: [a,\tb]\nlanguage: [en ,  fr]\n---\n";
        String out = edited(card, CardEditor.of(card).add("tags", "c").add("language", "de"), "tags",
                List.of("a", "b", "c"));
        assertThat(out).isEqualTo("---\ntags: [a,\tb, c]\nlanguage: [en ,  fr ,  de]\n---\n");
    }

    @Test
    void valuesAFlowListWouldMisreadAreQuotedInItAsInABlockList() {
        String card = "---\ntags: [a]\n---\n# M\n";
        List<Object> odd = List.of("x,y", "x]y", "{x}", "a#b", "k:v", "&a", "*a", "!a", "|a", ">a", "%a", "@a", "`a",
                " lead", "trail ", "\uD83D\uDE00", "\u05E9\u05DC\u05D5\u05DD", "e\u0301", "", "null", "~", "yes", "no",
                "1", "0x1F", "1e3", "- a", "? a", "say \"hi\"", "it's", "a\tb", "a\nb", "...");
        List<Object> all = new ArrayList<>(List.of("a"));
        all.addAll(odd);
        String out = edited(card, CardEditor.of(card).add("tags", odd.toArray()), "tags", all);
        assertThat(out).startsWith("---\ntags: [a, 'x,y', 'x]y', '{x}', 'a#b', 'k:v', '&a', '*a', ");
        assertThat(out.lines().count()).isEqualTo(card.lines().count());
    }

    @Test
    void anEditThatWouldAlsoChangeAnotherValueIsRefused() {
        // growing an anchored list in place would grow its alias too; a line after a block's last '|' scalar
        // would give that scalar a line end the Hub does not read now
        for (String card : List.of("---\ntags: &t [a]\nother: *t\n---\n", "---\ntags:\n- |\n  text\n---\n")) {
            Edit edit = CardEditor.of(card).add("tags", "b").apply();
            assertThat(edit.ok()).as(card).isFalse();
            assertThat(edit.text()).isSameAs(card);
            assertThat(edit.problems()).extracting(Problem::code).containsExactly(ProblemCodes.EDIT_NOT_READABLE);
        }
    }

    @Test
    void aBlockTheHubDoesNotSeeIsNotEditedNorHiddenUnderANewOne() {
        // a second block in front would leave the author's keys as body text under it
        String bom = "\uFEFF---\ntags: [a]\n---\n# M\n";
        Edit edit = CardEditor.of(bom).add("tags", "b").apply();
        assertThat(edit.ok()).isFalse();
        assertThat(edit.text()).isSameAs(bom);
        assertThat(edit.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("byte order mark");
        });
        String unclosed = "\n---\nlicense: mit\n# no closing line\n";
        assertThat(CardEditor.of(unclosed).set("license", "gpl-3.0").apply().problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ProblemCodes.EDIT_NOT_POSSIBLE);
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).contains("closes");
                });
    }

    /**
     * Every real card with a readable block: set license, add a tag, remove a key. The edited card reads back
     * as intended, its body is byte-exact, its line ending is kept, and only the edited keys' lines change.
     */
    @Test
    void editsRealCardsMinimally() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(CARDS)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int edited = 0;
        int crlf = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ModelCard before = ModelCard.parse(text);
            if (!before.hasMetadata() || before.hasErrors()) {
                continue;
            }
            String removed = before.metadata().keys().stream().filter(k -> !k.equals("license") && !k.equals("tags"))
                    .reduce((a, b) -> b).orElse(null);
            CardEditor editor = CardEditor.of(text).set("license", "mit").add("tags", "cardminer-test");
            if (removed != null) {
                editor = editor.remove(removed);
            }
            String out = editor.apply().text();
            ModelCard after = ModelCard.parse(out);
            assertThat(after.body()).as(file.toString()).isEqualTo(before.body());
            Map<String, Object> expected = new LinkedHashMap<>(before.metadata().values());
            expected.put("license", "mit");
            List<Object> tags = new ArrayList<>();
            Object oldTags = expected.get("tags");
            if (oldTags instanceof List<?> l) {
                tags.addAll(l);
            } else if (oldTags != null) {
                tags.add(oldTags);
            }
            if (!tags.contains("cardminer-test")) {
                tags.add("cardminer-test");
            }
            expected.put("tags", tags);
            expected.remove(removed);
            assertThat(after.metadata().values()).as(file.toString()).isEqualTo(expected);
            if (text.contains("\r\n")) {
                assertThat(out.replace("\r\n", "")).as(file.toString()).doesNotContain("\n");
                crlf++;
            }
            // Every line of the original block outside license, tags and the removed key is still there, in order.
            List<String> kept = keptLines(before.yaml(), removed);
            if (!kept.isEmpty()) {
                assertThat(out.lines().toList()).as(file.toString()).containsSubsequence(kept);
            }
            edited++;
        }
        assertThat(edited).isGreaterThan(450);
        assertThat(crlf).isGreaterThan(0);
    }

    /**
     * The lines of a block minus those of the top-level keys license, tags and {@code removed}; a key's
     * lines run up to the next key (the key lines come from the YAML parser's marks).
     */
    private static List<String> keptLines(String yaml, String removed) {
        List<YamlDocument.RootEntry> entries = new YamlBlockReader().read(yaml, 1, new ArrayList<>()).entries();
        List<String> lines = yaml.lines().toList();
        if (entries.isEmpty()) { // no keys, or one flow mapping, which is rewritten whole: its comments stay
            return lines.stream().filter(l -> l.strip().startsWith("#")).toList();
        }
        List<String> out = new ArrayList<>(lines.subList(0, entries.get(0).keyLine()));
        for (int i = 0; i < entries.size(); i++) {
            String key = entries.get(i).key();
            int end = i + 1 < entries.size() ? entries.get(i + 1).keyLine() : lines.size();
            if (!key.equals("license") && !key.equals("tags") && !key.equals(removed)) {
                out.addAll(lines.subList(entries.get(i).keyLine(), end));
            }
        }
        return out;
    }

    /** The problems of the metadata side: block-only test cards also get the body's empty-body note. */
    private static List<Problem> metadataProblems(ModelCard card) {
        return card.problems().stream().filter(p -> !p.code().equals("empty-body")).toList();
    }
}
