package dev.cardminer.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.ModelCard;
import dev.cardminer.hub.HubClient;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import org.junit.jupiter.api.Test;

import dev.cardminer.hub.HubTimer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull-request flow against a Hub-shaped local server: exact NDJSON, dedup, rate limit, token kept. */
class HubPullRequestsTest {

    private static final String TOKEN = "hf_testSecretToken0123456789";
    private static final String SHA = "a".repeat(40);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String README = "---\nlicense: mit\n---\n# m\n\nThis model is a fine-tuned version of "
            + "[acme/base-1](https://huggingface.co/acme/base-1) on the tiny_reviews dataset.\n";

    private static PullRequestDraft draft(String repo) {
        ModelCard card = ModelCard.parse(repo, README);
        List<Suggestion> found = Suggester.builder().fields(List.of("base_model")).build().suggest(card).suggestions();
        return PullRequestTexts.draft(repo, new CardPatcher().patch(card, found), card.text());
    }

    private static HubClient client(FakeHub hub, HubTimer timer) {
        return HubClient.builder(HubOptions.fromEnvironment().withEndpoint(hub.endpoint()).withToken(TOKEN))
                .maxAttempts(1).timer(timer).build();
    }

    /** A clock that moves only when slept on, and calls {@code onSleep} then (a new rate-limit window). */
    private static final class SteppedTimer implements HubTimer {
        final List<Duration> sleeps = new ArrayList<>();
        final Runnable onSleep;
        long now;

        SteppedTimer(Runnable onSleep) {
            this.onSleep = onSleep;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now += d.toNanos();
            onSleep.run();
        }
    }

