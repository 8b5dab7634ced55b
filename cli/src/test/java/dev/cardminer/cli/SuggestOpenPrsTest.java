package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.suggest.SendLog;
import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code suggest --open-prs} as a reviewer and an operator use it, each run in a JVM of its own (for HF_TOKEN) against
 * testkit's fake Hub: the reviewed drafts are what is sent, the draft folder is locked while a run sends from it, and
 * each opened pull request is said and recorded as it is opened.
 */
class SuggestOpenPrsTest {

    private static final String TOKEN = "hf_secret_never_shown_77";
    private static final String SHA = "e".repeat(40);

    private static String card(String base) {
        return "---\nlicense: mit\n---\n# m\n\nThis model is a fine-tuned version of [" + base + "](https://huggingface.co/"
                + base + ") on the tiny_reviews dataset.\n";
    }

    @TempDir
    Path dir;
    private FakeHub hub;
    private Path cards;
    private Path drafts;

    @BeforeEach
    void start() throws Exception {
        hub = FakeHub.start();
        cards = Files.createDirectories(dir.resolve("cards"));
        drafts = dir.resolve("drafts");
        for (String repo : List.of("me/a", "me/b", "me/c")) {
            String text = card("acme/base-" + repo.charAt(3));
            Files.writeString(cards.resolve(repo.replace("/", "__") + ".md"), text);
            hub.model(repo).sha(SHA).file("README.md", text);
        }
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private ProcessBuilder suggest(String... more) {
        return suggest(cards, more);
    }

    private ProcessBuilder suggest(Path source, String... more) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cardminer.class.getName(), "suggest", source.toString(),
                "--fields", "base_model", "--patch-dir", drafts.toString(), "--hub-endpoint", hub.endpoint().toString()));
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HF_TOKEN", TOKEN);
        pb.environment().remove("HF_ENDPOINT");
        pb.redirectError(dir.resolve("err.txt").toFile());
        return pb;
    }

    private record Ran(int exit, String out, String err) {
    }

    private Ran run(String... more) throws Exception {
        return run(cards, more);
    }

    private Ran run(Path source, String... more) throws Exception {
        Process p = suggest(source, more).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    private List<String> commitsTo() {
        return hub.commits().stream().map(FakeHub.Commit::repo).toList();
    }

    /**
     * Dry run, review (one draft deleted, one title and description edited, one card changed since), send: exactly
     * the reviewed drafts go out, as the reviewer left them, and none is written again.
     */
    @Test
    void theReviewedDraftsAreWhatIsSent() throws Exception {
        Ran dry = run();
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(hub.server().requests("/")).isEmpty();
        Path a = drafts.resolve("me__a");
        Files.writeString(a.resolve("pr-title.txt"), "[cardminer] Add base_model (checked by the librarian)\n");
        Files.writeString(a.resolve("pr-description.md"), "EDITED BY LIBRARIAN\n");
        String readmeA = Files.readString(a.resolve("README.md"));
        try (var files = Files.walk(drafts.resolve("me__b"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        String changed = card("acme/base-c") + "\nA line added after the review.\n";
        Files.writeString(cards.resolve("me__c.md"), changed);
        hub.model("me/c").file("README.md", changed);

        Ran send = run("--open-prs");

        assertThat(send.exit()).as(send.err()).isEqualTo(1);
        assertThat(commitsTo()).containsExactly("me/a");
        FakeHub.Commit commit = hub.commits().get(0);
        assertThat(commit.headerJson()).contains("\"summary\":\"[cardminer] Add base_model (checked by the librarian)\"",
                "\"description\":\"EDITED BY LIBRARIAN\\n\"");
        assertThat(new String(commit.files().get("README.md"), StandardCharsets.UTF_8)).isEqualTo(readmeA);
        assertThat(Files.readString(a.resolve("pr-description.md"))).isEqualTo("EDITED BY LIBRARIAN\n");
        assertThat(Files.exists(drafts.resolve("me__b"))).isFalse();
        assertThat(send.out()).contains("opened me/a: " + hub.endpoint() + "/me/a/discussions/1")
                .contains("skipped not reviewed me/b: no draft in " + drafts.resolve("me__b") + " (removed in review): not sent")
                .contains("failed me/c: the card is not the one the draft in " + drafts.resolve("me__c") + " was made from")
                .contains("pull requests: opened 1, skipped 1, failed 1, not tried 0");
        assertThat(send.err()).contains("sending the drafts in " + drafts + " as they are");
        assertThat(hub.server().requests("/").stream().map(LocalHttpServer.Request::path))
                .noneMatch(p -> p.contains("/me/b") || p.contains("/me/c/commit"));
        assertThat(send.out() + send.err()).doesNotContain(TOKEN);
    }

    /**
     * A second run on a draft folder that a run is sending from is refused in one line, before any request; and a
     * later run skips the repos the folder's record lists, without asking the Hub.
     */
    @Test
    void aSecondRunOnTheSameFolderIsRefusedAndARecordedRepoIsNotSentAgain() throws Exception {
        Files.createDirectories(drafts);
        try (SendLog held = SendLog.open(drafts)) {
            Ran second = run("--open-prs");
            assertThat(second.exit()).isEqualTo(2);
            assertThat(second.err().strip()).startsWith("cardminer suggest: another cardminer suggest --open-prs is sending "
                    + "the drafts of " + drafts).doesNotContain("\n");
            assertThat(hub.server().requests("/")).isEmpty();
            held.record("me/b", hub.endpoint() + "/me/b/discussions/9");
        }
        Ran run = run("--open-prs");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(commitsTo()).containsExactly("me/a", "me/c");
        assertThat(run.out()).contains("skipped existing me/b: opened by an earlier run (" + drafts.resolve(SendLog.FILE) + ")");
        assertThat(hub.server().requests("/api/models/me/b")).isEmpty();
        assertThat(Files.readAllLines(drafts.resolve(SendLog.FILE))).extracting(l -> l.split("\t")[0])
                .containsExactly("me/b", "me/a", "me/c");
    }

    /**
     * Each pull request is said and recorded as soon as it is opened: a run killed (kill -9) while the next repo's
     * answer is still coming has said and kept the one it opened.
     */
    @Test
    void eachOpenedPullRequestIsSaidAndRecordedBeforeTheNextIsTried() throws Exception {
        hub.server().once(r -> r.path().equals("/api/models/me/b/discussions"), LocalHttpServer.Response.json(
                "{\"discussions\":[],\"count\":0,\"start\":0}" + " ".repeat(200)).trickled(Duration.ofMillis(200)));
        Process p = suggest("--open-prs").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("opened ")) {
                // the cards' summaries come first
            }
            assertThat(line).isEqualTo("opened me/a: " + hub.endpoint() + "/me/a/discussions/1");
            assertThat(Files.readAllLines(drafts.resolve(SendLog.FILE))).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("me/a\t" + hub.endpoint() + "/me/a/discussions/1\t"));
            assertThat(commitsTo()).containsExactly("me/a");
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readAllLines(drafts.resolve(SendLog.FILE))).hasSize(1);
        Ran again = run("--open-prs");
        assertThat(again.out()).contains("skipped existing me/a: opened by an earlier run", "opened me/b: ", "opened me/c: ");
        assertThat(commitsTo()).containsExactly("me/a", "me/b", "me/c");
    }

    /**
     * A folder of repo clones: a README.md in a repo's own folders (a checkpoint's, an export's) reads as the card of
     * another id ({@code model-a/onnx}); --open-prs sends nothing for it, and asks the Hub nothing about it.
     */
    @Test
    void aReadmeInsideAClonedReposFoldersGetsNoPullRequest() throws Exception {
        Path clones = dir.resolve("clones");
        Path repo = Files.createDirectories(clones.resolve("me").resolve("a"));
        Files.writeString(repo.resolve("README.md"), card("acme/base-a"));
        Files.createDirectories(repo.resolve("onnx"));
        Files.writeString(repo.resolve("onnx").resolve("README.md"), card("acme/base-a"));
        Files.createDirectories(repo.resolve("checkpoint-500"));
        Files.writeString(repo.resolve("checkpoint-500").resolve("README.md"), card("acme/base-a"));
        hub.model("a/onnx").sha(SHA).file("README.md", card("acme/base-a"));

        Ran run = run(clones, "--open-prs");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(commitsTo()).containsExactly("me/a");
        assertThat(run.out()).contains("skipped not a repo a/onnx: " + Path.of("me", "a", "onnx", "README.md")
                        + " is not at org/name/README.md in SOURCE")
                .contains("skipped not a repo a/checkpoint-500: ").contains("pull requests: opened 1, skipped 2, failed 0");
        assertThat(hub.server().requests("/").stream().map(LocalHttpServer.Request::path))
                .allSatisfy(p -> assertThat(p).contains("/me/a"));
    }
}
