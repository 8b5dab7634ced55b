package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCommandTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void printsOneObjectWithEveryField() throws Exception {
        Path card = dir.resolve("my-model.md");
        Files.writeString(card, "---\nlicense: mit\nlanguage: no\n---\n# My model\n\nText.\n");
        CliRun r = run("card", card.toString());
        assertThat(r.exit()).isZero();
        JsonNode o = json.readTree(r.out());
        assertThat(o.fieldNames()).toIterable().containsExactly("id", "metadata", "body", "evalResults",
                "sections", "links", "completeness", "problems");
        assertThat(o.get("id").asText()).isEqualTo("my-model");
        assertThat(o.get("metadata").get("license").asText()).isEqualTo("mit");
        // YAML 1.2: Norwegian stays a string.
        assertThat(o.get("metadata").get("language").isTextual()).isTrue();
        assertThat(o.get("body").asText()).isEqualTo("# My model\n\nText.\n");
    }

    @Test
    void metadataIsNullWithoutABlock() throws Exception {
        Path card = dir.resolve("plain.md");
        Files.writeString(card, "# Just text\n");
        JsonNode o = json.readTree(run("card", card.toString()).out());
        assertThat(o.get("metadata").isNull()).isTrue();
        assertThat(o.get("body").asText()).isEqualTo("# Just text\n");
    }

    @Test
    void severalCardsGiveOneLineEach() throws Exception {
        Path a = dir.resolve("a.md");
        Path b = dir.resolve("b.md");
        Files.writeString(a, "# A\n");
        Files.writeString(b, "---\n- not a mapping\n---\n# B\n");
        CliRun r = run("card", a.toString(), b.toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines.get(0)).get("id").asText()).isEqualTo("a");
        JsonNode second = json.readTree(lines.get(1));
        JsonNode notMapping = second.get("problems").findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("yaml-not-mapping")).findFirst().orElseThrow();
        assertThat(notMapping.get("severity").asText()).isEqualTo("error");
        assertThat(notMapping.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void unreadableFileIsNamedAndExitsNonZero() throws Exception {
        Path a = dir.resolve("a.md");
        Files.writeString(a, "# A\n");
        CliRun r = run("card", a.toString(), dir.resolve("missing.md").toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err().strip()).contains("missing.md").doesNotContain("\n");
        assertThat(r.out().lines()).hasSize(1);
    }

    @Test
    void readsStandardInput() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("---\ntags: [x]\n---\nbody\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = run("card", "-");
            assertThat(r.exit()).isZero();
            JsonNode o = json.readTree(r.out());
            assertThat(o.get("metadata").get("tags").get(0).asText()).isEqualTo("x");
            assertThat(o.get("body").asText()).isEqualTo("body\n");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void theIdOfAHubLayoutFileIsTheRepoIdAsAnalyzeGivesIt() throws Exception {
        Path flat = Files.writeString(dir.resolve("my-org__my-model.md"), "# x\n");
        assertThat(json.readTree(run("card", flat.toString()).out()).get("id").asText()).isEqualTo("my-org/my-model");
        Path nested = Files.createDirectories(dir.resolve("org2/name2")).resolve("README.md");
        Files.writeString(nested, "# x\n");
        assertThat(json.readTree(run("card", nested.toString()).out()).get("id").asText()).isEqualTo("org2/name2");
    }

    @Test
    void summaryIsAShortDigest() throws Exception {
        Path card = Files.writeString(dir.resolve("o__m.md"), "---\nlicense: mit\npipeline_tag: fill-mask\n"
                + "tags: [\"\\e[2J\"]\n---\n# M\n\n## Uses\n\nMasked words. See https://arxiv.org/abs/1810.04805\n");
        CliRun r = run("card", "--summary", card.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("o/m\n  metadata: 3 keys · license mit · task fill-mask\n")
                .contains("links: 1 arxiv").contains("problems: 0 errors").doesNotContain("\u001b");
        assertThat(r.out().lines().count()).isLessThan(12);
        assertThat(r.out()).contains("sections: 2 headings,");
        Path one = Files.writeString(dir.resolve("o__one.md"), "---\nlicense: mit\n---\n# M\n");
        assertThat(run("card", "--summary", one.toString()).out())   // was "1 keys", "1 headings"
                .contains("metadata: 1 key · license mit\n").contains("sections: 1 heading,");
    }

    @Test
    void theJsonHoldsTheProblemsThatCheckAndTheSummaryList() throws Exception {
        // the summary showed check's checklist (missing-license, missing-section) and the JSON only the parser's problems
        Path card = Files.writeString(dir.resolve("o__st.md"), "---\npipeline_tag: sentence-similarity\n---\n# ST\n\nWords.\n");
        JsonNode checked = json.readTree(run("check", "--format", "json", card.toString()).out()).at("/cards/0/problems");
        JsonNode shown = json.readTree(run("card", card.toString()).out()).get("problems");
        assertThat(shown.findValuesAsText("code")).contains("missing-license", "missing-section");
        assertThat(shown).isEqualTo(checked);
        String summary = run("card", "--summary", card.toString()).out();
        assertThat(summary).contains("problems: 0 errors, " + checked.findValuesAsText("severity").stream()
                .filter("warning"::equals).count() + " warnings, ");
    }

    @Test
    void summaryCountsTheProblemsThatCheckLists() throws Exception {
        // No metadata block, no template sections: check adds its checklist to the parser's problems.
        Path card = Files.writeString(dir.resolve("o__bare.md"), "# Bare\n\nSome words.\n");
        CliRun check = run("check", card.toString());
        String checkSummary = check.out().lines().filter(l -> l.contains("card checked")).findFirst().orElseThrow();
        long listed = check.out().lines().filter(l -> l.startsWith(card.toString() + ":")).count();
        assertThat(listed).isPositive();
        CliRun summary = run("card", "--summary", card.toString());
        String line = summary.out().lines().filter(l -> l.startsWith("  problems: ")).findFirst().orElseThrow();
        long counted = java.util.Arrays.stream(line.substring("  problems: ".length()).split(", "))
                .mapToLong(part -> Long.parseLong(part.substring(0, part.indexOf(' ')))).sum();
        assertThat(counted).isEqualTo(listed);
        assertThat(checkSummary).endsWith(line.substring("  problems: ".length()).replaceAll(", 0 info$", ""));
    }
}
