package dev.cardminer.cli;

import static dev.cardminer.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final String AGENT = """
            ---
            library_name: stable-baselines3
            tags:
            - deep-reinforcement-learning
            ---
            # PPO Agent playing CartPole-v1
            """;
    private static final String TRANSLATOR = """
            ---
            pipeline_tag: translation
            metrics:
            - bleu
            ---
            # en-de
            Translates English into German.
            """;
    private static final String NOTHING = """
            # notes
            Nothing to see.
            """;

    private final ObjectMapper mapper = new ObjectMapper();

    private Path cards(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(folder.resolve("me__agent.md"), AGENT);
        Files.writeString(folder.resolve("me__en-de.md"), TRANSLATOR);
        Files.writeString(folder.resolve("me__notes.md"), NOTHING);
        return folder;
    }

    @Test
    void rulesAsJsonLinesWithAbstentionAsAnEmptyList(@TempDir Path dir) throws Exception {
        CliRun r = run("classify", cards(dir).toString(), "--task", "pipeline_tag", "--method", "rules", "--json");
        assertThat(r.exit()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode o = mapper.readTree(line);
            assertThat(o.path("method").asText()).isEqualTo("rules");
            String id = o.path("id").asText();
            JsonNode labels = o.path("labels");
            switch (id) {
                case "me/agent" -> assertThat(labels.get(0).path("label").asText()).isEqualTo("reinforcement-learning");
                case "me/en-de" -> assertThat(labels.get(0).path("label").asText()).isEqualTo("translation");
                case "me/notes" -> assertThat(labels).isEmpty();
                default -> throw new AssertionError(id);
            }
        }
    }

    @Test
    void runsAreStoredAndCompared(@TempDir Path dir) throws Exception {
        Path folder = cards(dir);
        Path db = dir.resolve("c.duckdb");
        CliRun a = run("classify", folder.toString(), "--task", "pipeline_tag", "--method", "rules", "--db", db.toString());
        assertThat(a.exit()).isZero();
        String runA = runId(a.err());
        Files.writeString(folder.resolve("me__notes.md"), "---\ntags:\n- text-to-image\n---\n# notes\n");
        Thread.sleep(1100); // run ids are per second
        CliRun b = run("classify", folder.toString(), "--task", "pipeline_tag", "--method", "rules", "--db", db.toString());
        String runB = runId(b.err());
        CliRun cmp = run("classify", "--compare", runA, runB, "--db", db.toString());
        assertThat(cmp.exit()).isZero();
        assertThat(cmp.out()).contains("cards in both 3: same 2, changed 0, newly labelled 1").contains("input changed 1")
                .contains("(none) -> text-to-image");
    }

    @Test
    void userLabelsAndBadArguments(@TempDir Path dir) throws Exception {
        Path folder = cards(dir);
        CliRun r = run("classify", folder.toString(), "--labels", "cartpole,german", "--method", "rules");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("me/agent\tcartpole");
        assertThat(run("classify", folder.toString(), "--method", "rules").err()).contains("give one of --task, --labels or --label-file");
        assertThat(run("classify", folder.toString(), "--task", "color").err()).contains("--task must be one of");
        assertThat(run("classify", folder.toString(), "--task", "pipeline_tag", "--method", "llm").err())
                .contains("--method llm needs --llm-url");
        Path file = Files.writeString(dir.resolve("labels.txt"), "a\nb\na\n");
        assertThat(run("classify", folder.toString(), "--label-file", file.toString()).err()).contains("line 3");
    }

    private static String runId(String err) {
        Matcher m = Pattern.compile("run (\\S+) stored").matcher(err);
        assertThat(m.find()).as(err).isTrue();
        return m.group(1);
    }
}