    @Test
    void stopsAtTheFirstUnreachableHubAndNeverSendsIdsThatAreNoRepo() throws Exception {
        java.net.URI closed;
        try (FakeHub gone = FakeHub.start()) {
            closed = gone.endpoint();
        }
        HubClient client = HubClient.builder(HubOptions.fromEnvironment().withEndpoint(closed).withToken(TOKEN)).maxAttempts(1).build();
        List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client))
                .open(List.of(draft("me/a"), draft("stdin"), draft("../../evil"), draft("me/b")), Map.of());

        assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.UNREACHABLE,
                PullRequestRun.Status.SKIPPED_NOT_A_REPO, PullRequestRun.Status.SKIPPED_NOT_A_REPO, PullRequestRun.Status.NOT_TRIED);
        assertThat(outcomes.get(0).detail()).contains("cannot reach the Hub").doesNotContain(TOKEN);
        assertThat(outcomes.get(3).detail()).contains("the Hub cannot be reached");
        PullRequestRun.Summary summary = PullRequestRun.Summary.of(outcomes);
        assertThat(summary).isEqualTo(new PullRequestRun.Summary(0, 2, 0, 2, true, false));
        assertThat(summary.toString()).isEqualTo("opened 0, skipped 2, failed 0, not tried 2");
    }

    @Test
    void aHubThatAnswers404FailsEachRepoAndGoesOnButNeverAsksForIdsThatAreNoRepo() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, HubTimer.SYSTEM)))
                    .open(List.of(draft("me/a"), draft("../../evil"), draft("stdin"), draft("me/b")), Map.of());

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.FAILED,
                    PullRequestRun.Status.SKIPPED_NOT_A_REPO, PullRequestRun.Status.SKIPPED_NOT_A_REPO, PullRequestRun.Status.FAILED);
            assertThat(hub.server().requests("/")).isNotEmpty().allSatisfy(r ->
                    assertThat(r.path()).doesNotContain("evil").doesNotContain("stdin").doesNotContain(".."));
            assertThat(hub.commits()).isEmpty();
            assertThat(PullRequestRun.Summary.of(outcomes)).isEqualTo(new PullRequestRun.Summary(0, 2, 2, 0, false, false));
        }
    }

    @Test
    void aDraftFolderNeverLeavesThePatchDir(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        for (String id : List.of("../../evil", "..", "a/../..", "..\\..\\evil", "/etc/passwd", "stdin")) {
            java.nio.file.Path folder = DryRunWriter.folder(dir, id);
            assertThat(folder.getParent()).as(id).isEqualTo(dir);
            assertThat(folder.normalize()).as(id).isEqualTo(folder).startsWithRaw(dir);
        }
        assertThat(DryRunWriter.folder(dir, "../../evil").getFileName().toString()).isEqualTo("..__..__evil");
        java.nio.file.Path written = new DryRunWriter(dir).write(draft("../../evil"));
        assertThat(written.getParent()).isEqualTo(dir);
        assertThat(java.nio.file.Files.exists(written.resolve("pr-title.txt"))).isTrue();
    }

    @Test
    void parentCommitIsReadFromTheHubWhenTheSourceDoesNotKnowIt() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.model("me/m").sha(SHA).file("README.md", README);
            hub.model("me/changed").sha("c".repeat(40)).file("README.md", README + "A line added on the Hub since.\n");
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, HubTimer.SYSTEM)))
                    .open(List.of(draft("me/m"), draft("me/changed")), Map.of());

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status)
                    .containsExactly(PullRequestRun.Status.OPENED, PullRequestRun.Status.FAILED);
            assertThat(outcomes.get(1).detail()).contains("is not the card the suggestions were made from");
            // me/m: discussions, the model info (its sha), README.md at that sha, then the commit on top of that sha.
            assertThat(hub.server().requests("/").stream().filter(r -> r.path().contains("/me/m"))
                    .map(r -> r.method() + " " + r.path()).toList()).containsExactly(
                    "GET /api/models/me/m/discussions", "GET /api/models/me/m", "GET /me/m/resolve/" + SHA + "/README.md",
                    "POST /api/models/me/m/commit/main");
            assertThat(hub.commits()).singleElement().satisfies(c -> {
                assertThat(c.repo()).isEqualTo("me/m");
                assertThat(JSON.readTree(c.headerJson()).path("value").path("parentCommit").asText()).isEqualTo(SHA);
            });
            assertThat(hub.server().requests("/api/models/me/changed/commit")).isEmpty();
        }
    }

    /** Three repos at {@link #SHA}, and the run of one draft for each. */
    private List<PullRequestRun.Outcome> openThree(FakeHub hub, SteppedTimer timer) {
        for (String repo : List.of("me/m", "me/n", "me/o")) {
            hub.model(repo).sha(SHA);
        }
        return new PullRequestRun(new HubPullRequests(client(hub, timer)))
                .open(List.of(draft("me/m"), draft("me/n"), draft("me/o")), Map.of("me/m", SHA, "me/n", SHA, "me/o", SHA));
    }

    @Test
    void stopsBeforeTheHubRefusesWhenTheRateLimitHeaderLeavesTooFewRequests() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.rateLimit(6, 3600);
            SteppedTimer timer = new SteppedTimer(() -> { });
            List<PullRequestRun.Outcome> outcomes = openThree(hub, timer);

            // Each pull request took 2 API requests (discussions, commit); after two, RateLimit said r=2;t=3600: fewer
            // than a pull request may need, and the reset is beyond the client's longest wait, so the run stopped there.
            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.OPENED,
                    PullRequestRun.Status.OPENED, PullRequestRun.Status.RATE_LIMITED);
            assertThat(outcomes.get(2).detail()).contains("RateLimit header leaves 2 requests for 3600 s");
            assertThat(hub.server().requests("/api/")).extracting(r -> r.method() + " " + r.path()).containsExactly(
                    "GET /api/models/me/m/discussions", "POST /api/models/me/m/commit/main",
                    "GET /api/models/me/n/discussions", "POST /api/models/me/n/commit/main");
            assertThat(hub.commits()).extracting(FakeHub.Commit::repo).containsExactly("me/m", "me/n");
            assertThat(timer.sleeps).isEmpty();
        }
    }

    @Test
    void stopsWhenTheHubSaysHowManyRequestsAreLeftButNotWhenTheyComeBack() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.rateLimitWithoutReset(5);
            SteppedTimer timer = new SteppedTimer(() -> { });
            List<PullRequestRun.Outcome> outcomes = openThree(hub, timer);

            // After the first pull request RateLimit said r=3 and no t=: fewer than the 4 requests a pull request may
            // take, and no reset to wait for. Going on, the third pull request's commit would have been refused (the
            // quota is 5); the run stopped at the second, before asking, without sleeping.
            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.OPENED,
                    PullRequestRun.Status.RATE_LIMITED, PullRequestRun.Status.NOT_TRIED);
            assertThat(outcomes.get(1).detail()).contains("leave 3 requests and give no time at which the window resets");
            assertThat(hub.server().requests("/api/")).hasSize(2);
            assertThat(hub.commits()).extracting(FakeHub.Commit::repo).containsExactly("me/m");
            assertThat(timer.sleeps).isEmpty();
        }
    }

    private static String discussion(int num, String title, boolean pullRequest) {
        return "\"num\":" + num + ",\"title\":" + FakeHub.quote(title) + ",\"status\":\"open\",\"isPullRequest\":"
                + pullRequest + ",\"author\":{\"name\":\"ann\"}";
    }

    /** TESTER-SUGGEST F19: a popular repo's plain discussions no longer cost a request per page. */
    @Test
    void theDuplicateCheckReadsOnlyPullRequestsWithTheHubsFilter() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            FakeHub.Repo repo = hub.model("me/popular").sha(SHA);
            for (int n = 9; n >= 2; n--) {
                repo.discussion(discussion(n, "Question " + n, false));
            }
            repo.discussion(discussion(1, "[cardminer] Add base_model to the model card metadata", true));
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, HubTimer.SYSTEM)))
                    .open(List.of(draft("me/popular")), Map.of("me/popular", SHA));

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.SKIPPED_EXISTING);
            // one page of pull requests, not five pages of discussions (9 at 2 a page)
            assertThat(hub.server().requests("/api/")).extracting(r -> r.path() + "?" + r.query())
                    .containsExactly("/api/models/me/popular/discussions?type=pull_request&p=0");
            assertThat(hub.commits()).isEmpty();
        }
    }

    /**
     * TESTER-SUGGEST F19: a listing of several pages is paid for page by page. With 3 requests left and 6 pull requests
     * by others (3 pages), reserving once for the whole repo would have read the pages and met the 429 at the commit.
     */
    @Test
    void theBudgetIsCheckedBeforeEveryPageOfTheListingSoTheRunStopsBeforeA429() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.rateLimit(3, 3600);
            FakeHub.Repo repo = hub.model("me/busy").sha(SHA);
            for (int n = 6; n >= 1; n--) {
                repo.discussion(discussion(n, "Fix typo " + n, true));
            }
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, new SteppedTimer(() -> { }))))
                    .open(List.of(draft("me/busy")), Map.of("me/busy", SHA));

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.RATE_LIMITED);
            assertThat(outcomes.get(0).detail()).contains("RateLimit header leaves 2 requests for 3600 s; stopped before being refused");
            assertThat(hub.server().requests("/api/")).extracting(r -> r.query()).containsExactly("type=pull_request&p=0");
            assertThat(hub.commits()).isEmpty();
        }
    }

    @Test
    void waitsForTheWindowWhenItResetsSoon() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.rateLimit(3, 20);
            hub.model("me/m").sha(SHA);
            hub.model("me/n").sha(SHA);
            SteppedTimer timer = new SteppedTimer(hub::resetRateLimit);
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, timer)))
                    .open(List.of(draft("me/m"), draft("me/n")), Map.of("me/m", SHA, "me/n", SHA));

            // me/m left 1 request (r=1;t=20): fewer than a pull request needs, so the run waited the 20 s, then went on.
            assertThat(outcomes).extracting(PullRequestRun.Outcome::status)
                    .containsExactly(PullRequestRun.Status.OPENED, PullRequestRun.Status.OPENED);
            assertThat(timer.sleeps).containsExactly(Duration.ofSeconds(20));
            assertThat(hub.commits()).extracting(FakeHub.Commit::repo).containsExactly("me/m", "me/n");
            assertThat(hub.server().requests("/").stream().filter(r -> r.path().startsWith("/api/")).count()).isEqualTo(4);
        }
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

    /**
     * A discussions answer of an unexpected shape fails that repo closed (no commit: it could be a duplicate) and the
     * run goes on with the others; a commit answer without a pull request address is no opened pull request.
     */
    @Test
    void anUnreadableDiscussionsAnswerFailsClosedAndAnAnswerWithoutAnAddressIsNoPullRequest() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            for (String repo : List.of("me/renamed", "me/m", "me/hook")) {
                hub.model(repo).sha(SHA);
            }
            hub.server().once(r -> r.path().equals("/api/models/me/renamed/discussions"), LocalHttpServer.Response.json(
                    "{\"discussions\":[{\"num\":1,\"title\":\"[cardminer] Add base_model\",\"status\":\"open\",\"isPR\":true}],"
                            + "\"count\":1,\"start\":0}"));
            hub.server().once(r -> r.method().equals("POST") && r.path().contains("/me/hook/"),
                    LocalHttpServer.Response.json("{\"success\":false,\"error\":\"hook rejected\"}"));
            List<PullRequestRun.Outcome> told = new ArrayList<>();
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, HubTimer.SYSTEM)))
                    .open(List.of(draft("me/renamed"), draft("me/m"), draft("me/hook")),
                            Map.of("me/renamed", SHA, "me/m", SHA, "me/hook", SHA), java.util.Set.of(), told::add);

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status).containsExactly(PullRequestRun.Status.FAILED,
                    PullRequestRun.Status.OPENED, PullRequestRun.Status.FAILED);
            assertThat(outcomes.get(0).detail()).contains("discussions of me/renamed (page 0) has an unexpected shape",
                    "no pull request opened, since one could not be checked for");
            assertThat(outcomes.get(2).detail()).contains("has no pull request address (hook rejected)");
            assertThat(told).isEqualTo(outcomes);
            assertThat(hub.server().requests("/api/models/me/renamed/commit")).isEmpty();
            assertThat(PullRequestRun.Summary.of(outcomes).toString()).isEqualTo("opened 1, skipped 0, failed 2, not tried 0");
        }
    }

    /** The Hub refusing the token (401) stops the run at once: every other request would carry the same token. */
    @Test
    void aRefusedTokenStopsTheRunAtTheFirstRepo() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.model("me/m").sha(SHA);
            hub.model("me/n").sha(SHA);
            hub.server().once(r -> true, LocalHttpServer.Response.text(401, "")
                    .withHeader("X-Error-Message", "Invalid credentials in Authorization header"));
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, HubTimer.SYSTEM)))
                    .open(List.of(draft("me/m"), draft("me/n")), Map.of());

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status)
                    .containsExactly(PullRequestRun.Status.TOKEN_REFUSED, PullRequestRun.Status.NOT_TRIED);
            assertThat(outcomes.get(0).detail()).isEqualTo("the Hub refused HF_TOKEN (HTTP 401: Invalid credentials in "
                    + "Authorization header): check or renew the token");
            assertThat(hub.server().requests("/")).hasSize(1);
            PullRequestRun.Summary summary = PullRequestRun.Summary.of(outcomes);
            assertThat(summary).isEqualTo(new PullRequestRun.Summary(0, 0, 0, 2, false, true));
        }
    }

    /** hub:org/name@REV: the Hub makes a pull request from its parent commit, so REV must be main's head now. */
    @Test
    void aCardReadAtAnOlderRevisionGetsNoPullRequestOnMain() throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.model("me/old").sha(SHA).file("README.md", README);
            hub.model("me/head").sha(SHA).file("README.md", README);
            String older = "b".repeat(40);
            List<PullRequestRun.Outcome> outcomes = new PullRequestRun(new HubPullRequests(client(hub, HubTimer.SYSTEM)))
                    .open(List.of(draft("me/old"), draft("me/head")), Map.of("me/old", older, "me/head", SHA),
                            java.util.Set.of("me/old", "me/head"), o -> { });

            assertThat(outcomes).extracting(PullRequestRun.Outcome::status)
                    .containsExactly(PullRequestRun.Status.FAILED, PullRequestRun.Status.OPENED);
            assertThat(outcomes.get(0).detail()).isEqualTo("the card was read at revision " + older + ", not at main's head ("
                    + SHA + "): a pull request on main is made from main's head; suggest hub:me/old without @revision");
            assertThat(hub.commits()).singleElement().satisfies(c -> assertThat(c.repo()).isEqualTo("me/head"));
        }
    }
}
