package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.ProblemCodes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final String GOOD = """
            ---
            license: mit
            language: [en]
            pipeline_tag: text-classification
            library_name: transformers
            ---
            # Model

            ## Uses

            Sentiment of English reviews.

            ## Bias, Risks, and Limitations

            English only.

            ## Training Details

            Fine-tuned for two epochs on our reviews.

            ## Evaluation

            Accuracy 0.9.
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void aCompleteCardPassesEvenStrictly() throws Exception {
        String good = write("org__good.md", GOOD);
        CliRun run = CliRun.run("check", "--strict", good);
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).isEqualTo("1 card checked: 0 errors, 0 warnings\n");
    }

    @Test
    void textFormatIsFileLineColumnSeverityCodeMessageAndErrorsExitOne() throws Exception {
        String bad = write("bad.md", "---\nlicense: [mit\n---\n# x\n");
        CliRun run = CliRun.run("check", bad);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(bad) + ":\\d+:\\d+: error yaml-syntax ");
    }

    @Test
    void warningsFailOnlyWithStrict() throws Exception {
        String noLicense = write("w.md", GOOD.replace("license: mit\n", ""));
        CliRun plain = CliRun.run("check", noLicense);
        assertThat(plain.exit()).isZero();
        assertThat(plain.out()).contains(noLicense + ":1:1: warning missing-license recommended key 'license'");
        assertThat(CliRun.run("check", "--strict", noLicense).exit()).isEqualTo(1);
    }

    @Test
    void checklistFindsMissingBlockKeysAndPlaceholderSections() throws Exception {
        String none = write("none.md", "# Just a title\n\nText.\n");
        assertThat(CliRun.run("check", none).out()).contains("warning no-metadata");
        String empty = write("empty.md", "---\n# nothing yet\n---\n# x\n");
        assertThat(CliRun.run("check", empty).out()).contains("warning empty-metadata");
        String fineTune = write("ft.md", "---\nlicense: mit\npipeline_tag: text-generation\nlibrary_name: peft\n"
                + "tags: [generated_from_trainer]\n---\n# ft\n\n## Uses\n\n[More Information Needed]\n");
        String out = CliRun.run("check", fineTune).out();
        assertThat(out).contains("warning missing-base-model").contains("warning missing-language")
                .contains(":9:1: warning placeholder-section section 'Uses'")
                .contains("info missing-section template section 'Evaluation'");
    }

    @Test
    void unreadableFilesExitTwo() {
        CliRun run = CliRun.run("check", dir.resolve("nope.md").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void githubAnnotationsEscapeTheirSeparators() throws Exception {
        String bad = write("a,b.md", "---\nlicense: [mit\n---\n# x\n");
        CliRun run = CliRun.run("check", "--format", "github", bad);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^::error file=[^,]*a%2Cb\\.md,line=\\d+,col=\\d+,title=yaml-syntax::");
        assertThat(run.out()).contains("::notice file=");
        CliRun quiet = CliRun.run("check", "--format", "github", "--quiet", bad);   // notices were printed all the same
        assertThat(quiet.out()).contains("::error file=").doesNotContain("::notice");
        // a key's terminal escape or bidi control in a message reaches the workflow log as text, not as a control
        String hostile = write("org__keys.md", "---\n\"licens\\u001b\": mit\n\"pipeline_ta\\u202e\": x\n---\n# x\n");
        CliRun keys = CliRun.run("check", "--format", "github", hostile);
        assertThat(keys.out()).contains("title=misspelled-key::key 'licens\\u001b'")
                .contains("'pipeline_ta\\u202e'").doesNotContain("\u001b").doesNotContain("\u202e");
        // a newline or CR in card text is escaped like the other controls, not encoded as a line break GitHub shows;
        // '%' is still encoded, and ':' and ',' in properties
        String lines = write("a%:b.md", "---\n\"licens\\n\": mit\n\"pipeline_ta\\r\": x\n\"library_nam%\": y\n---\n# x\n");
        CliRun broken = CliRun.run("check", "--format", "github", lines);
        assertThat(broken.out()).contains("key 'licens\\u000a'").contains("key 'pipeline_ta\\u000d'")
                .contains("key 'library_nam%25'").contains("a%25%3Ab.md,line=").doesNotContain("%0A").doesNotContain("%0D");
        assertThat(broken.out().lines()).allMatch(l -> l.startsWith("::"));
    }

    @Test
    void jsonAndSarifAreWellFormed() throws Exception {
        String bad = write("org__bad.md", "---\nlicense: [mit\n---\n# x\n");
        ObjectMapper m = new ObjectMapper();
        JsonNode json = m.readTree(CliRun.run("check", "--format", "json", bad).out());
        assertThat(json.at("/cards/0/id").asText()).isEqualTo("org/bad");
        assertThat(json.at("/cards/0/problems").findValuesAsText("code")).contains("yaml-syntax", "missing-section");
        JsonNode sarif = m.readTree(CliRun.run("check", "--format", "sarif", bad).out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode result = null;
        for (JsonNode r : sarif.at("/runs/0/results")) {
            result = r.get("ruleId").asText().equals("yaml-syntax") ? r : result;
        }
        assertThat(result).isNotNull();
        assertThat(result.get("ruleId").asText()).isEqualTo("yaml-syntax");
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
        assertThat(sarif.at("/runs/0/tool/driver/rules").findValuesAsText("id")).contains("yaml-syntax");
        // code-scanning tools title an alert by its rule's short description: a sentence, not the code again
        for (JsonNode rule : sarif.at("/runs/0/tool/driver/rules")) {
            assertThat(rule.at("/shortDescription/text").asText())
                    .isEqualTo(ProblemCodes.descriptions().get(rule.get("id").asText()))
                    .isNotEqualTo(rule.get("id").asText());
        }
        assertThat(sarif.at("/runs/0/tool/driver/rules").findValuesAsText("text"))
                .contains("The metadata block is not valid YAML.");
    }

    @Test
    void sarifUrisAreUriReferencesEncodedAsRfc3986Requires() throws Exception {
        // the raw path was written: a space is no URI character, and '#' started a fragment ("my card" was the file)
        Files.createDirectories(dir.resolve("sp ace"));
        Path card = Path.of(write("sp ace/my card#1%é.md", "---\nlicense: [mit\n---\n# x\n"));
        ObjectMapper m = new ObjectMapper();
        JsonNode absolute = m.readTree(CliRun.run("check", "--format", "sarif", card.toString()).out());
        String uri = absolute.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();
        assertThat(uri).startsWith("file:///").endsWith("/sp%20ace/my%20card%231%25%C3%A9.md");
        assertThat(Path.of(new URI(uri))).isEqualTo(card);

        String relative = Path.of("").toAbsolutePath().relativize(card).toString();   // ../../tmp/junit.../sp ace/...
        JsonNode rel = m.readTree(CliRun.run("check", "--format", "sarif", relative).out());
        String relUri = rel.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText();
        assertThat(relUri).endsWith("/sp%20ace/my%20card%231%25%C3%A9.md").doesNotContain(":");
        assertThat(new URI(relUri).isAbsolute()).isFalse();
        assertThat(new URI(relUri).getPath()).isEqualTo(relative);
        assertThat(SarifUri.of("a:b/c d.md")).isEqualTo("a%3Ab/c%20d.md");   // not the scheme a

        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("---\nlicense: [mit\n---\n# x\n".getBytes(StandardCharsets.UTF_8)));
            JsonNode stdin = m.readTree(CliRun.run("check", "--format", "sarif", "-").out());
            JsonNode location = stdin.at("/runs/0/results/0/locations/0/physicalLocation");
            assertThat(location.at("/artifactLocation/uri").isMissingNode()).as(location.toString()).isTrue();
            assertThat(location.at("/artifactLocation/description/text").asText()).isEqualTo("standard input");
            assertThat(location.at("/region/startLine").asInt()).isPositive();
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void cardTextCannotSendTerminalEscapes() throws Exception {
        String evil = write("evil.md", "---\nlicense: \"mit\\e[31m\"\n---\n# x\n");
        String out = CliRun.run("check", evil).out();
        assertThat(out).doesNotContain("\u001b").contains("\\u001b");
    }

    @Test
    void aFolderIsCheckedCardByCardRecursively() throws Exception {
        write("org__good.md", GOOD);
        Files.createDirectories(dir.resolve("sub"));
        String bad = write("sub/bad.md", "---\nlicense: [mit\n---\n# x\n");
        write("notes.txt", "not a card");
        CliRun run = CliRun.run("check", dir.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^" + java.util.regex.Pattern.quote(bad) + ":\\d+:\\d+: error yaml-syntax ")
                .contains("2 cards checked");
    }
}
