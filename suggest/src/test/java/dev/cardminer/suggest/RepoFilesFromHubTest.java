package dev.cardminer.suggest;

import dev.cardminer.core.ModelCard;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubException;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.hub.RepoInfo;
import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HubRepoFiles} against a Hub-shaped local server, and how repo-file evidence reads in a pull request. */
class RepoFilesFromHubTest {

    private static final String SHA = "b".repeat(40);

    private static HubClient client(FakeHub hub) {
        return HubClient.builder(HubOptions.fromEnvironment().withEndpoint(hub.endpoint()).withToken(null)).maxAttempts(1).build();
    }

    @Test
    void readsOnlyTheListedFilesAtTheInfosShaAndKeepsWhatCouldNotBeRead() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.model("me/lora").sha(SHA).file("README.md", "# lora\n").file("adapter_model.safetensors", "x")
                    .file("adapter_config.json", "{\"base_model_name_or_path\": \"acme/Base\"}")
                    .file("config.json", "{}").file("mergekit_config.yml", new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
            // listed, but gone by the time it is read
            hub.server().once(r -> r.path().endsWith("/config.json"), LocalHttpServer.Response.text(404, "Entry not found")
                    .withHeader("X-Error-Code", "EntryNotFound"));
            HubClient client = client(hub);
            RepoInfo info = client.modelInfo("me/lora", null);
            RepoFiles files = new HubRepoFiles(client).read(info, null);

            assertThat(files.revision()).isEqualTo(SHA);
            assertThat(files.paths()).contains("adapter_model.safetensors", "README.md");
            assertThat(files.texts()).containsOnlyKeys("adapter_config.json");
            assertThat(files.unread()).containsOnlyKeys("config.json", "mergekit_config.yml");
            assertThat(files.unread().get("mergekit_config.yml")).isEqualTo("not UTF-8 text");
            assertThat(files.unread().get("config.json")).contains("no such file at revision " + SHA);
            assertThat(hub.server().requests().stream().map(LocalHttpServer.Request::path).skip(1)).containsExactly(
                    "/me/lora/resolve/" + SHA + "/adapter_config.json", "/me/lora/resolve/" + SHA + "/mergekit_config.yml",
                    "/me/lora/resolve/" + SHA + "/config.json");
        }
    }

    @Test
    void theRateLimitStopsTheReadingInsteadOfBeingAnUnreadFile() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.model("me/lora").sha(SHA).file("adapter_config.json", "{}");
            hub.server().once(r -> r.path().endsWith("/adapter_config.json"), LocalHttpServer.Response.text(429, "slow down")
                    .withHeader("Retry-After", "3600"));
            HubClient client = client(hub);
            RepoInfo info = client.modelInfo("me/lora", null);
            assertThatThrownBy(() -> new HubRepoFiles(client).read(info, null)).isInstanceOf(HubException.class)
                    .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(HubException.Kind.RATE_LIMITED));
        }
    }

    @Test
    void aPullRequestQuotesTheFilesLineFencedWhateverItHolds() {
        String hostile = "{\n  \"peft_type\": \"LORA\",\n  \"base_model_name_or_path\": \"acme/Base\", \"note\": \"```` <img src=x> @everyone \\u001b[31m\"\n}\n";
        ModelCard card = ModelCard.parse("me/lora", "# lora\n\nWeights.\n");
        RepoFiles files = new RepoFiles(SHA, List.of("adapter_config.json"), java.util.Map.of("adapter_config.json", hostile),
                java.util.Map.of());
        CardSuggestions found = Suggester.builder().fields(List.of("base_model", "library_name")).build().suggest(card, files);
        String description = PullRequestTexts.draft("me/lora", new CardPatcher().patch(card, found.suggestions()), card.text())
                .description();
        assertThat(description).contains("or the repository's own files (such as adapter_config.json) already states")
                .contains("`base_model` = `acme/Base`, from line 3 of the repository's `adapter_config.json`:\n\n`````json\n"
                        + "\"base_model_name_or_path\": \"acme/Base\", \"note\": \"```` <img src=x> @everyone \\u001b[31m\"\n`````\n")
                .contains("`library_name` = `peft`, from line 2 of the repository's `adapter_config.json`:")
                .contains("rule `repo-file:adapter_config.json`", "read the card's text and the repository's configuration files")
                .doesNotContain("\u001b");
    }
}
