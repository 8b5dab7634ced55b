package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cardminer.testkit.CpuTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile and odd inputs, through {@link ModelCard#parse}: each completes, never throws, keeps the body,
 * and gives located problems where a problem applies. Each parse may use 10 s of CPU time (the per-card
 * limit); measured as the parsing thread's CPU time, so that a loaded machine does not fail it, with a
 * wall-clock guard against hangs.
 */
class HostileCardTest {

    private static final Duration CPU_LIMIT = Duration.ofSeconds(10);
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    private static ModelCard parse(String text) {
        return guarded(() -> ModelCard.parse("hostile", text));
    }

    private static ModelCard guarded(Supplier<ModelCard> parse) {
        return CpuTime.limit(CPU_LIMIT, HANG_GUARD, parse);
    }

    private static Problem only(ModelCard card, String code) {
        List<Problem> found = card.problems().stream().filter(p -> p.code().equals(code)).toList();
        assertThat(found).as("problems %s in %s", code, card.problems()).hasSize(1);
        return found.get(0);
    }

    @Test
    void unclosedBlock() {
        ModelCard card = parse("\n---\nlicense: mit\n# Title\n\nText.\n");
        assertThat(card.hasMetadata()).isFalse();
        assertThat(card.body()).isEqualTo(card.text());
        Problem p = only(card, "metadata-unclosed");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
    }

    @Test
    void tabIndentationIsASyntaxErrorAtItsPlaceInTheCardFile() {
        ModelCard card = parse("---\nlicense: mit\ntags:\n\t- a\n---\n# Body\n");
        Problem p = only(card, "yaml-syntax");
        assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.column()).isEqualTo(1);
        // said in words, not as the YAML library's escaped "\t(TAB)"
        assertThat(p.message()).isEqualTo("invalid YAML: a tab where YAML allows only spaces (to indent, before a "
                + "value or after a quoted one): write spaces instead");
        assertThat(card.metadata().isEmpty()).isTrue();
        assertThat(card.body()).isEqualTo("# Body\n");
    }

    @Test
    void aTabBesideAValueIsNotCalledIndentation() {
        // the tab of 'license: <tab>mit' or after a quoted value's end is not fixed by indenting with spaces
        for (String block : List.of("license: \tmit\n", "license: mit\nthumbnail: \"x.png\"\t\n")) {
            Problem p = only(parse("---\n" + block + "---\n"), "yaml-syntax");
            assertThat(p.message()).as(block).contains("a tab where YAML allows only spaces").doesNotContain("indent with");
        }
    }

    @Test
    void anUnclosedFlowListIsFoundLinesLaterAndSaysWhereItBegan() {
        ModelCard card = parse("---\nlicense: mit\ntags: [a, b\npipeline_tag: text-classification\n---\n# Body\n");
        Problem p = only(card, "yaml-syntax");
        assertThat(p.line()).isEqualTo(4);   // where the YAML reader gives up
        assertThat(p.message()).contains("while parsing a flow sequence (begun at line 3, column 7): ");
        // one line, no context elsewhere: no such note
        assertThat(only(parse("---\nlicense: mit\ntags:\n\t- a\n---\n# Body\n"), "yaml-syntax").message())
                .doesNotContain("begun at");
    }

    @Test
    void commonYamlMistakesGetAHintAtTheReadersLocation() {
        // a colon inside an unquoted value: at the second colon, with the fix
        Problem colon = only(parse("---\nlicense: mit\nmodel_name: BERT: the base model\n---\n"), "yaml-syntax");
        assertThat(colon.line()).isEqualTo(3);
        assertThat(colon.column()).isEqualTo(17);
        assertThat(colon.message()).isEqualTo("invalid YAML: mapping values are not allowed here; a ': ' inside an "
                + "unquoted value starts a new mapping: quote the value (key: \"a: b\")");
        // the same with a quoted key
        Problem quotedKey = only(parse("---\nlicense: mit\n\"model name\": BERT: base\n---\n"), "yaml-syntax");
        assertThat(quotedKey.message()).endsWith("quote the value (key: \"a: b\")");
        // the same words of the reader for a key indented off its siblings: no quoting hint there
        Problem indented = only(parse("---\nlicense: mit\n  tags: a\n---\n"), "yaml-syntax");
        assertThat(indented.line()).isEqualTo(3);
        assertThat(indented.message()).endsWith("; this key is indented more than the key above it: indent it as its "
                + "siblings").doesNotContain("quote");
        // quotes never closed: said where they began, and what to do
        for (String q : List.of("\"", "'")) {
            Problem quote = only(parse("---\ntags:\n- a\nmodel_name: " + q + "BERT base\nlicense: mit\n---\n"),
                    "yaml-syntax");
            assertThat(quote.message()).contains("(begun at line 4, column 13)")
                    .endsWith("; a quote is opened and never closed: close it where the value ends");
        }
        // a bracket never closed
        assertThat(only(parse("---\ntags: [a, b\nlicense: mit\n---\n"), "yaml-syntax").message())
                .endsWith("; a '[' is not closed where the value ends: add ']' (or quote the value if the bracket is text)");
        assertThat(only(parse("---\nwidget: {text: a\nlicense: mit\n---\n"), "yaml-syntax").message())
                .contains("add '}'");
        // text after a closing quote, and a line that continues a list item's text without being indented
        assertThat(only(parse("---\ndescription: \"a\" b\nlicense: mit\n---\n"), "yaml-syntax").message())
                .endsWith("; text after a closing quote: quote the whole value, or nothing of it");
        Problem wrapped = only(parse("---\ndatasets:\n- my_data # a note\n- add more data sets, and use the names\n"
                + "as the Hub writes them\nlicense: mit\n---\n"), "yaml-syntax");
        assertThat(wrapped.line()).isEqualTo(6);
        assertThat(wrapped.message()).contains("(begun at line 5, column 1)").endsWith("if it continues the value above, "
                + "indent it under that value (or quote the whole value)");
        // a value starting with a reserved character
        assertThat(only(parse("---\nlicense: mit\nauthor: @someone\n---\n"), "yaml-syntax").message())
                .endsWith("; YAML reserves this character at the start of a value: quote the value");
        // valid YAML with colons in quoted values and URLs has no problem at all
        assertThat(parse("---\nmodel_name: \"BERT: base\"\nthumbnail: https://x.org/a.png\n---\n").problems())
                .noneMatch(p -> p.code().equals("yaml-syntax"));
    }

    @Test
    void tabInsideAValueIsFineForYaml12ButFlaggedBecausePyYamlRejectsIt() {
        ModelCard card = parse("---\nlicense: mit\nmodel_name: my\tmodel\n---\n");
        assertThat(card.metadata().string("model_name")).contains("my\tmodel");
        Problem p = only(card, "yaml11-tab");
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(15);
        assertThat(metadataProblems(parse("---\nmodel_name: 'a\tb'\n# c\td\n---\n"))).isEmpty();
    }

    @Test
    void duplicateKeysAreLocatedAndTheLastValueIsKept() {
        ModelCard card = parse("---\nlicense: mit\ntags:\n- a\nlicense: apache-2.0\n---\n");
        Problem p = only(card, "yaml-duplicate-key");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.path()).isEqualTo("license");
        assertThat(p.message()).contains("(also at line 2)");   // which copy to drop is the author's call: both are shown
        assertThat(card.metadata().license()).contains("apache-2.0");
        ModelCard nested = parse("---\nwidget:\n- text: a\n  text: b\n---\n");
        assertThat(only(nested, "yaml-duplicate-key").message()).contains("'text'").contains("(also at line 3)");
    }

    @Test
    void billionLaughsIsStopped() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char prev = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
        }
        ModelCard card = parse("---\n" + yaml + "---\n# Body\n");
        Problem p = only(card, "yaml-alias-bomb");
        assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
        assertThat(p.line()).isBetween(2, 11);
        assertThat(card.metadata().isEmpty()).isTrue();
        assertThat(card.body()).isEqualTo("# Body\n");
    }

    @Test
    void aFewAliasesAreFine() {
        ModelCard card = parse("---\nbase: &b {x: 1}\nother: *b\n---\n");
        assertThat(metadataProblems(card)).isEmpty();
        assertThat(card.metadata().get("other")).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void recursiveAndUndefinedAliases() {
        assertThat(only(parse("---\na: &a [1, *a]\n---\n"), "yaml-recursive-alias").line()).isEqualTo(2);
        assertThat(only(parse("---\na: 1\nb: *nothing\n---\n"), "yaml-undefined-alias").line()).isEqualTo(3);
    }

    @Test
    void absurdNestingIsStoppedAtTheDepthLimit() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ModelCard card = parse("---\na: " + deep + "\n---\nbody");
        Problem p = only(card, "yaml-too-deep");
        assertThat(p.line()).isEqualTo(2);
        assertThat(card.body()).isEqualTo("body");
        String fine = "[".repeat(99) + "]".repeat(99);
        assertThat(metadataProblems(parse("---\na: " + fine + "\n---\n"))).isEmpty();
    }

    @Test
    void tenMegabyteCard() {
        String body = "Some text about the model. ".repeat(400_000); // 10.8 MB
        String yaml = "license: mit\nmodel-index:\n- name: m\n  results:\n" + ("  - task: {type: t}\n"
                + "    dataset: {type: d, name: D}\n    metrics: [{type: acc, value: 0.5}]\n").repeat(50_000);
        ModelCard card = parse("---\n" + yaml + "---\n" + body);
        assertThat(metadataProblems(card)).extracting(Problem::code).containsExactly("body-too-large");
        assertThat(card.evalResults()).hasSize(50_000);
        assertThat(card.body()).hasSize(body.length());
    }

    @Test
    void tenMegabyteSingleLine() {
        String line = "x".repeat(10_000_000);
        ModelCard inYaml = parse("---\nmodel_name: " + line + "\n---\nbody");
        assertThat(metadataProblems(inYaml)).isEmpty();
        assertThat(inYaml.metadata().string("model_name")).hasValueSatisfying(s -> assertThat(s).hasSize(10_000_000));
        ModelCard inBody = parse("---\nlicense: mit\n---\n" + line);
        // The body is kept whole; its analysis stops at the body limit, and says so where it stopped.
        assertThat(metadataProblems(inBody)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("body-too-large");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(CardLimits.DEFAULTS.maxBodyChars() + 1);
        });
        assertThat(inBody.body()).hasSize(10_000_000);
        // Through snakeyaml (an escape): one 10 MB token, longer than its largest buffer (4 Mi chars).
        ModelCard quoted = parse("---\nmodel_name: \"" + line + "\\n\"\n---\nbody");
        assertThat(quoted.metadata().string("model_name")).hasValueSatisfying(s -> assertThat(s).hasSize(10_000_001));
        ModelCard flowLine = parse("---\ntags: [" + "a, ".repeat(3_000_000) + "b]\n---\n");
        assertThat(flowLine.metadata().tags()).hasSize(3_000_001);
    }

    @Test
    void invalidUtf8AndNulBytes() {
        byte[] bytes = "---\nlicense: mit\nmodel_name: a\u0000b\n---\n# T\u00e9st \u0000\n".getBytes(StandardCharsets.UTF_8);
        byte[] withInvalid = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withInvalid, 0, bytes.length);
        withInvalid[bytes.length] = (byte) 0xC3;  // a lead byte without continuation
        withInvalid[bytes.length + 1] = (byte) 0xFF;
        ModelCard card = guarded(() -> ModelCard.parse("bytes", withInvalid));
        assertThat(card.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo("invalid-utf8"));
        Problem nul = only(card, "yaml-syntax");
        assertThat(nul.line()).isEqualTo(3);
        assertThat(card.body()).startsWith("# T\u00e9st \u0000\n").endsWith("\uFFFD\uFFFD");
    }

    @Test
    void manyInvalidUtf8SequencesAreSummedUpAfterTheOnesListed() {
        // 12 invalid bytes, one a line: ten listed at their lines, the other two summed up at the first of them
        StringBuilder text = new StringBuilder("---\nlicense: mit\n---\n");
        for (int i = 0; i < 12; i++) {
            text.append("x\u0001\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytes[i] == 1 ? (byte) 0xFF : bytes[i];
        }
        List<Problem> invalid = new CardLinter().check(ModelCard.parse("bytes", bytes)).stream()
                .filter(p -> p.code().equals("invalid-utf8")).toList();
        assertThat(invalid).hasSize(11);
        assertThat(invalid).extracting(Problem::line).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(invalid.get(10).message()).isEqualTo("2 more invalid UTF-8 bytes on 2 more lines replaced by U+FFFD,"
                + " the first at byte " + (text.indexOf("\u0001", text.indexOf("x\u0001", 0) + 10 * 3)));
        assertThat(invalid.get(10).column()).isEqualTo(2);
    }

    @Test
    void aRunOfInvalidBytesIsOneWarningPerLineWithItsCount() {
        // line 4: 40 bad bytes in a row (a Latin-1 file's binary junk); line 5: two runs of bad bytes around a word
        String text = "---\nlicense: mit\n---\nab" + "\u0001".repeat(40) + "cd\nx\u0001\u0001 y \u0001z\nfine\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytes[i] == 1 ? (byte) 0xFE : bytes[i];
        }
        ModelCard card = ModelCard.parse("bytes", bytes);
        List<Problem> invalid = card.problems().stream().filter(p -> p.code().equals("invalid-utf8")).toList();
        assertThat(invalid).extracting(Problem::line, Problem::column).containsExactly(tuple(4, 3), tuple(5, 2));
        assertThat(invalid.get(0).message()).isEqualTo("40 invalid UTF-8 bytes on this line in a row, the first at "
                + "byte " + text.indexOf('\u0001') + ", replaced by U+FFFD");
        assertThat(invalid.get(1).message()).startsWith("3 invalid UTF-8 bytes on this line in 2 runs, the first at byte "
                + (text.indexOf("x\u0001") + 1));
        assertThat(card.body()).contains("ab" + "\uFFFD".repeat(40) + "cd");
    }

    @Test
    void invalidBytesInALoneCrOrCrlfCardAreAtTheirLinesAsTheCardCountsThem() {
        for (String nl : List.of("\r", "\r\n")) {
            String text = ("---" + nl + "license: mit" + nl + "---" + nl + "a\u0001" + nl + "b" + nl + "\u0001c" + nl);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = bytes[i] == 1 ? (byte) 0xFE : bytes[i];
            }
            ModelCard card = ModelCard.parse("bytes", bytes);
            assertThat(card.problems()).filteredOn(p -> p.code().equals("invalid-utf8"))
                    .extracting(Problem::line, Problem::column).as(nl.length() == 1 ? "lone CR" : "CRLF")
                    .containsExactly(tuple(4, 2), tuple(6, 1));
        }
    }

    @Test
    void topLevelListOrScalar() {
        Problem list = only(parse("---\n- a\n- b\n---\nbody"), "yaml-not-mapping");
        assertThat(list.line()).isEqualTo(2);
        assertThat(list.severity()).isEqualTo(Problem.Severity.ERROR);
        Problem scalar = only(parse("\n\n---\njust some words\n---\nbody"), "yaml-not-mapping");
        assertThat(scalar.line()).isEqualTo(4);
    }

    @Test
    void crlfAndCrLineEndings() {
        String[] lines = {"---", "language:", "- en", "- no", "license: mit", "license: mit", "---"};
        ModelCard crlf = parse(String.join("\r\n", lines) + "\r\n# Title\r\n");
        // With lone CRs the Hub's rule only closes a block at the very end of the file.
        ModelCard cr = parse(String.join("\r", lines));
        for (ModelCard card : List.of(crlf, cr)) {
            assertThat(card.hasMetadata()).isTrue();
            assertThat(card.metadata().language()).containsExactly("en", "no");
            assertThat(only(card, "yaml11-scalar").line()).isEqualTo(4);
            assertThat(only(card, "yaml-duplicate-key").line()).isEqualTo(6);
            assertThat(only(card, "yaml-duplicate-key").message()).contains("(also at line 5)");
        }
        assertThat(crlf.body()).isEqualTo("# Title\r\n");
        assertThat(cr.body()).isEmpty();
    }

    @Test
    void byteOrderMarkHidesTheBlockFromTheHub() {
        ModelCard card = parse("\uFEFF---\nlicense: mit\n---\n# T\n");
        assertThat(card.hasMetadata()).isFalse();
        Problem p = only(card, "bom-hides-metadata");
        assertThat(p.line()).isEqualTo(1);
    }

    @Test
    void dashesInCodeBlocksAreNoBlock() {
        ModelCard card = parse("# Title\n\n```yaml\n---\nlicense: mit\n---\n```\n");
        assertThat(card.hasMetadata()).isFalse();
        assertThat(metadataProblems(card)).isEmpty();
        ModelCard withBlock = parse("---\nlicense: mit\n---\n```\n---\nlicense: gpl\n---\n```\n");
        assertThat(withBlock.metadata().license()).contains("mit");
        assertThat(withBlock.body()).isEqualTo("```\n---\nlicense: gpl\n---\n```\n");
    }

    @Test
    void emptyFilesAndBlocks() {
        ModelCard empty = parse("");
        assertThat(empty.hasMetadata()).isFalse();
        assertThat(metadataProblems(empty)).isEmpty();
        assertThat(empty.problems()).extracting(Problem::code).containsExactly("empty-body");
        assertThat(empty.body()).isEmpty();
        ModelCard emptyBlock = parse("---\n\n---\n");
        assertThat(emptyBlock.hasMetadata()).isTrue();
        assertThat(emptyBlock.metadata().isEmpty()).isTrue();
        assertThat(metadataProblems(emptyBlock)).isEmpty();
        ModelCard commentsOnly = parse("---\n# nothing yet\n---\nbody");
        assertThat(commentsOnly.metadata().isEmpty()).isTrue();
        assertThat(metadataProblems(commentsOnly)).isEmpty();
    }

    @Test
    void moreThanOneDocument() {
        Problem p = only(parse("---\na: 1\n--- b\n---\n"), "yaml-multiple-documents");
        assertThat(p.line()).isEqualTo(3);
    }

    /** The problems of the metadata side: block-only test cards also get the body's empty-body note. */
    private static List<Problem> metadataProblems(ModelCard card) {
        return card.problems().stream().filter(p -> !p.code().equals("empty-body")).toList();
    }

    @Test
    void aMillionDigitIntegerIsTextWithAWarningWithinTheCpuLimit() {
        // BigInteger of a long decimal or hexadecimal text takes quadratic time: 1 MB of digits was 46 CPU-s
        for (String number : List.of("9".repeat(1_000_000), "-" + "7".repeat(300_000), "0x" + "f".repeat(300_000))) {
            ModelCard card = parse("---\nlicense: mit\nx: " + number + "\n---\n# Body\n");
            assertThat(card.metadata().get("x")).isEqualTo(number);
            assertThat(card.metadata().license()).contains("mit");
            Problem p = only(card, ProblemCodes.YAML_NUMBER_TOO_LONG);
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.path()).isEqualTo("x");
            assertThat(p.message()).startsWith("an integer of " + String.format(java.util.Locale.ROOT, "%,d",
                    number.length()) + " characters at x is read as text").hasSizeLessThan(240);
        }
        // at the limit (digits counted without sign or 0x) an integer is still a number, and no warning
        for (String number : List.of("9".repeat(4300), "-" + "9".repeat(4300), "0x" + "f".repeat(4300))) {
            ModelCard atLimit = parse("---\nx: " + number + "\n---\n");
            assertThat(atLimit.metadata().get("x")).isInstanceOf(java.math.BigInteger.class);
            assertThat(atLimit.problems()).noneMatch(p -> p.code().equals(ProblemCodes.YAML_NUMBER_TOO_LONG));
        }
    }

    @Test
    void editingALongIntegerValueNeedsNoQuadraticWork() {
        String number = "9".repeat(1_000_000);
        Edit edit = CpuTime.limit(CPU_LIMIT, HANG_GUARD, () -> CardEditor.of("---\nlicense: mit\n---\n")
                .set("x", number).apply());
        assertThat(edit.ok()).as("%s", edit.problems()).isTrue();
        assertThat(edit.text()).contains("x: '" + number + "'");
    }

    @Test
    void editingAFlowMappingOfManyEntriesOnOneLineStaysWithinTheCpuLimit() {
        // a key written 100,000 times in one flow mapping: each entry's column was found from its line's start and
        // each change copied the rest of the block (quadratic: 40,000 entries took 11 CPU-s)
        StringBuilder block = new StringBuilder("---\n{");
        for (int i = 0; i < 100_000; i++) {
            block.append("a: ").append(i).append(", ");
        }
        String card = block.append("license: mit}\n---\n# Body\n").toString();
        Edit edit = CpuTime.limit(CPU_LIMIT, HANG_GUARD, () -> CardEditor.of(card).set("a", "x").apply());
        assertThat(edit.ok()).as("%s", edit.problems()).isTrue();
        assertThat(edit.text()).isEqualTo("---\n{a: x, license: mit}\n---\n# Body\n");
    }
}
