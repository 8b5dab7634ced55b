package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.testkit.FakeHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardFromHubTest {

    private FakeHub hub;

    @BeforeEach
    void start() {
        hub = FakeHub.start();
        hub.model("org/llm").sha("d".repeat(40)).file("README.md", "---\nlicense: mit\n---\n# LLM\n");
        hub.model("org/nocard").file("config.json", "{}");
        hub.model("meta/gated").gated().file("README.md", "# g\n");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void readsACardFromTheHubAtARevision() throws Exception {
        CliRun r = run("card", "--hub-endpoint", hub.endpoint().toString(), "hub:org/llm@" + "d".repeat(40));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode card = new ObjectMapper().readTree(r.out());
        assertThat(card.get("id").asText()).isEqualTo("org/llm");
        assertThat(card.get("metadata").get("license").asText()).isEqualTo("mit");
        assertThat(hub.server().requests().get(0).path()).isEqualTo("/org/llm/resolve/" + "d".repeat(40) + "/README.md");
    }

    @Test
    void missingCardsGatedReposAndBadIdsAreOneLineEachAndTheOthersStillPrint() {
        CliRun r = run("card", "--hub-endpoint", hub.endpoint().toString(), "hub:org/nocard", "hub:meta/gated",
                "hub:org/llm", "hub:../x");

        // the Hub answered each: no card there, gated, not an id; none is a Hub failure (3)
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().lines()).hasSize(1);
        assertThat(r.err().lines()).containsExactly(
                "cardminer card: hub:org/nocard: model org/nocard has no README.md at revision main",
                "cardminer card: hub:meta/gated: model meta/gated is gated: accept its conditions at " + hub.endpoint()
                        + "/meta/gated and set HF_TOKEN",
                "cardminer card: cannot read hub:../x: not a model id: '../x' looks like a local path, not a Hub id "
                        + "(name or org/name) (expected hub:org/name[@revision])");
    }

    @Test
    void aMalformedHubReferenceIsAUsageErrorNotAHubFailure() {
        for (String ref : new String[] {"hub:", "hub:../../etc/passwd", "hub:org/llm@"}) {
            CliRun r = run("card", "--hub-endpoint", hub.endpoint().toString(), ref);
            assertThat(r.exit()).as(ref + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("cardminer card: cannot read " + ref + ": ");
        }
    }

    @Test
    void aHubEndpointThatIsNoHttpAddressIsOneLineWithoutCredentials() {
        CliRun r = run("card", "--hub-endpoint", "file:///etc", "hub:org/llm");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cardminer card: cannot read hub:org/llm: --hub-endpoint file:///etc is not an http(s) address\n");

        CliRun collect = run("collect", "--hub-endpoint", "http://me:hf_secret123456@bad host", "org/llm");
        assertThat(collect.exit()).isEqualTo(2);
        assertThat(collect.err()).contains("is not an address").doesNotContain("hf_secret123456");
    }

    @Test
    void theDiffOfAHubCardAppliesInACloneOfTheModelRepo(@TempDir Path clone) throws Exception {
        // headers naming hub:org/llm were taken by neither git apply nor patch -p1 in the model repo's clone
        CliRun edit = run("edit", "--hub-endpoint", hub.endpoint().toString(), "hub:org/llm", "--set", "license=apache-2.0");
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(edit.out()).startsWith("--- a/README.md\n+++ b/README.md\n");
        git(clone, "init", "-q");
        Files.writeString(clone.resolve("README.md"), "---\nlicense: mit\n---\n# LLM\n");
        Files.writeString(clone.resolve("p.diff"), edit.out());
        assertThat(git(clone, "apply", "p.diff")).isZero();
        assertThat(Files.readString(clone.resolve("README.md"))).isEqualTo("---\nlicense: apache-2.0\n---\n# LLM\n");
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    @Test
    void checkAndEditReadHubCardsThroughTheSameClient() throws Exception {
        CliRun check = run("check", "--hub-endpoint", hub.endpoint().toString(), "hub:org/llm");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("hub:org/llm:1:1: warning missing-pipeline-tag");
        CliRun gated = run("check", "--hub-endpoint", hub.endpoint().toString(), "hub:meta/gated");
        assertThat(gated.exit()).isEqualTo(OneLineErrorHandler.IO_ERROR);
        CliRun edit = run("edit", "--hub-endpoint", hub.endpoint().toString(), "hub:org/llm", "--set", "license=apache-2.0");
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("-license: mit\n+license: apache-2.0\n");
        assertThat(run("edit", "--hub-endpoint", hub.endpoint().toString(), "hub:org/llm", "--set", "a=b", "--in-place")
                .exit()).isEqualTo(2);
    }
}
