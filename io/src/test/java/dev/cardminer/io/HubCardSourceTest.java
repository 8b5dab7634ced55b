package dev.cardminer.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @TempDir
    Path dir;

    private FakeHub hub;
    private byte[] shard0;
    private byte[] shard1;
    private final StringWriter log = new StringWriter();

    @BeforeEach
    void startHub() throws Exception {
        hub = new FakeHub();
        shard0 = Files.readAllBytes(ParquetCardSourceTest.writeHubParquet(dir.resolve("s0.parquet"), 30));
        shard1 = Files.readAllBytes(ParquetCardSourceTest.writeHubParquet(dir.resolve("s1.parquet"), 3));
        hub.add("train-00000-of-00002.parquet", shard0);
        hub.add("train-00001-of-00002.parquet", shard1);
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

    @Test
    void downloadsEveryShardResumingADroppedDownloadWithARangeRequest() throws Exception {
        hub.dropFirstDownload = true;

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
        List<FakeHub.Request> downloads = hub.downloads();
        assertThat(downloads).extracting(FakeHub.Request::range).containsExactly(
                null, "bytes=" + shard0.length / 2 + "-", null, "bytes=" + shard1.length / 2 + "-");
        assertThat(Files.readAllBytes(cached("train-00000-of-00002.parquet"))).isEqualTo(shard0);
        assertThat(Files.exists(cached("train-00000-of-00002.parquet.part"))).isFalse();
        // The token goes to the Hub's API, not to the other origin the download is redirected to.
        assertThat(hub.requests).filteredOn(r -> r.path().startsWith("/api/")).extracting(FakeHub.Request::authorization)
                .containsOnly("Bearer secret-token");
        assertThat(downloads).extracting(FakeHub.Request::authorization).containsOnlyNulls();
    }

    @Test
    void aSecondRunReadsTheCacheWithoutDownloading() throws Exception {
        TestCards.readAll(HubCardSource.open(options(), progress()).downloadAll());
        int before = hub.downloads().size();

        List<SourceCard> again = TestCards.readAll(HubCardSource.open(options(), progress()));

        assertThat(again).hasSize(33);
        assertThat(hub.downloads()).hasSize(before);
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

        assertThat(hub.downloads()).extracting(FakeHub.Request::range).containsExactly("bytes=1000-");
        assertThat(Files.readAllBytes(cached("train-00000-of-00002.parquet"))).isEqualTo(shard0);
    }

    @Test
    void readingFewCardsFetchesOnlyTheShardsItNeeds() throws Exception {
        try (HubCardSource source = HubCardSource.open(options(), progress())) {
            for (int i = 0; i < 5; i++) {
                assertThat(source.next()).isNotNull();
            }
        }
        assertThat(hub.downloads()).extracting(FakeHub.Request::path)
                .containsExactly("/cdn/train-00000-of-00002.parquet");
    }

    @Test
    void aDownloadThatDoesNotMatchItsShaIsRemoved() throws Exception {
        hub.listWrongSha("train-00000-of-00002.parquet");
        assertThatThrownBy(() -> HubCardSource.open(options(), progress()).downloadAll())
                .isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
        assertThat(Files.exists(cached("train-00000-of-00002.parquet"))).isFalse();
        assertThat(Files.exists(cached("train-00000-of-00002.parquet.part"))).isFalse();
    }

    @Test
    void anUnreachableHubIsOneClearErrorWithoutTheToken() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        HubOptions offline = options().withEndpoint(URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> HubCardSource.open(offline, progress()))
                .isInstanceOf(HubUnavailableException.class)
                .hasMessageContaining("cannot reach the Hub at http://127.0.0.1:" + closedPort)
                .hasMessageContaining("analyze a local source")
                .hasMessageNotContaining("secret-token");
        assertThat(offline.toString()).doesNotContain("secret-token");
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
                .isInstanceOf(HubUnavailableException.class).hasMessageContaining("HTTP 404");
    }
}
