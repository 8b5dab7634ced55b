package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.testkit.FakeHub;
import dev.cardminer.testkit.LocalHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code suggest hub:org/name[@revision]}: the card and its repo files at one commit, against a Hub-shaped server. */
class SuggestFromHubTest {

    private static final String TOKEN = "hf_secret_never_shown_42";
    private static final String LORA_SHA = "c".repeat(40);
    private static final String MERGE_SHA = "d".repeat(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADAPTER = "{\n  \"peft_type\": \"LORA\",\n  \"base_model_name_or_path\": \"acme/Base-7B\",\n"
            + "  \"task_type\": \"CAUSAL_LM\"\n}\n";

    private FakeHub hub;

    @BeforeEach
    void start() {
        hub = FakeHub.start();
        hub.model("me/lora").sha(LORA_SHA).file("README.md", "---\nlicense: mit\n---\n# My LoRA\n\nA LoRA of a chat model.\n")
                .file("adapter_config.json", ADAPTER).file("adapter_model.safetensors", "weights")
                .file("config.json", "{\n  \"architectures\": [\"LlamaForCausalLM\",,]\n}\n");
        hub.model("me/merged").sha(MERGE_SHA).file("README.md", "# Merged\n\nTwo models, merged.\n")
                .file("mergekit_config.yml", "models:\n  - model: acme/Left\n  - model: acme/Right\nmerge_method: ties\n"
                        + "base_model: acme/Left\n");
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private List<String> paths() {
        return hub.server().requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @Test
    void readsTheCardAndItsFilesAtTheInfosShaWithEvidenceNamingTheFileAndLine() throws Exception {
        // one 429 with Retry-After on a file: waited out and asked again, as the Hub asks
        hub.server().once(r -> r.path().endsWith("/adapter_config.json"),
                LocalHttpServer.Response.text(429, "Too Many Requests").withHeader("Retry-After", "1"));
        CliRun run = CliRun.run("suggest", "--hub-endpoint", hub.endpoint().toString(), "hub:me/lora",
                "hub:me/merged@" + MERGE_SHA, "--fields", "base_model,base_model_relation,library_name,pipeline_tag");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(paths()).containsExactly(
                "GET /api/models/me/lora",
                "GET /me/lora/resolve/" + LORA_SHA + "/README.md",
                "GET /me/lora/resolve/" + LORA_SHA + "/adapter_config.json",
                "GET /me/lora/resolve/" + LORA_SHA + "/adapter_config.json",
                "GET /me/lora/resolve/" + LORA_SHA + "/config.json",
                "GET /api/models/me/merged/revision/" + MERGE_SHA,
                "GET /me/merged/resolve/" + MERGE_SHA + "/README.md",
                "GET /me/merged/resolve/" + MERGE_SHA + "/mergekit_config.yml");
        assertThat(run.out()).contains("me/lora\n"
                + "  + base_model = acme/Base-7B  (0.98 repo-file:adapter_config.json, adapter_config.json, line 3: "
                + "\"base_model_name_or_path\": \"acme/Base-7B\",)\n"
                + "  + base_model_relation = adapter  (0.98 repo-file:adapter_config.json, adapter_config.json, line 3: ")
                .contains("  + library_name = peft  (0.98 repo-file:adapter_config.json, adapter_config.json, line 2: \"peft_type\": \"LORA\",)")
                .contains("  + pipeline_tag = text-generation  (0.90 repo-file:adapter_config.json, adapter_config.json, line 4: ")
                .contains("me/merged\n  + base_model = acme/Left  (0.95 repo-file:mergekit_config.yml, mergekit_config.yml, line 2: "
                        + "- model: acme/Left)\n  + base_model = acme/Right  (0.95 repo-file:mergekit_config.yml, mergekit_config.yml, line 3: ")
                .contains("  + base_model_relation = merge  (0.95 ")
                .contains("2 cards, 2 with findings");
        // config.json is no JSON: located, said, and the card and the adapter's config are still read
        assertThat(run.err()).contains("suggest: me/lora: config.json:2:").contains(": not valid JSON: ");
    }

    @Test
    void jsonEvidenceNamesTheFile() throws Exception {
        CliRun run = CliRun.run("suggest", "--hub-endpoint", hub.endpoint().toString(), "hub:me/lora", "--json",
                "--fields", "base_model");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode line = JSON.readTree(run.out());
        JsonNode evidence = line.path("suggestions").path(0).path("evidence");
        assertThat(evidence.path("file").asText()).isEqualTo("adapter_config.json");
        assertThat(evidence.path("line").asInt()).isEqualTo(3);
        assertThat(evidence.path("text").asText()).isEqualTo("\"base_model_name_or_path\": \"acme/Base-7B\",");
        assertThat(evidence.path("start").asInt()).isEqualTo(-1);
    }

    @Test
    void aMalformedReferenceOrAMixOfSourcesIsAUsageErrorBeforeAnyRequest(@TempDir Path dir) {
        for (String[] args : List.of(new String[] {"hub:../x"}, new String[] {"hub:me/lora@"},
                new String[] {"hub:me/lora", dir.toString()}, new String[] {dir.toString(), dir.toString()})) {
            List<String> all = new ArrayList<>(List.of("suggest", "--hub-endpoint", hub.endpoint().toString()));
            all.addAll(List.of(args));
            CliRun run = CliRun.run(all.toArray(String[]::new));
            assertThat(run.exit()).as(String.join(" ", args) + ": " + run.err()).isEqualTo(2);
        }
        assertThat(hub.server().requests()).isEmpty();
        assertThat(CliRun.run("suggest", "--hub-endpoint", hub.endpoint().toString(), "hub:", "hub:me/lora").exit())
                .isEqualTo(2);   // hub: alone is the Hub's dataset, another source
        assertThat(hub.server().requests()).isEmpty();
    }

    @Test
    void aModelTheHubDoesNotHaveIsOneLineTheOthersAreReadAndTheExitSaysAnInputWasNotThere() {
        CliRun run = CliRun.run("suggest", "--hub-endpoint", hub.endpoint().toString(), "hub:me/gone", "hub:me/merged",
                "--fields", "base_model");
        assertThat(run.exit()).isEqualTo(2);   // the Hub answered: no such model (3 is for a Hub that failed)
        assertThat(run.err()).contains("suggest: hub:me/gone: me/gone: not read: ");
        assertThat(run.out()).contains("me/merged\n  + base_model = acme/Left");
    }

    /**
     * A repo without README.md (TESTER-SUGGEST F25): its files' values are reported, with a line that it has no card;
     * README.md is not asked for (the info lists the files), and no draft or pull request would create one.
     */
    @Test
    void aRepoWithoutAReadmeGetsItsFilesValuesAndNoPatchSaidSo(@TempDir Path dir) throws Exception {
        String sha = "e".repeat(40);
        hub.model("me/noreadme").sha(sha).file("adapter_config.json", ADAPTER).file("adapter_model.safetensors", "w");
        Path patches = dir.resolve("patches");
        CliRun run = CliRun.run("suggest", "--hub-endpoint", hub.endpoint().toString(), "hub:me/noreadme",
                "hub:me/merged", "--fields", "base_model,base_model_relation,library_name", "--patch-dir", patches.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("suggest: hub:me/noreadme: no README.md at revision " + sha
                + ": its repo files are read alone, and there is no card to patch");
        assertThat(run.out()).contains("me/noreadme\n  + base_model = acme/Base-7B  (0.98 repo-file:adapter_config.json, ")
                .contains("  + base_model_relation = adapter  (", "  + library_name = peft  (")
                .contains("  (no patch: the repo has no README.md; suggest patches a card, it does not create one)")
                .contains("2 cards, 2 with findings", "1 patched in");
        assertThat(paths()).doesNotContain("GET /me/noreadme/resolve/" + sha + "/README.md")
                .contains("GET /api/models/me/noreadme", "GET /me/noreadme/resolve/" + sha + "/adapter_config.json");
        assertThat(patches.resolve("me__noreadme")).doesNotExist();
        assertThat(patches.resolve("me__merged/README.md")).exists();

        // --open-prs: nothing is sent to it (no README.md is created), the other repo's pull request is
        Ran ran = openPrs(Files.createDirectories(dir.resolve("prs")), "hub:me/noreadme", "hub:me/merged");
        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(hub.commits()).singleElement().satisfies(c -> assertThat(c.repo()).isEqualTo("me/merged"));
        assertThat(ran.out()).contains("(no patch: the repo has no README.md", "pull requests: opened 1, skipped 0, failed 0")
                .doesNotContain("opened me/noreadme");
    }

    @Test
    void aRateLimitThatAsksTooLongStopsTheRunAndTheRestIsNotTried() {
        hub.server().once(r -> r.path().equals("/api/models/me/lora"),
                LocalHttpServer.Response.text(429, "Too Many Requests").withHeader("Retry-After", "3600"));
        CliRun run = CliRun.run("suggest", "--hub-endpoint", hub.endpoint().toString(), "hub:me/lora", "hub:me/merged");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("suggest: hub:me/lora: me/lora: not read: ")
                .contains("suggest: hub:me/merged: me/merged: not read: not tried: the run stopped at hub:me/lora (the Hub's rate limit)");
        assertThat(paths()).containsExactly("GET /api/models/me/lora");
    }

    private record Ran(int exit, String out, String err) {
    }

    /** {@code suggest REFS --fields base_model,base_model_relation --patch-dir DIR/patches --open-prs} in a JVM of its own. */
    private Ran openPrs(Path dir, String... refs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Cardminer.class.getName(), "suggest"));
        command.addAll(List.of(refs));
        command.addAll(List.of("--fields", "base_model,base_model_relation", "--patch-dir", dir.resolve("patches").toString(),
                "--open-prs", "--hub-endpoint", hub.endpoint().toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HF_TOKEN", TOKEN);
        pb.environment().remove("HF_ENDPOINT");
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    /** In a JVM of its own, for HF_TOKEN: the pull requests are made on the sha the card and files were read at. */
    @Test
    void pullRequestsAreMadeOnTheCommitTheCardWasReadAtAndTheTokenIsNeverShown(@TempDir Path dir) throws Exception {
        Path patches = dir.resolve("patches");
        Ran ran = openPrs(dir, "hub:me/lora", "hub:me/merged");
        String out = ran.out();
        assertThat(ran.exit()).as(ran.err()).isZero();

        assertThat(hub.commits()).hasSize(2).allSatisfy(c -> assertThat(c.createPr()).isTrue());
        assertThat(hub.commits()).filteredOn(c -> c.repo().equals("me/lora")).singleElement().satisfies(c -> {
            assertThat(JSON.readTree(c.headerJson()).path("value").path("parentCommit").asText()).isEqualTo(LORA_SHA);
            assertThat(new String(c.files().get("README.md"), StandardCharsets.UTF_8))
                    .startsWith("---\nlicense: mit\nbase_model: acme/Base-7B\nbase_model_relation: adapter\n---\n");
        });
        assertThat(hub.commits()).filteredOn(c -> c.repo().equals("me/merged")).singleElement().satisfies(c ->
                assertThat(JSON.readTree(c.headerJson()).path("value").path("parentCommit").asText()).isEqualTo(MERGE_SHA));
        // the head was not read again: the card's own sha is the parent
        assertThat(paths()).filteredOn(s -> s.startsWith("GET /api/models/")).containsExactly(
                "GET /api/models/me/lora", "GET /api/models/me/merged", "GET /api/models/me/lora/discussions",
                "GET /api/models/me/merged/discussions");
        String description = Files.readString(patches.resolve("me__lora").resolve("pr-description.md"));
        assertThat(description).contains("from line 3 of the repository's `adapter_config.json`:\n\n```json\n"
                + "\"base_model_name_or_path\": \"acme/Base-7B\",\n```");
        assertThat(out).contains("opened me/lora: ", "opened me/merged: ", "pull requests: opened 2, skipped 0, failed 0");
        List<String> written;
        try (Stream<Path> files = Files.walk(patches)) {
            written = files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(written).isNotEmpty().noneMatch(s -> s.contains(TOKEN));
        assertThat(out + ran.err()).doesNotContain(TOKEN);
        // sent only as the Authorization header, never in a body or an address
        assertThat(hub.server().requests()).allSatisfy(r -> {
            assertThat(r.path() + r.query() + r.bodyText()).doesNotContain(TOKEN);
            assertThat(r.header("authorization")).isEqualTo("Bearer " + TOKEN);
        });
    }
    @Test
    void repoFilesForACorpusAreReadAtEachReposHeadUntilTheRateLimitAndTheRestIsReadAlone(@TempDir Path dir) throws Exception {
        hub.model("me/third").file("README.md", "# third\n").file("adapter_config.json", ADAPTER);
        String card = JSON.writeValueAsString("# m\n\nSome weights.\n");
        Path jsonl = Files.writeString(dir.resolve("cards.jsonl"), String.join("\n",
                "{\"modelId\": \"loose\", \"card\": " + card + "}",
                "{\"modelId\": \"me/gone\", \"card\": " + card + "}",
                "{\"modelId\": \"me/lora\", \"card\": " + card + "}",
                "{\"modelId\": \"me/merged\", \"card\": " + card + "}",
                "{\"modelId\": \"me/third\", \"card\": " + card + "}") + "\n");
        // the budget the Hub reports covers two more repos after the first answer, the window resets in an hour
        hub.rateLimit(7, 3600);
        CliRun run = CliRun.run("suggest", jsonl.toString(), "--repo-files", "--hub-endpoint", hub.endpoint().toString(),
                "--fields", "base_model");

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(paths()).containsExactly("GET /api/models/me/gone",
                "GET /api/models/me/lora", "GET /me/lora/resolve/" + LORA_SHA + "/adapter_config.json",
                "GET /me/lora/resolve/" + LORA_SHA + "/config.json",
                "GET /api/models/me/merged", "GET /me/merged/resolve/" + MERGE_SHA + "/mergekit_config.yml");
        assertThat(run.out()).contains("me/lora\n  + base_model = acme/Base-7B  (0.98 repo-file:adapter_config.json")
                .contains("me/merged\n  + base_model = acme/Left").doesNotContain("me/third").contains("5 cards, 2 with findings");
        assertThat(run.err()).contains("suggest: --repo-files: me/gone: ").contains("; its card is read alone")
                .contains("suggest: --repo-files: stopped at me/third after 2 repos: the Hub's RateLimit header leaves too few "
                        + "requests for this window; the cards after it are read without their repo files")
                .contains("suggest: me/lora: config.json:2:");
    }

    /**
     * hub:org/name@REV with --open-prs: the Hub makes a pull request from its parent commit, so a card read at an
     * older revision than main's head gets none (it would undo main's later changes). In a JVM of its own, for HF_TOKEN.
     */
    @Test
    void aCardReadAtAnOlderRevisionGetsNoPullRequest(@TempDir Path dir) throws Exception {
        String older = "9".repeat(40);
        String mergekit = "models:\n  - model: acme/Left\n  - model: acme/Right\nmerge_method: ties\nbase_model: acme/Left\n";
        hub.server().once(r -> r.path().equals("/api/models/me/merged/revision/v1"), LocalHttpServer.Response.json(
                "{\"id\":\"me/merged\",\"sha\":\"" + older + "\",\"siblings\":[{\"rfilename\":\"README.md\"},"
                        + "{\"rfilename\":\"mergekit_config.yml\"}]}"));
        hub.server().once(r -> r.path().equals("/me/merged/resolve/" + older + "/README.md"),
                LocalHttpServer.Response.text(200, "# Merged\n\nTwo models, merged.\n"));
        hub.server().once(r -> r.path().equals("/me/merged/resolve/" + older + "/mergekit_config.yml"),
                LocalHttpServer.Response.text(200, mergekit));
        Ran ran = openPrs(dir, "hub:me/merged@v1");

        assertThat(ran.exit()).as(ran.err()).isEqualTo(1);
        assertThat(ran.out()).contains("failed me/merged: the card was read at revision " + older + ", not at main's head ("
                + MERGE_SHA + ")", "pull requests: opened 0, skipped 0, failed 1, not tried 0");
        assertThat(hub.commits()).isEmpty();
        assertThat(Files.readString(dir.resolve("patches").resolve("me__merged").resolve("README.md"))).contains("acme/Left");
    }
}
