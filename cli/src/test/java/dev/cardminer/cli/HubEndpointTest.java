package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An endpoint that is no http(s) address, from {@code --hub-endpoint} or {@code HF_ENDPOINT}, is a usage error
 * (exit 2, one line) in every command that reads Hub options, not a Hub failure (exit 3); the help says which
 * exit statuses a command has.
 */
class HubEndpointTest {

    @TempDir
    Path dir;

    private static final String CARD = "---\npipeline_tag: text-classification\n---\n# m\n\nThis model is a fine-tuned "
            + "version of [acme/base-1](https://huggingface.co/acme/base-1) on the imdb dataset.\n";

    private static final String HINT = "; set HF_ENDPOINT to the Hub's http(s) address (https://huggingface.co) or unset it";

    @Test
    void theEnvironmentsEndpointIsCheckedAsTheFlagIs() throws IOException {
        assertThatThrownBy(() -> HubSettings.options(null, null, Map.of("HF_ENDPOINT", "notaurl")))
                .isInstanceOf(IOException.class).hasMessage("HF_ENDPOINT notaurl is not an http(s) address" + HINT);
        assertThatThrownBy(() -> HubSettings.options(null, null, Map.of("HF_ENDPOINT", "not a url")))
                .isInstanceOf(IOException.class).hasMessage("HF_ENDPOINT not a url is not an address" + HINT);
        // the flag wins over the environment, a bad environment included
        assertThat(HubSettings.options("http://127.0.0.1:9", null, Map.of("HF_ENDPOINT", "notaurl")).endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(HubSettings.options(null, null, Map.of("HF_ENDPOINT", "https://hub.example/", "HF_TOKEN", "t")))
                .satisfies(o -> {
                    assertThat(o.endpoint()).isEqualTo(URI.create("https://hub.example"));
                    assertThat(o.token()).isEqualTo("t");
                });
        assertThat(HubSettings.options(null, null, Map.of("HF_ENDPOINT", " ")).endpoint().toString())
                .isEqualTo("https://huggingface.co");
    }

    @Test
    void suggestsHubEndpointFlagIsAUsageError() throws IOException {
        Path card = Files.writeString(dir.resolve("acme__m.md"), CARD);
        CliRun r = run("suggest", card.toString(), "--hub-endpoint", "notaurl", "--patch-dir", dir.resolve("p").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("cardminer suggest: --hub-endpoint notaurl is not an http(s) address\n");
    }

    /** The real environment variable, in a JVM of its own: what a user typing the command gets. */
    @Test
    void hfEndpointThatIsNoAddressMakesSuggestOpenPrsExitTwo() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"),
                "{\"modelId\": \"acme/m\", \"card\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(CARD) + "}\n");
        // with --open-prs, and on local cards alone (the variable is read first): the variable, its value and the way out
        for (List<String> args : List.of(List.of("--patch-dir", dir.resolve("p").toString(), "--open-prs"), List.<String>of())) {
            List<String> command = new ArrayList<>(List.of("suggest", jsonl.toString()));
            command.addAll(args);
            CliRun r = runInOwnJvm(Map.of("HF_ENDPOINT", "notaurl", "HF_TOKEN", "hf_secret_never_shown"), command);
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("cardminer suggest: HF_ENDPOINT notaurl is not an http(s) address" + HINT + "\n");
        }
    }

    /** {@code cardminer ARGS} in a JVM of its own with these environment variables; standard output is not kept. */
    private static CliRun runInOwnJvm(Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cardminer.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliRun(p.exitValue(), "", err);
    }

    /** A token with a Windows line end works, as in huggingface_hub; one with a control character left is a usage error. */
    @Test
    void hfTokenIsCleanedOrRefusedWithoutBeingShown() throws IOException {
        assertThat(HubSettings.options(null, null, Map.of("HF_TOKEN", "hf_SECRETxyz\r\n")).token()).isEqualTo("hf_SECRETxyz");
        assertThatThrownBy(() -> HubSettings.options(null, null, Map.of("HF_TOKEN", "hf_SECRETxyz\u0007")))
                .isInstanceOf(IOException.class).message()
                .startsWith("HF_TOKEN holds a control character (U+0007) at character 13 of 13").doesNotContain("SECRET")
                .doesNotContain("HF_ENDPOINT");
    }

    /** The real environment variable, in a JVM of its own: the one line a user gets, without the token. */
    @Test
    void checkOfAHubCardWithATokenHoldingAControlCharacterSaysSoWithoutTheToken() throws Exception {
        try (dev.cardminer.testkit.FakeHub hub = dev.cardminer.testkit.FakeHub.start()) {
            hub.model("org/ok").file("README.md", CARD);
            CliRun r = runInOwnJvm(Map.of("HF_TOKEN", "hf_SECRETxyz\u001b[0m\r\n"),
                    List.of("check", "hub:org/ok", "--hub-endpoint", hub.endpoint().toString()));
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("cardminer check: cannot read hub:org/ok: HF_TOKEN holds a control character (U+001B)")
                    .doesNotContain("SECRET").doesNotContain("\r");
            assertThat(hub.server().requests()).isEmpty();
        }
    }

    @Test
    void checkAndEditListTheHubsExitStatusInTheirHelp() {
        assertThat(run("check", "--help").out().replaceAll("\\s+", " ")).contains("3 when the Hub cannot be reached");
        assertThat(run("edit", "--help").out().replaceAll("\\s+", " ")).contains("3 when the Hub cannot be reached");
        assertThat(run("suggest", "--help").out().replaceAll("\\s+", " ")).contains("1 when a pull request failed",
                "3 when the Hub cannot be reached");
    }
}
