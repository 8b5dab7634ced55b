package dev.cardminer.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.ModelCard;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull-request flow against a Hub-shaped local server: exact NDJSON, dedup, rate limit, token kept. */
class HubPullRequestsTest {

    private static final String TOKEN = "hf_testSecretToken0123456789";
    private static final String SHA = "a".repeat(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PullRequestDraft draft(String repo) {
        ModelCard card = ModelCard.parse(repo, "---\nlicense: mit\n---\n# m\n\nThis model is a fine-tuned version of "
                + "[acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n");
        List<Suggestion> found = Suggester.builder().fields(List.of("base_model")).build().suggest(card).suggestions();
        return PullRequestTexts.draft(repo, new CardPatcher().patch(card, found));
    }

    @Test
    void opensDedupsStopsAtRateLimitAndKeepsTheToken() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.model("me/m").sha(SHA);
            hub.model("a/declined").sha(SHA).discussion("\"num\":1,\"title\":\"[cardminer] Add license to the model card metadata\","
                    + "\"status\":\"closed\",\"isPullRequest\":true,\"author\":{\"name\":\"cardminer\"}");
            hub.model("a/limited").sha(SHA);
            hub.model("a/later").sha(SHA);
            hub.server().once(r -> r.method().equals("POST") && r.path().contains("/a/limited/"),
                    LocalHttpServer.Response.text(429, "slow down").withHeader("Retry-After", "3600"));
            HubClient client = HubClient.builder(HubOptions.fromEnvironment().withEndpoint(hub.endpoint()).withToken(TOKEN))
                    .maxAttempts(1).build();
            List<PullRequestDraft> drafts = List.of(draft("me/m"), draft("a/declined"), draft("a/limited"), draft("a/later"));

            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client))
                    .open(drafts, Map.of("me/m", SHA, "a/limited", SHA));

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.OPENED,
                    PullRequestRun.Status.SKIPPED_EXISTING, PullRequestRun.Status.RATE_LIMITED, PullRequestRun.Status.NOT_TRIED);
            assertThat(outcomes.get(0).detail()).isEqualTo(hub.endpoint() + "/me/m/discussions/1");
            assertThat(outcomes).allSatisfy(o -> assertThat(String.valueOf(o.detail())).doesNotContain(TOKEN));

            // Exactly one commit reached the Hub: me/m's, as a pull request against main.
            assertThat(hub.commits()).singleElement().satisfies(c -> {
                assertThat(c.repo()).isEqualTo("me/m");
                assertThat(c.revision()).isEqualTo("main");
                assertThat(c.createPr()).isTrue();
                assertThat(c.files()).containsOnlyKeys("README.md");
                assertThat(new String(c.files().get("README.md"), StandardCharsets.UTF_8)).isEqualTo(drafts.get(0).patchedReadme());
            });
            List<LocalHttpServer.Request> posts = hub.server().requests("/api/models/me/m/commit/main");
            assertThat(posts).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.query()).isEqualTo("create_pr=1");
                assertThat(r.header("content-type")).isEqualTo("application/x-ndjson");
                assertThat(r.header("authorization")).isEqualTo("Bearer " + TOKEN);
                String[] lines = r.bodyText().split("\n");
                assertThat(lines).hasSize(2);
                JsonNode header = JSON.readTree(lines[0]);
                assertThat(header.path("key").asText()).isEqualTo("header");
                assertThat(header.path("value").path("summary").asText()).isEqualTo(drafts.get(0).title());
                assertThat(header.path("value").path("description").asText()).isEqualTo(drafts.get(0).description());
                assertThat(header.path("value").path("parentCommit").asText()).isEqualTo(SHA);
                assertThat(header.path("value").size()).isEqualTo(3);
                JsonNode file = JSON.readTree(lines[1]);
                assertThat(file.path("key").asText()).isEqualTo("file");
                assertThat(file.path("value").path("path").asText()).isEqualTo("README.md");
                assertThat(file.path("value").path("encoding").asText()).isEqualTo("base64");
                assertThat(new String(Base64.getDecoder().decode(file.path("value").path("content").asText()), StandardCharsets.UTF_8))
                        .isEqualTo(drafts.get(0).patchedReadme());
            });
            // The declined repo was read, never written; nothing at all was sent for the repo after the rate limit.
            assertThat(hub.server().requests("/api/models/a/declined/discussions")).hasSize(1);
            assertThat(hub.server().requests("/api/models/a/declined/commit")).isEmpty();
            assertThat(hub.server().requests("/api/models/a/limited/commit")).hasSize(1);
            assertThat(hub.server().requests("/api/models/a/later")).isEmpty();
        }
    }
}
