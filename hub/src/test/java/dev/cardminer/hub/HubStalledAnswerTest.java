package dev.cardminer.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hub that sends an answer's headers and then stops sending its body, or sends it a byte at a time, ends the
 * request in one line within the client's timeout (here 1 s, so that the tests are quick) instead of holding it
 * for ever. Each test is bounded: before the fix, it would hang and fail on that bound.
 */
class HubStalledAnswerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final String CARD = "---\nlicense: mit\n---\n# T\n" + "x".repeat(2000);

    @TempDir
    Path dir;

    private FakeHub hub;

    @BeforeEach
    void start() {
        hub = FakeHub.start();
        hub.model("org/x").file("README.md", CARD).file("data.bin", CARD);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubClient client;

    /**
     * The client with the short timeout, made after one answer was read whole by a client with the default one: a
     * cold JVM's first request (seconds under load, loading the HTTP client) must not be what the timeout meets.
     */
    private HubClient client() throws Exception {
        if (client == null) {
            HubOptions options = new HubOptions(hub.endpoint(), HubOptions.DEFAULT_DATASET, dir, null);
            assertThat(HubClient.create(options).readFile(RepoType.MODEL, "org/x", "main", "README.md", 1 << 20))
                    .hasSize(CARD.length());
            client = HubClient.builder(options).timeout(TIMEOUT).build();
        }
        return client;
    }

    @Test
    void aFileWhoseBodyStopsAfterThreeBytesIsOneLine() throws Exception {
        client();
        hub.server().once(r -> r.path().endsWith("/README.md"), Response.text(200, CARD).stalledAfter(3));
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client().readFile(RepoType.MODEL, "org/x",
                "main", "README.md", 1 << 20))
                .isInstanceOfSatisfying(HubException.class, e -> assertThat(e.kind()).isEqualTo(HubException.Kind.UNREACHABLE))
                .hasMessage("the Hub stopped sending README.md of org/x (not all of it came within 1 s of the request)"));
        // the next answer is read as usual
        assertTimeoutPreemptively(BOUND, () -> assertThat(new String(client().readFile(RepoType.MODEL, "org/x", "main",
                "README.md", 1 << 20), StandardCharsets.UTF_8)).isEqualTo(CARD));
    }

    @Test
    void anAnswerSentAByteAtATimeEndsAtTheTimeoutOfTheWholeAnswer() throws Exception {
        client();
        // a byte every 50 ms never leaves a read idle for 1 s; the whole answer would take 100 s
        hub.server().once(r -> r.path().startsWith("/api/models/org/x"),
                Response.json("{\"id\":\"org/x\",\"sha\":\"" + "a".repeat(40) + "\",\"pad\":\"" + "p".repeat(2000) + "\"}")
                        .trickled(Duration.ofMillis(50)));
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client().modelInfo("org/x", null))
                .isInstanceOf(HubException.class)
                .hasMessage("the Hub stopped sending the info of model org/x (not all of it came within 1 s of the request)"));
        hub.server().once(r -> r.path().endsWith("/README.md"), Response.text(200, CARD).trickled(Duration.ofMillis(50)));
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client().readFile(RepoType.MODEL, "org/x",
                "main", "README.md", 1 << 20)).isInstanceOf(HubException.class)
                .hasMessageContaining("the Hub stopped sending README.md of org/x"));
    }

    @Test
    void aDownloadThatStopsComingIsOneLineAndResumesOnTheNextRun() throws Exception {
        RepoFile file = new RepoFile("data.bin", CARD.length(), FakeHub.sha256(CARD.getBytes(StandardCharsets.UTF_8)));
        Path target = dir.resolve("cache").resolve("data.bin");
        client();
        hub.server().once(r -> r.path().contains("data.bin"), Response.text(200, CARD).stalledAfter(100));
        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> client().download(RepoType.MODEL, "org/x", "main",
                file, target, n -> { }))
                .isInstanceOf(HubException.class).hasMessageStartingWith("the Hub stopped sending download ")
                .hasMessageEndingWith("(nothing came for 1 s)"));
        assertThat(target.resolveSibling("data.bin.part")).hasSize(100);
        assertTimeoutPreemptively(BOUND, () -> client().download(RepoType.MODEL, "org/x", "main", file, target, n -> { }));
        assertThat(Files.readString(target)).isEqualTo(CARD);
    }
}
