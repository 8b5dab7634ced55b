package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cardminer.hub.HubException;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCardSourceTest {

    private static final String CDN = "/cdn/datasets/" + HubOptions.DEFAULT_DATASET + "/data/";

    @TempDir
    Path dir;

    private FakeHub hub;
    private byte[] shard0;
    private byte[] shard1;
    private final StringWriter log = new StringWriter();

    @BeforeEach
    void startHub() throws Exception {
        hub = FakeHub.start();
        hub.lfsThreshold = 0;
        shard0 = Files.readAllBytes(ParquetCardSourceTest.writeHubParquet(dir.resolve("s0.parquet"), 30));
        shard1 = Files.readAllBytes(ParquetCardSourceTest.writeHubParquet(dir.resolve("s1.parquet"), 3));
        hub.dataset(HubOptions.DEFAULT_DATASET).file("data/train-00000-of-00002.parquet", shard0)
                .file("data/train-00001-of-00002.parquet", shard1).file("README.md", "# cards");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubOptions options() {
        return new HubOptions(hub.endpoint(), HubOptions.DEFAULT_DATASET, dir.resolve("cache"), "secret-token");
    }

    private ProgressOutput progress() {
        return new ProgressOutput(new PrintWriter(log, true), ProgressOutput.Style.LINES);
    }

    private Path cached(String name) {
        return dir.resolve("cache/librarian-bots_model_cards_with_metadata/data").resolve(name);
    }

    private List<LocalHttpServer.Request> downloads() {
        return hub.cdnRequests();
    }

    private void dropFirstDownloadHalfway(String name, byte[] bytes) {
        hub.server().once(r -> r.path().equals(CDN + name) && r.header("range") == null,
                LocalHttpServer.Response.bytes(bytes).droppedAfter(bytes.length / 2));
    }

    @Test
    void downloadsEveryShardResumingADroppedDownloadWithARangeRequest() throws Exception {
        dropFirstDownloadHalfway("train-00000-of-00002.parquet", shard0);
        dropFirstDownloadHalfway("train-00001-of-00002.parquet", shard1);

        List<SourceCard> cards;
        try (HubCardSource source = HubCardSource.open(options(), progress()).downloadAll()) {
            assertThat(source.shards()).containsExactly("data/train-00000-of-00002.parquet",
                    "data/train-00001-of-00002.parquet");
            assertThat(source.expectedCards()).isEqualTo(33);
            cards = TestCards.readAll(source);
        }

        assertThat(cards).hasSize(33);
        assertThat(cards.get(0).id()).isEqualTo("org0/m0");
        assertThat(cards.get(30).origin()).endsWith("data/train-00001-of-00002.parquet");
        // Each shard: a first request dropped halfway, then one Range request from where the part ended.
        assertThat(downloads()).extracting(r -> r.header("range")).containsExactly(
                null, "bytes=" + shard0.length / 2 + "-", null, "bytes=" + shard1.length / 2 + "-");
        assertThat(Files.readAllBytes(cached("train-00000-of-00002.parquet"))).isEqualTo(shard0);
        assertThat(Files.exists(cached("train-00000-of-00002.parquet.part"))).isFalse();
        // The token goes to the Hub's API, not to the other origin the download is redirected to.
        assertThat(hub.server().requests("/api/")).extracting(r -> r.header("authorization"))
                .containsOnly("Bearer secret-token");
        assertThat(downloads()).extracting(r -> r.header("authorization")).containsOnlyNulls();
    }

    @Test
    void aSecondRunReadsTheCacheWithoutDownloading() throws Exception {
        TestCards.readAll(HubCardSource.open(options(), progress()).downloadAll());
        int before = downloads().size();

        List<SourceCard> again = TestCards.readAll(HubCardSource.open(options(), progress()));

        assertThat(again).hasSize(33);
        assertThat(downloads()).hasSize(before);
    }

    @Test
    void resumesThePartLeftByAnInterruptedRun() throws Exception {
        Path part = cached("train-00000-of-00002.parquet.part");
        Files.createDirectories(part.getParent());
        Files.write(part, Arrays.copyOf(shard0, 1000));
        Files.writeString(part.resolveSibling("train-00000-of-00002.parquet.part.id"), FakeHub.sha256(shard0));

        try (HubCardSource source = HubCardSource.open(options(), progress())) {
            assertThat(source.next().id()).isEqualTo("org0/m0");
        }

        assertThat(downloads()).extracting(r -> r.header("range")).containsExactly("bytes=1000-");
        assertThat(Files.readAllBytes(cached("train-00000-of-00002.parquet"))).isEqualTo(shard0);
    }

    @Test
    void readingFewCardsFetchesOnlyTheShardsItNeeds() throws Exception {
        try (HubCardSource source = HubCardSource.open(options(), progress())) {
            for (int i = 0; i < 5; i++) {
                assertThat(source.next()).isNotNull();
            }
        }
        assertThat(downloads()).extracting(LocalHttpServer.Request::path)
                .containsExactly(CDN + "train-00000-of-00002.parquet");
    }

    @Test
    void aDownloadThatDoesNotMatchItsShaIsRemoved() throws Exception {
        hub.dataset(HubOptions.DEFAULT_DATASET).listWrongSha("data/train-00000-of-00002.parquet");
        assertThatThrownBy(() -> HubCardSource.open(options(), progress()).downloadAll())
                .isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
        assertThat(Files.exists(cached("train-00000-of-00002.parquet"))).isFalse();
        assertThat(Files.exists(cached("train-00000-of-00002.parquet.part"))).isFalse();
    }

    @Test
    void aListingAnswering500IsRetried() throws Exception {
        hub.server().once(r -> r.path().contains("/tree/"), LocalHttpServer.Response.text(500, "internal error"));

        try (HubCardSource source = HubCardSource.open(options(), progress())) {
            assertThat(source.shards()).hasSize(2);
        }
        assertThat(hub.server().requests("/api/datasets/")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void listedPathsOutsideTheCacheAreRefusedNamingTheEntry() throws Exception {
        Path victim = dir.resolve("victim.parquet");
        for (String evil : List.of("data/../../../victim.parquet", "data/..\\..\\victim.parquet")) {
            FakeHub evilHub = FakeHub.start();
            try (evilHub) {
                evilHub.lfsThreshold = 0;
                evilHub.dataset(HubOptions.DEFAULT_DATASET).file(evil, shard0);
                HubOptions o = options().withEndpoint(evilHub.endpoint());
                assertThatThrownBy(() -> HubCardSource.open(o, progress()).downloadAll())
                        .isInstanceOf(IOException.class)
                        .hasMessageContaining("unsafe path")
                        .hasMessageContaining(evil);
            }
        }
        assertThat(victim).doesNotExist();
        assertThat(Files.exists(dir.resolve("victim.parquet.sha256"))).isFalse();
    }

    @Test
    void safeTargetRefusesAbsoluteAndEscapingPaths() {
        Path cache = dir.resolve("cache/x");
        for (String evil : List.of("/etc/victim.parquet", "../victim.parquet", "data/../../victim.parquet",
                "C:/victim.parquet", "", "data/a\\..\\..\\b.parquet")) {
            assertThatThrownBy(() -> HubCardSource.safeTarget(cache, evil)).isInstanceOf(IOException.class)
                    .hasMessageContaining("unsafe path");
        }
    }

    @Test
    void anUnreachableHubIsOneClearErrorWithoutTheToken() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HubOptions offline = options().withEndpoint(URI.create("http://user:hf_abcdefgh123@127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> HubCardSource.open(offline, progress()))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("cannot reach the Hub at http://***@127.0.0.1:" + closedPort)
                .hasMessageContaining("analyze a local source")
                .hasMessageNotContaining("secret-token")
                .hasMessageNotContaining("hf_abcdefgh123");
        assertThat(offline.toString()).doesNotContain("secret-token").doesNotContain("hf_abcdefgh123");
    }

    @Test
    void offlineWithACompleteCacheUsesTheCache() throws Exception {
        TestCards.readAll(HubCardSource.open(options(), progress()).downloadAll());
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HubOptions offline = options().withEndpoint(URI.create("http://127.0.0.1:" + closedPort));

        assertThat(TestCards.readAll(HubCardSource.open(offline, progress()))).hasSize(33);
        assertThat(log.toString()).contains("using the 2 shards cached");
    }

    @Test
    void theHubRefusingAccessSaysHowToFixIt() {
        HubOptions wrong = new HubOptions(hub.endpoint(), "nobody/nothing", dir.resolve("cache"), null);
        assertThatThrownBy(() -> HubCardSource.open(wrong, progress()))
                .isInstanceOf(HubException.class).hasMessageContaining("no dataset nobody/nothing")
                .hasMessageContaining("set HF_TOKEN");
    }
}
