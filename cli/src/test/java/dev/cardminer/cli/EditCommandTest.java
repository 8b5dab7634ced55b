package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditCommandTest {

    private static final String CARD = "---\nlicense: mit\n# keep this comment\ntags:\n- a\n---\n# Card\n\nBody.\n";

    @TempDir
    Path dir;

    @Test
    void printsAUnifiedDiffAndLeavesTheFileAlone() throws Exception {
        Path card = Files.writeString(dir.resolve("org__m.md"), CARD);
        CliRun run = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0", "--add", "tags=b",
                "--set", "language=[en, de]");
        assertThat(run.exit()).as(run.err()).isZero();
        String shown = EditCommand.diffPath(card.toString());
        assertThat(run.out()).isEqualTo("--- a/" + shown + "\n+++ b/" + shown + "\n"
                + "@@ -1,8 +1,12 @@\n"
                + " ---\n"
                + "-license: mit\n"
                + "+license: apache-2.0\n"
                + " # keep this comment\n"
                + " tags:\n"
                + " - a\n"
                + "+- b\n"
                + "+language:\n"
                + "+- en\n"
                + "+- de\n"
                + " ---\n"
                + " # Card\n"
                + " \n");
        assertThat(Files.readString(card)).isEqualTo(CARD);
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamedNotTheTemporaryFile() throws Exception {
        Path card = Files.writeString(dir.resolve("m.md"), CARD);
        Path missing = dir.resolve("no-such-folder").resolve("out.md");
        CliRun r = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0", "-o", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("cannot write " + missing + ": its folder does not exist")
                .doesNotContain(".cardminer-edit");
        assertThat(Files.readString(card)).isEqualTo(CARD);
    }

    @Test
    void inPlaceAndOutputWriteTheCardThatReadsBackWithTheValues() throws Exception {
        Path card = Files.writeString(dir.resolve("m.md"), CARD);
        Path out = dir.resolve("out.md");
        assertThat(CliRun.run("edit", card.toString(), "--remove", "tags", "-o", out.toString()).exit()).isZero();
        assertThat(Files.readString(out)).isEqualTo("---\nlicense: mit\n# keep this comment\n---\n# Card\n\nBody.\n");
        assertThat(CliRun.run("edit", card.toString(), "--set", "language=[en, de]", "--in-place").exit()).isZero();
        ModelCard edited = ModelCard.parse(Files.readString(card));
        assertThat(edited.metadata().language()).containsExactly("en", "de");
        assertThat(edited.metadata().license()).hasValue("mit");
        assertThat(Files.readString(card)).startsWith("---\nlicense: mit\n# keep this comment\n");
    }

    @Test
    void theDiffHeaderNamesAnAbsoluteFileAsGitDoes() {
        // "a//tmp/x.md" was taken by neither git apply nor patch -p1
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(EditCommand.diffPath(cwd.resolve("sub/org__m.md").toString())).isEqualTo("sub/org__m.md");
        Path elsewhere = cwd.getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("m.md");
        assertThat(EditCommand.diffPath(elsewhere.toString())).isEqualTo(cwd.getRoot().relativize(elsewhere).toString())
                .doesNotStartWith("/");
        assertThat(EditCommand.diffPath("cards/m.md")).isEqualTo("cards/m.md");
        assertThat(EditCommand.diffPath("<stdin>")).isEqualTo("<stdin>");
    }

    @Test
    void theDiffAppliesToGiveTheEditedCard() throws Exception {
        // Round trip: applying the printed diff by hand gives what -o writes.
        Path card = Files.writeString(dir.resolve("r.md"), CARD + "\n".repeat(3) + "## More\n\ntext\n");
        String diff = CliRun.run("edit", card.toString(), "--set", "pipeline_tag=text-classification").out();
        Path out = dir.resolve("r-out.md");
        CliRun.run("edit", card.toString(), "--set", "pipeline_tag=text-classification", "-o", out.toString());
        assertThat(applyPatch(Files.readString(card), diff)).isEqualTo(Files.readString(out));
    }

    @Test
    void anUneditableBlockAndBadArgumentsAreRefused() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.md"), "---\nlicense: [unclosed\n---\nx\n");
        CliRun run = CliRun.run("edit", bad.toString(), "--set", "license=mit", "--in-place");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("cardminer edit: refused, " + bad + ":2:19: error yaml-syntax invalid YAML: ");
        assertThat(Files.readString(bad)).isEqualTo("---\nlicense: [unclosed\n---\nx\n");
        Path card = Files.writeString(dir.resolve("c.md"), CARD);
        assertThat(CliRun.run("edit", card.toString(), "--set", "novalue").exit()).isEqualTo(2);
        assertThat(CliRun.run("edit", card.toString(), "--set", "k=*undefined").err()).contains("is not YAML");
        // snakeyaml's reason, located within the value, on one line with card-like text escaped
        CliRun unclosed = CliRun.run("edit", card.toString(), "--set", "tags=[a");
        assertThat(unclosed.exit()).isEqualTo(2);
        assertThat(unclosed.err()).contains("the value of 'tags' is not YAML: while parsing a flow sequence: "
                + "expected ',' or ']', but got <stream end> at column 3");
        assertThat(CliRun.run("edit", card.toString(), "--set", "k={a: [\u001b").err()).contains("at column")
                .doesNotContain("\u001b[").hasLineCount(1);
        assertThat(CliRun.run("edit", card.toString()).exit()).isEqualTo(2);
    }

    @Test
    void anEditThatAddsAnErrorIsFound() {
        ModelCard before = ModelCard.parse(CARD);
        ModelCard after = ModelCard.parse(CARD.replace("tags:\n- a\n", "tags: [a\n"));
        assertThat(EditCommand.added(before, after, dev.cardminer.core.Problem.Severity.ERROR)).extracting(p -> p.code()).containsExactly("yaml-syntax");
        assertThat(EditCommand.added(after, after, dev.cardminer.core.Problem.Severity.ERROR)).isEmpty();
    }

    /** Applies a unified diff (as produced here: hunks in order) to a text. */
    private static String applyPatch(String text, String diff) {
        String[] lines = text.split("(?<=\n)");
        StringBuilder out = new StringBuilder();
        int next = 0;
        String[] d = diff.split("(?<=\n)");
        for (int k = 2; k < d.length; k++) {
            if (d[k].startsWith("@@")) {
                int start = Integer.parseInt(d[k].replaceAll("^@@ -(\\d+).*\n$", "$1"));
                while (next < start - 1) {
                    out.append(lines[next++]);
                }
            } else if (d[k].startsWith(" ")) {
                out.append(d[k].substring(1));
                next++;
            } else if (d[k].startsWith("-")) {
                next++;
            } else if (d[k].startsWith("+")) {
                out.append(d[k].substring(1));
            }
        }
        while (next < lines.length) {
            out.append(lines[next++]);
        }
        return out.toString();
    }

    @Test
    void aCardWhoseBlockIsUnclosedOrBehindABomIsRefusedAndLeftAlone() throws Exception {
        for (String text : new String[] {"---\nlicense: mit\ntags:\n- foo\n\n# Card\n\nBody.\n",
                "\uFEFF---\nlicense: mit\n---\n# Card\n"}) {
            Path card = Files.writeString(dir.resolve("org__broken.md"), text);
            CliRun run = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0", "--in-place");
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains("refused").containsAnyOf("metadata-unclosed", "bom-hides-metadata")
                    .contains(":1:1:");
            assertThat(run.out()).isEmpty();
            assertThat(Files.readString(card)).isEqualTo(text);
        }
    }

    /**
     * A refusal of the editor is located as check locates problems (FILE:LINE:COLUMN: severity code message), not as
     * "cannot edit FILE: line N: code: message"; a block left empty ('---' right above '---') gets the keys.
     */
    @Test
    void anEditorRefusalIsLocatedAsCheckLocatesAndAnEmptyBlockIsFilled() throws Exception {
        Path blanks = Files.writeString(dir.resolve("org__blanks.md"), "---  \nlicense: mit\n---\n# Card\n");
        CliRun run = CliRun.run("edit", blanks.toString(), "--set", "license=apache-2.0");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("cardminer edit: refused, " + blanks + ":1:4: error edit-not-possible the line '---'"
                + " that opens the metadata block has spaces or tabs after it, so the Hub does not see the block and reads"
                + " its keys as text; remove them; the card is left as it is\n");
        // a dotted key is no path into a value: what is written is said
        Path card = Files.writeString(dir.resolve("org__m.md"), CARD);
        CliRun path = CliRun.run("edit", card.toString(), "--set", "tags.0=b", "--set", "model-index.name=x", "--set", "a.b=c");
        assertThat(path.exit()).as(path.err()).isZero();
        assertThat(path.err()).contains("note: 'tags.0' is written as one top-level key, not into 'tags' (edit sets"
                + " top-level keys: give --set tags=... with its whole value)").contains("'model-index.name' is written as one")
                .doesNotContain("'a.b'");
        Path empty = Files.writeString(dir.resolve("org__empty.md"), "---\n---\n# Card\n");
        CliRun filled = CliRun.run("edit", empty.toString(), "--set", "license=mit", "--in-place");
        assertThat(filled.exit()).as(filled.err()).isZero();
        assertThat(Files.readString(empty)).isEqualTo("---\nlicense: mit\n---\n# Card\n");
    }

    /**
     * --in-place on a README.md that is a symbolic link writes the file it points at and keeps the link (the link was
     * replaced by a file); the card keeps its permissions (the temporary file's owner-only ones were left on it), and
     * no temporary file stays behind.
     */
    @Test
    void inPlaceFollowsASymbolicLinkAndKeepsTheFilesPermissions() throws Exception {
        Path real = Files.writeString(dir.resolve("card.md"), CARD);
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = Files.createSymbolicLink(dir.resolve("README.md"), real.getFileName());
        CliRun run = CliRun.run("edit", link.toString(), "--set", "license=apache-2.0", "--in-place");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("---\nlicense: apache-2.0\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-rw-r--");
        Path out = dir.resolve("out.md");
        assertThat(CliRun.run("edit", real.toString(), "--set", "license=mit", "-o", out.toString()).exit()).isZero();
        // a new OUT gets what any new file gets (the umask's), as a file the test writes itself does
        Path plain = Files.writeString(dir.resolve("plain.md"), CARD);
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("card.md", "README.md",
                    "out.md", "plain.md");
        }
    }

    /**
     * A card with bytes that are no UTF-8 (a Latin-1 é in the text): -o and --in-place copy what follows the block byte
     * for byte (they wrote U+FFFD in place of the author's bytes, on lines no diff showed); a diff that would show them
     * as U+FFFD, and an edit of a line holding them, are refused, located at the first such byte.
     */
    @Test
    void bytesThatAreNoUtf8AreKeptOrTheEditIsRefused() throws Exception {
        byte[] latin1 = "---\nlicense: mit\n---\n# Caf\u00e9\n\nBody \u00e9t\u00e9.\n".getBytes(StandardCharsets.ISO_8859_1);
        Path card = Files.write(dir.resolve("org__latin.md"), latin1);
        Path out = dir.resolve("out.md");
        CliRun written = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0", "-o", out.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo("---\nlicense: apache-2.0\n---\n# Caf\u00e9\n\nBody \u00e9t\u00e9.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun diff = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0");
        assertThat(diff.exit()).isEqualTo(1);
        assertThat(diff.out()).isEmpty();
        assertThat(diff.err()).startsWith("cardminer edit: refused, " + card + ":4:6: warning invalid-utf8 ")
                .contains("the diff would show U+FFFD in place of such bytes");
        Path inBlock = Files.write(dir.resolve("org__block.md"), "---\nlicense: mit\ndescription: caf\u00e9\n---\n# x\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun changed = CliRun.run("edit", inBlock.toString(), "--set", "description=cafe", "--in-place");
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.err()).contains(":3:17: warning invalid-utf8 ").contains("save the card as UTF-8 first");
        assertThat(Files.readAllBytes(inBlock)).isEqualTo("---\nlicense: mit\ndescription: caf\u00e9\n---\n# x\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        // a line beside it is edited, its bytes kept
        assertThat(CliRun.run("edit", inBlock.toString(), "--set", "license=apache-2.0", "--in-place").exit()).isZero();
        assertThat(Files.readAllBytes(inBlock)).isEqualTo("---\nlicense: apache-2.0\ndescription: caf\u00e9\n---\n# x\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        // and below it: the bytes above the edit are kept as well (the edit was refused)
        Path above = Files.write(dir.resolve("org__above.md"), "---\ndescription: caf\u00e9 \u00e9t\u00e9\nlicense: mit\n---\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        CliRun below = CliRun.run("edit", above.toString(), "--set", "license=apache-2.0", "--add", "tags=x", "--in-place");
        assertThat(below.exit()).as(below.err()).isZero();
        assertThat(Files.readAllBytes(above)).isEqualTo(
                "---\ndescription: caf\u00e9 \u00e9t\u00e9\nlicense: apache-2.0\ntags:\n- x\n---\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aValueTheCheckerFlagsIsWrittenAndSaid() throws Exception {
        Path card = Files.writeString(dir.resolve("org__m.md"), CARD);
        CliRun run = CliRun.run("edit", card.toString(), "--set", "license=not-a-licence");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("the edit adds").contains("unknown-license").contains(":2:");
        assertThat(run.out()).contains("+license: not-a-licence");
    }

    @Test
    void addOnAOneValueKeyIsRefusedWithSetSuggestedAndTheFileLeftAlone() throws Exception {
        String text = "---\nlicense: mit\npipeline_tag: text-classification\n---\n# Card\n";
        Path card = Files.writeString(dir.resolve("org__one.md"), text);
        for (String[] add : new String[][] {{"license", "apache-2.0"}, {"pipeline_tag", "fill-mask"},
                {"library_name", "transformers"}, {"base_model_relation", "adapter"}, {"license_name", "x"},
                {"inference", "false"}, {"co2_eq_emissions", "12"}, {"extra_gated_fields", "x"}}) {
            CliRun run = CliRun.run("edit", card.toString(), "--add", add[0] + "=" + add[1], "--in-place");
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--add " + add[0]).contains("not a list")
                    .contains("--set " + add[0] + "=" + add[1]);
            assertThat(run.out()).isEmpty();
        }
        assertThat(Files.readString(card)).isEqualTo(text);
    }

    @Test
    void addToTheListsOfMappingsTheHubReadsIsNotRefused() throws Exception {
        Path card = Files.writeString(dir.resolve("org__widget.md"), "---\nwidget:\n- text: hi\n---\n# Card\n");
        CliRun run = CliRun.run("edit", card.toString(), "--add", "widget={text: there}");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("+- text: there\n");
    }

    @Test
    void aKeyTheHubDoesNotReadButProbablyMeansIsSaidAndStillWritten() throws Exception {
        Path card = Files.writeString(dir.resolve("org__typo.md"), "---\nlicense: mit\n---\n# Card\n");
        CliRun run = CliRun.run("edit", card.toString(), "--set", "Pipeline_Tag=fill-mask", "--add", "licence_names=x",
                "--add", "dataset=imdb", "--set", "model_name=m");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("+Pipeline_Tag: fill-mask\n").contains("+dataset:\n+- imdb\n");
        assertThat(run.err()).contains("note: 'Pipeline_Tag' is not a key the Hub reads; did you mean 'pipeline_tag'?")
                .contains("note: 'dataset' is not a key the Hub reads; did you mean 'datasets'?")
                .doesNotContain("model_name").doesNotContain("licence_names");
        CliRun hub = CliRun.run("edit", card.toString(), "--set", "pipeline_tag=fill-mask", "--add", "datasets=imdb");
        assertThat(hub.err()).doesNotContain("did you mean");
    }

    @Test
    void settingAKeyTheCardWritesMisspeltSaysWhereTheMisspeltOneIs() throws Exception {
        Path card = Files.writeString(dir.resolve("org__licence.md"), "---\nlicence: mit\ntags: [a]\n---\n# Card\n");
        CliRun run = CliRun.run("edit", card.toString(), "--set", "license=mit");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("note: " + card + ":2: the card also has 'licence', which the Hub does not read as "
                + "'license'; --remove licence drops it");
        CliRun both = CliRun.run("edit", card.toString(), "--set", "license=mit", "--remove", "licence");
        assertThat(both.err()).doesNotContain("also has");
        assertThat(CliRun.run("edit", card.toString(), "--add", "tags=b").err()).doesNotContain("also has");
    }

    @Test
    void aKeyBothRemovedAndSetIsRefusedAndRemovingAnAbsentKeyIsSaid() throws Exception {
        String text = "---\nlicense: mit\n---\n# Card\n";
        Path card = Files.writeString(dir.resolve("org__both.md"), text);
        CliRun both = CliRun.run("edit", card.toString(), "--remove", "license", "--set", "license=apache-2.0",
                "--in-place");
        assertThat(both.exit()).as(both.err()).isEqualTo(2);   // it removed the key and dropped the --set silently
        assertThat(both.err()).contains("license is both removed and set or added");
        assertThat(Files.readString(card)).isEqualTo(text);
        CliRun absent = CliRun.run("edit", card.toString(), "--remove", "tags");
        assertThat(absent.exit()).as(absent.err()).isZero();
        assertThat(absent.out()).isEmpty();
        assertThat(absent.err()).contains("note: tags is not in the metadata; nothing to remove");
        assertThat(CliRun.run("edit", card.toString(), "--remove", "license").err()).doesNotContain("note:");
    }

    @Test
    void outputDashIsStandardOutputNotAFileNamedDash() throws Exception {
        Path card = Files.writeString(dir.resolve("org__dash.md"), CARD);
        Path out = dir.resolve("out.md");
        assertThat(CliRun.run("edit", card.toString(), "--set", "license=apache-2.0", "-o", out.toString()).exit()).isZero();
        CliRun dash = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0", "-o", "-");
        assertThat(dash.exit()).as(dash.err()).isZero();
        assertThat(dash.out()).isEqualTo(Files.readString(out));
        assertThat(Path.of("-")).doesNotExist();
        assertThat(Files.readString(card)).isEqualTo(CARD);
    }

    @Test
    void anEditThatChangesNothingSaysSoOnStandardErrorInEveryMode() throws Exception {
        Path card = Files.writeString(dir.resolve("org__same.md"), CARD);
        Path out = dir.resolve("same-out.md");
        String[][] modes = {{}, {"--in-place"}, {"-o", out.toString()}, {"-o", "-"}};
        for (String[] edit : new String[][] {{"--add", "tags=a"}, {"--set", "license=mit"}, {"--set", "tags=[a]"}}) {
            for (String[] mode : modes) {
                List<String> args = new ArrayList<>(List.of("edit", card.toString()));
                args.addAll(List.of(edit));
                args.addAll(List.of(mode));
                CliRun r = CliRun.run(args.toArray(String[]::new));
                assertThat(r.exit()).as(args + ": " + r.err()).isZero();
                assertThat(r.err()).as(args.toString())
                        .isEqualTo("cardminer edit: note: nothing to change: " + card + " already holds what was asked\n");
                assertThat(r.out()).as(args.toString()).isEqualTo(mode.length == 2 && mode[1].equals("-") ? CARD : "");
            }
        }
        assertThat(Files.readString(card)).isEqualTo(CARD);
        assertThat(Files.readString(out)).isEqualTo(CARD);
        CliRun changed = CliRun.run("edit", card.toString(), "--add", "tags=b");
        assertThat(changed.err()).isEmpty();
        assertThat(changed.out()).contains("+- b");
    }

    @Test
    void addOnAListKeyHoldingOneValueMakesAListAndSaysSo() throws Exception {
        Path card = Files.writeString(dir.resolve("org__list.md"), "---\ntags: foo\nlanguage: en\n---\n# Card\n");
        CliRun run = CliRun.run("edit", card.toString(), "--add", "tags=bar", "--add", "language=de");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("-tags: foo\n").contains("+tags:\n+- foo\n+- bar\n");
        assertThat(run.err()).contains("note: tags held one value (foo); it is now a list of 2: [foo, bar]")
                .contains("note: language held one value (en); it is now a list of 2: [en, de]");
        Path empty = Files.writeString(dir.resolve("org__empty.md"), "---\nmetrics: \"\"\n---\n# Card\n");
        CliRun none = CliRun.run("edit", empty.toString(), "--add", "metrics=f1");   // an empty string is no value held
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(none.out()).contains("+metrics:\n+- f1\n").doesNotContain("''");
        assertThat(none.err()).doesNotContain("note:");
        CliRun listed = CliRun.run("edit", card.toString(), "--add", "datasets=imdb");   // a new key: no note
        assertThat(listed.exit()).isZero();
        assertThat(listed.err()).doesNotContain("note:");
    }

    @Test
    void aKeyWrittenTwiceIsNotAddedToAndItsCopiesReplacedAreSaid() throws Exception {
        String text = "---\ntags:\n- a\nlicense: mit\ntags:\n- b\n---\n# M\n";
        Path card = Files.writeString(dir.resolve("org__twice.md"), text);
        CliRun add = CliRun.run("edit", card.toString(), "--add", "tags=c", "--in-place");
        assertThat(add.exit()).as(add.err()).isEqualTo(1);
        assertThat(add.err()).contains("refused").contains(":5: tags is written twice").contains("--set tags=[...]");
        assertThat(Files.readString(card)).isEqualTo(text);
        CliRun set = CliRun.run("edit", card.toString(), "--set", "tags=[a, b, c]");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.err()).contains("note: every copy of tags (written twice, again at line 5) is replaced");
        CliRun gone = CliRun.run("edit", card.toString(), "--remove", "tags");
        assertThat(gone.err()).contains("note: every copy of tags (written twice, again at line 5) is removed");
        assertThat(set.out()).contains("-tags:\n-- a\n").contains("+- c\n");
        CliRun other = CliRun.run("edit", card.toString(), "--set", "license=apache-2.0");   // another key: both copies stay
        assertThat(other.exit()).isZero();
        assertThat(other.err()).doesNotContain("twice");
        assertThat(other.out()).doesNotContain("\n-tags").doesNotContain("\n-- a\n").contains("+license: apache-2.0");
    }
}
