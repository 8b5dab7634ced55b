package dev.cardminer.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import dev.cardminer.testkit.LocalHttpServer.Request;
import dev.cardminer.testkit.LocalHttpServer.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubClientTest {

    private static final String TOKEN = "hf_secretTOKEN123456";

    @TempDir
    Path dir;

    private FakeHub hub;
    /** Sleeps the client asked for; the clock advances by them instead of the test waiting. */
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private long now;

    private final HubTimer timer = new HubTimer() {
        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(Duration d) {
            sleeps.add(d);
            now += d.toNanos();
        }
    };

    @BeforeEach
    void start() {
        hub = FakeHub.start();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubClient client(String token) {
        return HubClient.builder(new HubOptions(hub.endpoint(), HubOptions.DEFAULT_DATASET, dir, token))
                .timer(timer).build();
    }

    @Test
    void listsModelsOverSeveralPagesUntilTheLimit() throws Exception {
        for (int i = 0; i < 7; i++) {
            hub.model("org/m" + i).info("\"downloads\":" + (100 - i) + ",\"tags\":[\"text-generation\"]");
        }
        hub.model("other/x").info("\"tags\":[\"text-generation\"]");

        List<RepoInfo> all = client(null).listModels(ModelQuery.builder().author("org").build());
        assertThat(all).extracting(RepoInfo::id).containsExactly("org/m0", "org/m1", "org/m2", "org/m3", "org/m4",
                "org/m5", "org/m6");
        assertThat(all.get(0).downloads()).isEqualTo(100);

        hub.server().requests().size();
        int before = hub.server().requests("/api/models").size();
        List<RepoInfo> three = client(null).listModels(ModelQuery.builder().filter("text-generation").limit(3)
                .sort("downloads").expand("safetensors").build());
        assertThat(three).hasSize(3);
        List<Request> pages = hub.server().requests("/api/models").subList(before, hub.server().requests("/api/models").size());
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).query()).contains("filter=text-generation", "sort=downloads", "direction=-1", "limit=3",
                "expand%5B%5D=safetensors");
    }

    @Test
    void paginatesWithTheLinkHeader() throws Exception {
        for (int i = 0; i < 5; i++) {
            hub.model("org/m" + i);
        }
        hub.server().once(r -> true, Response.json("[{\"id\":\"org/a\"},{\"id\":\"org/b\"}]")
                .withHeader("Link", "<" + hub.endpoint() + "/api/models?cursor=3&limit=2>; rel=\"next\""));

        List<RepoInfo> models = client(null).listModels(ModelQuery.builder().build());

        assertThat(models).extracting(RepoInfo::id).containsExactly("org/a", "org/b", "org/m3", "org/m4");
        assertThat(hub.server().requests("/api/models")).hasSize(2);
    }

    @Test
    void modelInfoAtARevision() throws Exception {
        hub.model("org/llm").sha("a".repeat(40)).file("config.json", "{}").file("README.md", "# x")
                .info("\"pipeline_tag\":\"text-generation\",\"library_name\":\"transformers\",\"gated\":false,"
                        + "\"cardData\":{\"license\":\"apache-2.0\"},\"safetensors\":{\"parameters\":{\"BF16\":10},\"total\":10}");

        RepoInfo info = client(null).modelInfo("org/llm", "a".repeat(40));

        assertThat(info.sha()).isEqualTo("a".repeat(40));
        assertThat(info.author()).isEqualTo("org");
        assertThat(info.siblings()).containsExactly("README.md", "config.json");
        assertThat(info.license()).isEqualTo("apache-2.0");
        assertThat(info.gated()).isEqualTo("false");
        assertThat(info.safetensors().path("total").asLong()).isEqualTo(10);
        assertThat(hub.server().requests().get(0).path()).isEqualTo("/api/models/org/llm/revision/" + "a".repeat(40));

        assertThatThrownBy(() -> client(null).modelInfo("org/llm", "nope"))
                .isInstanceOf(HubException.class).hasMessage("model org/llm has no revision nope");
    }

    @Test
    void readsFilesAndRangesAtARevisionThroughARedirectWithoutForwardingTheToken() throws Exception {
        byte[] weights = new byte[5000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) i;
        }
        hub.model("org/llm").file("config.json", "{\"a\":1}").file("model.safetensors", weights);
        HubClient client = client(TOKEN);

        assertThat(new String(client.readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100),
                StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        byte[] range = client.readRange(RepoType.MODEL, "org/llm", "main", "model.safetensors", 100, 8);

        assertThat(range).containsExactly(100, 101, 102, 103, 104, 105, 106, 107);
        assertThat(hub.cdnRequests()).hasSize(1);
        assertThat(hub.cdnRequests().get(0).header("range")).isEqualTo("bytes=100-107");
        assertThat(hub.cdnRequests().get(0).header("authorization")).isNull();
        assertThat(hub.server().requests("/org/llm/resolve/")).extracting(r -> r.header("authorization"))
                .containsOnly("Bearer " + TOKEN);
        assertThatThrownBy(() -> client.readFile(RepoType.MODEL, "org/llm", "main", "config.json", 3))
                .hasMessageContaining("larger than 3 bytes");
    }

    @Test
    void aMissingFileIsOneLineAndEmptyWhenAsked() throws Exception {
        hub.model("org/llm").file("README.md", "# x");
        HubClient client = client(null);

        assertThatThrownBy(() -> client.readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100))
                .isInstanceOf(HubException.class).hasMessage("model org/llm has no config.json at revision main")
                .extracting(e -> ((HubException) e).kind()).isEqualTo(HubException.Kind.MISSING_FILE);
        assertThat(client.readFileIfPresent(RepoType.MODEL, "org/llm", "main", "config.json", 100)).isEmpty();
        assertThatThrownBy(() -> client.readFile(RepoType.MODEL, "nobody/none", "main", "config.json", 100))
                .hasMessageStartingWith("no model nobody/none at " + hub.endpoint())
                .extracting(e -> ((HubException) e).kind()).isEqualTo(HubException.Kind.NOT_FOUND);
    }

    @Test
    void aGatedRepoSaysToAcceptItsConditions() {
        hub.model("meta/llama").gated().file("config.json", "{}");

        assertThatThrownBy(() -> client(null).readFile(RepoType.MODEL, "meta/llama", "main", "config.json", 100))
                .isInstanceOf(HubException.class)
                .hasMessage("model meta/llama is gated: accept its conditions at " + hub.endpoint() + "/meta/llama and set HF_TOKEN");
        assertThatThrownBy(() -> client(TOKEN).modelInfo("meta/llama", null))
                .hasMessageContaining("is gated").hasMessageContaining("with the account of HF_TOKEN")
                .hasMessageNotContaining(TOKEN)
                .extracting(e -> ((HubException) e).kind()).isEqualTo(HubException.Kind.NO_ACCESS);
    }

    @Test
    void a429IsRetriedAfterTheWaitRetryAfterAsks() throws Exception {
        hub.model("org/llm").file("config.json", "{}");
        hub.server().once(r -> r.path().contains("/resolve/"), Response.text(429, "slow down").withHeader("Retry-After", "7"));

        byte[] config = client(null).readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100);

        assertThat(config).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(hub.server().requests("/org/llm/resolve/")).hasSize(2);
    }

    @Test
    void theRateLimitHeadersSetTheWaitWhenThereIsNoRetryAfter() throws Exception {
        hub.model("org/llm").file("config.json", "{}");
        hub.server().once(r -> true, Response.text(429, "slow").withHeader("RateLimit", "\"api\";r=0;t=42"));
        hub.server().once(r -> true, Response.text(429, "slow").withHeader("RateLimit-Reset", "3"));

        client(null).modelInfo("org/llm", null);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(42), Duration.ofSeconds(3));
    }

    @Test
    void aSuccessfulAnswerWithNoBudgetLeftPausesTheNextRequest() throws Exception {
        hub.model("org/llm").file("config.json", "{}");
        hub.server().once(r -> true, Response.json("{\"id\":\"org/llm\"}").withHeader("RateLimit", "\"api\";r=0;t=9"));
        HubClient client = client(null);

        client.modelInfo("org/llm", null);
        assertThat(sleeps).isEmpty();
        client.modelInfo("org/llm", null);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(9));
    }

    @Test
    void successfulAnswersReportTheirBudgetAndReserveWaitsOrDeclines() throws Exception {
        hub.model("org/llm").file("config.json", "{}");
        HubClient client = client(null);
        assertThat(client.rateLimit()).isEmpty();
        assertThat(client.reserve(100)).isTrue();

        hub.server().once(r -> true, Response.json("{\"id\":\"org/llm\"}").withHeader("RateLimit", "\"api\";r=3;t=50")
                .withHeader("RateLimit-Policy", "\"fixed window\";\"api\";q=500;w=300"));
        client.modelInfo("org/llm", null);
        hub.server().once(r -> true, Response.bytes("{}".getBytes(StandardCharsets.UTF_8)).withHeader("RateLimit", "\"resolvers\";r=2999;t=50"));
        client.readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100);
        // The smallest budget counts: the API's, not the resolvers'.
        assertThat(client.rateLimit()).contains(new RateLimitStatus(3, Duration.ofSeconds(50)));
        assertThat(client.reserve(3)).isTrue();
        assertThat(sleeps).isEmpty();
        assertThat(client.reserve(4)).isTrue();   // resets in 50 s, within the longest wait (120 s): waited
        assertThat(sleeps).containsExactly(Duration.ofSeconds(50));
        assertThat(client.rateLimit()).isEmpty();

        hub.server().once(r -> true, Response.json("{\"id\":\"org/llm\"}").withHeader("X-RateLimit-Remaining", "1")
                .withHeader("X-RateLimit-Reset", "600"));
        client.modelInfo("org/llm", null);
        assertThat(client.rateLimit()).contains(new RateLimitStatus(1, Duration.ofSeconds(600)));
        assertThat(client.reserve(2)).isFalse();   // 10 minutes away: declined at once, no wait
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aBudgetWithoutAReadableResetIsDeclinedWithoutWaiting() throws Exception {
        HubClient client = client(null);
        hub.server().once(r -> true, Response.json("{\"id\":\"org/llm\"}").withHeader("RateLimit-Remaining", "1")
                .withHeader("RateLimit-Reset", "soon"));
        client.modelInfo("org/llm", null);

        assertThat(client.rateLimit()).contains(new RateLimitStatus(1, java.util.Optional.empty()));
        assertThat(client.reserve(1)).isTrue();
        assertThat(client.reserve(2)).isFalse();   // no reset to wait for: declined at once, and the budget is kept
        assertThat(client.rateLimit()).contains(new RateLimitStatus(1, java.util.Optional.empty()));
        hub.server().once(r -> true, Response.json("{\"id\":\"org/llm\"}").withHeader("RateLimit", "\"api\";r=0"));
        client.modelInfo("org/llm", null);
        assertThat(client.reserve(1)).isFalse();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReportedInOneLine() throws Exception {
        hub.model("org/llm").file("config.json", "{}");
        hub.server().once(r -> true, Response.text(500, "oops"));
        hub.server().once(r -> true, Response.text(503, "oops"));

        assertThat(client(null).modelInfo("org/llm", null).id()).isEqualTo("org/llm");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        for (int i = 0; i < 5; i++) {
            hub.server().once(r -> true, Response.text(502, "down"));
        }
        assertThatThrownBy(() -> client(null).modelInfo("org/llm", null))
                .isInstanceOf(HubException.class)
                .hasMessage("the Hub answered HTTP 502 to the info of model org/llm 5 times; try again later");
    }

    @Test
    void aRateLimitLongerThanTheClientWaitsIsOneLine() {
        hub.model("org/llm");
        hub.server().once(r -> true, Response.text(429, "slow").withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> client(null).modelInfo("org/llm", null))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("rate-limiting").hasMessageContaining("asks to wait 3600 s")
                .extracting(e -> ((HubException) e).kind()).isEqualTo(HubException.Kind.RATE_LIMITED);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void redirectsToFileUrlsOrBadLocationsAreClearErrors() {
        hub.model("org/llm").file("config.json", "{}");
        hub.server().once(r -> true, Response.of(302).withHeader("Location", "file:///etc/passwd"));
        assertThatThrownBy(() -> client(TOKEN).readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("refusing to follow config.json of org/llm to file:///etc/passwd")
                .hasMessageContaining("only http and https");

        hub.server().once(r -> true, Response.of(302).withHeader("Location", "http://exa mple.com/x y|{}"));
        assertThatThrownBy(() -> client(TOKEN).readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100))
                .isInstanceOf(HubException.class).hasMessageContaining("redirected config.json of org/llm to an invalid address");
    }

    @Test
    void offlineIsOneLineWithoutCredentials() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HubClient offline = HubClient.builder(new HubOptions(URI.create("http://me:" + TOKEN + "@127.0.0.1:" + closed),
                HubOptions.DEFAULT_DATASET, dir, TOKEN)).timer(timer).build();

        assertThatThrownBy(() -> offline.modelInfo("org/llm", null))
                .isInstanceOf(HubException.class)
                .hasMessageStartingWith("cannot reach the Hub at http://***@127.0.0.1:" + closed)
                .hasMessageNotContaining(TOKEN)
                .extracting(e -> ((HubException) e).kind()).isEqualTo(HubException.Kind.UNREACHABLE);
    }

    @Test
    void aRepoIdThatIsNoRepoIdIsRefusedBeforeAnyRequest() {
        for (String bad : List.of("../etc", "org/name/extra", "org/..", "", "a b/c")) {
            assertThatThrownBy(() -> client(null).modelInfo(bad, null)).isInstanceOf(HubException.class)
                    .hasMessageContaining("not a model id");
        }
        assertThat(hub.server().requests()).isEmpty();
    }

    @Test
    void listsDiscussionsOverPagesAndOpensAPullRequestWithTheCommitApi() throws Exception {
        hub.model("org/llm").sha("b".repeat(40)).file("README.md", "# old")
                .discussion("\"num\":3,\"title\":\"Typo\",\"status\":\"open\",\"isPullRequest\":true,\"author\":{\"name\":\"ann\"}")
                .discussion("\"num\":2,\"title\":\"Q\",\"status\":\"closed\",\"isPullRequest\":false")
                .discussion("\"num\":1,\"title\":\"First\",\"status\":\"merged\",\"isPullRequest\":true");
        HubClient client = client(TOKEN);

        List<Discussion> discussions = client.discussions(RepoType.MODEL, "org/llm");
        assertThat(discussions).extracting(Discussion::num).containsExactly(3, 2, 1);
        assertThat(discussions.get(0).author()).isEqualTo("ann");
        assertThat(discussions.get(0).pullRequest()).isTrue();

        CommitResult result = client.createPullRequest(RepoType.MODEL, "org/llm", null, "b".repeat(40),
                "Add license", "Adds the \"license\" key.", List.of(new CommitFile("README.md", "# new ✓".getBytes(StandardCharsets.UTF_8))));

        assertThat(result.pullRequestUrl()).isEqualTo(hub.endpoint() + "/org/llm/discussions/4");
        assertThat(result.commitOid()).hasSize(40);
        FakeHub.Commit commit = hub.commits().get(0);
        assertThat(commit.createPr()).isTrue();
        assertThat(commit.revision()).isEqualTo("main");
        assertThat(commit.headerJson()).contains("\"summary\":\"Add license\"", "\"parentCommit\":\"" + "b".repeat(40) + "\"");
        assertThat(new String(commit.files().get("README.md"), StandardCharsets.UTF_8)).isEqualTo("# new ✓");
        Request post = hub.server().requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.query()).isEqualTo("create_pr=1");
        assertThat(post.header("authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(client.discussions(RepoType.MODEL, "org/llm")).extracting(Discussion::title).first().isEqualTo("Add license");
    }

    /** As huggingface_hub's {@code get_repo_discussions(discussion_type="pull_request")}: {@code ?type=pull_request&p=N}. */
    @Test
    void listsOnlyPullRequestsWithTheHubsTypeFilterSoPlainDiscussionsCostNoPages() throws Exception {
        hub.model("org/llm").sha("b".repeat(40));
        for (int n = 6; n >= 3; n--) {
            hub.model("org/llm").discussion("\"num\":" + n + ",\"title\":\"Q" + n + "\",\"status\":\"open\",\"isPullRequest\":false");
        }
        hub.model("org/llm")
                .discussion("\"num\":2,\"title\":\"Typo\",\"status\":\"open\",\"isPullRequest\":true")
                .discussion("\"num\":1,\"title\":\"First\",\"status\":\"closed\",\"isPullRequest\":true");
        HubClient client = client(TOKEN);
        List<Integer> pagesAsked = new ArrayList<>();

        assertThat(client.pullRequests(RepoType.MODEL, "org/llm", pagesAsked::add)).extracting(Discussion::num)
                .containsExactly(2, 1);
        assertThat(pagesAsked).containsExactly(0);
        assertThat(hub.server().requests("/api/models/org/llm/discussions")).extracting(Request::query)
                .containsExactly("type=pull_request&p=0");

        // the plain listing stays whole, unfiltered: 6 discussions over 3 pages of 2
        assertThat(client.discussions(RepoType.MODEL, "org/llm")).hasSize(6);
        assertThat(hub.server().requests("/api/models/org/llm/discussions")).extracting(Request::query)
                .containsExactly("type=pull_request&p=0", "p=0", "p=1", "p=2");
    }

    @Test
    void aCallerCanStopAPullRequestListingBeforeAnyPageIsAskedFor() {
        hub.model("org/llm").discussion("\"num\":1,\"title\":\"T\",\"status\":\"open\",\"isPullRequest\":true");
        assertThatThrownBy(() -> client(TOKEN).pullRequests(RepoType.MODEL, "org/llm", page -> {
            throw new java.io.IOException("no budget for page " + page);
        })).hasMessage("no budget for page 0");
        assertThat(hub.server().requests("/api/")).isEmpty();
    }

    @Test
    void aCommitRedirectedToAnotherHostIsNotSentThereNorReadAsOpened() throws Exception {
        hub.model("org/llm").sha("b".repeat(40)).file("README.md", "# old");
        HubClient client = client(TOKEN);
        List<CommitFile> files = List.of(new CommitFile("README.md", "# new".getBytes(StandardCharsets.UTF_8)));
        try (LocalHttpServer elsewhere = LocalHttpServer.start()) {
            elsewhere.onRegex("POST", ".*", (r, groups) -> Response.json("{\"success\": true, \"pullRequestUrl\": \"http://x/1\"}"));
            hub.server().once(r -> r.method().equals("POST"), Response.of(307).withHeader("Location",
                    elsewhere.uri() + "/api/models/org/llm/commit/main?create_pr=1"));
            assertThatThrownBy(() -> client.createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files))
                    .isInstanceOf(HubException.class)
                    .hasMessageContaining("redirected a pull request on org/llm")
                    .hasMessageContaining("to another host").hasMessageContaining("it was not sent there");
            assertThat(elsewhere.requests()).isEmpty();
        }
        assertThat(hub.commits()).isEmpty();

        // on the Hub's own origin a 307 keeps the method and body, and the commit goes through
        hub.server().once(r -> r.method().equals("POST"), Response.of(307).withHeader("Location",
                hub.endpoint() + "/api/models/org/llm/commit/main?create_pr=1"));
        CommitResult result = client.createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files);
        assertThat(result.pullRequestUrl()).isNotNull();
        assertThat(hub.commits()).hasSize(1);
    }

    @Test
    void aStaleParentCommitAndAPostAnswering500AreNotRetriedBlindly() {
        hub.model("org/llm").sha("b".repeat(40)).file("README.md", "# old");
        HubClient client = client(TOKEN);
        List<CommitFile> files = List.of(new CommitFile("README.md", new byte[] {'x'}));

        assertThatThrownBy(() -> client.createPullRequest(RepoType.MODEL, "org/llm", null, "c".repeat(40), "t", "", files))
                .isInstanceOf(HubException.class).hasMessageContaining("changed since commit " + "c".repeat(40));

        hub.server().once(r -> r.method().equals("POST"), Response.text(500, "oops"));
        assertThatThrownBy(() -> client.createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files))
                .isInstanceOf(HubException.class).hasMessage("the Hub answered HTTP 500 for model org/llm: oops");
        assertThat(hub.server().requests().stream().filter(r -> r.method().equals("POST"))).hasSize(2);
        assertThat(hub.commits()).isEmpty();
        hub.server().once(r -> r.path().contains("/discussions"), Response.text(500, "oops"));
        HubClient once = HubClient.builder(new HubOptions(hub.endpoint(), HubOptions.DEFAULT_DATASET, dir, TOKEN))
                .maxAttempts(1).timer(timer).build();
        assertThatThrownBy(() -> once.discussions(RepoType.MODEL, "org/llm"))
                .hasMessage("the Hub answered HTTP 500 to the discussions of org/llm (one try); try again later");
    }

    @Test
    void listsAFolderOverPagesAndDownloadsResumably() throws Exception {
        byte[] big = new byte[3000];
        java.util.Arrays.fill(big, (byte) 7);
        hub.dataset("org/data").file("data/a.parquet", big).file("data/b.parquet", "small").file("README.md", "x");
        HubClient client = client(null);

        List<RepoFile> files = client.listFiles(RepoType.DATASET, "org/data", null, "data");

        assertThat(files).extracting(RepoFile::path).containsExactly("data/a.parquet", "data/b.parquet");
        assertThat(files.get(0).sha256()).isEqualTo(FakeHub.sha256(big));
        assertThat(hub.server().requests("/api/datasets/org/data/tree/")).hasSize(2);
        hub.server().once(r -> r.path().startsWith("/cdn/") && r.header("range") == null,
                LocalHttpServer.Response.bytes(big).droppedAfter(1000));
        long[] progress = new long[1];
        Path target = client.download(RepoType.DATASET, "org/data", null, files.get(0), dir.resolve("a.parquet"),
                n -> progress[0] += n);
        assertThat(java.nio.file.Files.readAllBytes(target)).isEqualTo(big);
        assertThat(progress[0]).isEqualTo(3000);
        assertThat(hub.cdnRequests()).extracting(r -> r.header("range")).containsExactly(null, "bytes=1000-");
    }

    @Test
    void redactionMasksCredentialsInAddressesAndText() {
        assertThat(Redaction.url(URI.create("https://user:pw@hub.example/x?token=abc&b=1")))
                .isEqualTo("https://***@hub.example/x?token=***&b=1");
        assertThat(Redaction.text("cannot reach http://u:hf_abcdefghij@host (x) with hf_ZYXWVUTSRQ"))
                .isEqualTo("cannot reach http://***@host (x) with hf_***");
        assertThat(new HubOptions(URI.create("http://a:b@h"), "d/s", dir, TOKEN).toString())
                .doesNotContain(TOKEN).doesNotContain("a:b@");
    }

    /** A token read from a file with Windows line ends ({@code $(cat token.txt)} keeps the CR) is sent without it. */
    @Test
    void aTokenWithALineEndIsSentCleaned() throws Exception {
        hub.model("org/llm").file("config.json", "{}");
        HubClient client = client(TOKEN + "\r\n");
        assertThat(client.readFile(RepoType.MODEL, "org/llm", "main", "config.json", 100)).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        assertThat(hub.server().requests("/org/llm/resolve/")).extracting(r -> r.header("authorization"))
                .containsOnly("Bearer " + TOKEN);
    }

    /** JSON of another shape than the API's ({@code [1,2,3]} for a model's info) is one line, as JSON cut short is. */
    @Test
    void anAnswerThatIsJsonOfTheWrongShapeIsOneLine() {
        hub.model("org/llm").file("config.json", "{}");
        hub.server().once(r -> r.path().equals("/api/models/org/llm"), Response.json("[1,2,3]"));
        assertThatThrownBy(() -> client(null).modelInfo("org/llm", null))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.SERVER_ERROR))
                .hasMessage("the Hub's answer for the info of org/llm is not a JSON object (it is an array)");
        hub.server().once(r -> r.path().equals("/api/models/org/llm"), Response.json("null"));
        assertThatThrownBy(() -> client(null).modelInfo("org/llm", null))
                .hasMessage("the Hub's answer for the info of org/llm is not a JSON object (it is null)");
        hub.server().once(r -> r.path().equals("/api/models/org/llm"), Response.json(""));
        assertThatThrownBy(() -> client(null).modelInfo("org/llm", null))
                .hasMessage("the Hub's answer for the info of org/llm is not a JSON object (it is empty)");
        hub.server().once(r -> r.path().contains("/discussions"), Response.json("\"x\""));
        assertThatThrownBy(() -> client(null).discussions(RepoType.MODEL, "org/llm"))
                .hasMessage("the Hub's answer for the discussions of org/llm is not a JSON object (it is a string)");
        hub.server().once(r -> r.path().contains("/tree/"), Response.json("{\"error\":\"no\"}"));
        assertThatThrownBy(() -> client(null).listFiles(RepoType.MODEL, "org/llm", "main", ""))
                .hasMessage("the Hub's answer for the file list of org/llm is not a JSON array (it is an object)");
        hub.server().once(r -> r.path().equals("/api/models"), Response.json("{}"));
        assertThatThrownBy(() -> client(null).listModels(ModelQuery.builder().author("org").build()))
                .hasMessage("the Hub's answer for the model search is not a JSON array (it is an object)");
    }

    /**
     * A discussions answer of another shape than the API's fails, as huggingface_hub's KeyError does: read as "no
     * discussions", it would let a caller open a duplicate pull request.
     */
    @Test
    void aDiscussionsAnswerOfAnotherShapeIsAnErrorNotAnEmptyList() throws Exception {
        hub.model("org/llm").discussion("\"num\":1,\"title\":\"[cardminer] Add license\",\"status\":\"open\",\"isPullRequest\":true");
        HubClient client = client(TOKEN);
        java.util.Map<String, String> shapes = new java.util.LinkedHashMap<>();
        shapes.put("{\"count\":3,\"start\":0}", "(page 0) has an unexpected shape: no \"discussions\" array");
        shapes.put("{\"discussions\":\"oops\",\"count\":1}", "no \"discussions\" array");
        shapes.put("{\"discussions\":[],\"start\":0}", "no number \"count\"");
        shapes.put("{\"discussions\":[{\"num\":1,\"title\":\"[cardminer] x\",\"status\":\"open\",\"isPR\":true}],\"count\":1}",
                "entry 1 has no string \"title\" and boolean \"isPullRequest\"");
        shapes.put("{\"discussions\":[{\"num\":1,\"name\":\"[cardminer] x\",\"isPullRequest\":true}],\"count\":1}",
                "entry 1 has no string \"title\"");
        shapes.put("{\"discussions\":[],\"count\":120,\"start\":0}", "an empty page after 0 of the 120 it counts");
        for (var shape : shapes.entrySet()) {
            hub.server().once(r -> r.path().contains("/discussions"), Response.json(shape.getKey()));
            assertThatThrownBy(() -> client.discussions(RepoType.MODEL, "org/llm")).as(shape.getKey())
                    .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.SERVER_ERROR))
                    .hasMessageStartingWith("the Hub's answer for the discussions of org/llm (page 0) has an unexpected shape: ")
                    .hasMessageContaining(shape.getValue());
        }
        assertThat(client.discussions(RepoType.MODEL, "org/llm")).extracting(Discussion::title)
                .containsExactly("[cardminer] Add license");
    }

    /**
     * A 401 with a token is the token refused; a 403 on the commit a token that may not write; discussions disabled
     * say so; each with the Hub's own reason (X-Error-Message or the JSON "error"), on one line, never the token.
     */
    @Test
    void refusalsSayWhichOneAndPassOnTheHubsReason() {
        hub.model("org/llm").sha("b".repeat(40)).file("README.md", "# old");
        HubClient client = client(TOKEN);
        List<CommitFile> files = List.of(new CommitFile("README.md", new byte[] {'x'}));

        hub.server().once(r -> r.path().equals("/api/models/org/llm"), Response.text(401, "")
                .withHeader("X-Error-Message", "Invalid credentials in Authorization header"));
        assertThatThrownBy(() -> client.modelInfo("org/llm", null))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.TOKEN_REFUSED))
                .hasMessage("the Hub refused HF_TOKEN (HTTP 401: Invalid credentials in Authorization header): check or renew the token");

        hub.server().once(r -> r.method().equals("POST"), json("{\"error\":\"You don't have the rights to create a "
                + "pull request under the namespace org. " + TOKEN + "\\u001b[2J\\nopened evil/x\"}", 403));
        assertThatThrownBy(() -> client.createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.NO_ACCESS))
                .hasMessageStartingWith("the Hub refused the pull request on model org/llm (HTTP 403: You don't have the "
                        + "rights to create a pull request under the namespace org. ")
                .hasMessageEndingWith("?[2J opened evil/x); HF_TOKEN may lack write access or the permission to open pull requests")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("\n").doesNotContain("\u001b"));

        hub.server().once(r -> r.path().contains("/discussions"), Response.text(403, "")
                .withHeader("X-Error-Message", "Discussions are disabled for this repo"));
        assertThatThrownBy(() -> client.discussions(RepoType.MODEL, "org/llm"))
                .hasMessage("discussions are disabled on model org/llm (HTTP 403: Discussions are disabled for this repo): "
                        + "no pull request can be opened there");

        hub.server().once(r -> r.method().equals("POST"),
                json("{\"error\":\"Invalid YAML metadata in README.md: " + "x".repeat(400) + "\"}", 400));
        assertThatThrownBy(() -> client.createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files))
                .hasMessageStartingWith("the Hub answered HTTP 400 for model org/llm: Invalid YAML metadata in README.md: xxx")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300).endsWith("x\u2026"));
        assertThat(hub.commits()).isEmpty();
    }

    private static Response json(String json, int status) {
        return new Response(status, java.util.Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8), -1);
    }

    /** A commit answer without a pull request address opened none (huggingface_hub reads "pullRequestUrl" or fails). */
    @Test
    void aCommitAnswerWithoutAPullRequestAddressIsAnError() {
        hub.model("org/llm").sha("b".repeat(40)).file("README.md", "# old");
        List<CommitFile> files = List.of(new CommitFile("README.md", new byte[] {'x'}));
        hub.server().once(r -> r.method().equals("POST"), Response.json("{\"success\":false,\"error\":\"hook rejected\"}"));
        assertThatThrownBy(() -> client(TOKEN).createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.SERVER_ERROR))
                .hasMessage("the Hub's answer to the pull request on org/llm has no pull request address (hook rejected)");
        hub.server().once(r -> r.method().equals("POST"), Response.json("{\"success\":true,\"pullRequestUrl\":null}"));
        assertThatThrownBy(() -> client(TOKEN).createPullRequest(RepoType.MODEL, "org/llm", null, null, "t", "", files))
                .hasMessage("the Hub's answer to the pull request on org/llm has no pull request address");
    }
}
