package dev.cardminer.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsValidatorTest {

    @TempDir
    Path dir;

    private final FactsValidator validator = new FactsValidator();

    private static final String VALID = """
            {"model": "org/m", "hub": {"id": "org/m", "sha": "%s", "tags": [], "gated": "false", "base_model": []},
             "card": null, "architecture": null,
             "parameters": {"total": 10, "byDtype": {"F32": 10}, "source": "safetensors headers: model.safetensors"},
             "training_data": [], "results": {"open_llm_leaderboard": null, "model_index": []}, "problems": []}
            """.formatted("a".repeat(40));

    private List<FactsValidator.Violation> check(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return validator.validate(file);
    }

    @Test
    void acceptsAValidFile() throws Exception {
        assertThat(check("ok.json", VALID)).isEmpty();
    }

    @Test
    void rejectsBrokenFilesWithTheFileAndTheJsonPath() throws Exception {
        Path file = dir.resolve("bad.json");
        String broken = VALID.replace("\"total\": 10", "\"total\": \"ten\"").replace("\"gated\": \"false\"", "\"gated\": \"maybe\"")
                .replace("\"byDtype\": {\"F32\": 10}", "\"byDtype\": {\"f32\": -1}");

        List<FactsValidator.Violation> v = check("bad.json", broken);

        assertThat(v).extracting(FactsValidator.Violation::path)
                .contains("$.parameters.total", "$.hub.gated", "$.parameters.byDtype.f32");
        assertThat(v).allSatisfy(x -> assertThat(x.file()).isEqualTo(file));
        assertThat(v.stream().filter(x -> x.path().equals("$.parameters.total")).findFirst().orElseThrow().toString())
                .startsWith(file + ": $.parameters.total: ").contains("integer");
    }

    @Test
    void aMissingFieldAndUnknownFieldsAreNamed() throws Exception {
        List<FactsValidator.Violation> v = check("m.json", VALID.replace("\"model\": \"org/m\", ", "")
                .replace("\"problems\": []}", "\"problems\": [], \"extra\": 1}"));

        assertThat(v).extracting(FactsValidator.Violation::message).anySatisfy(m -> assertThat(m).contains("model"))
                .anySatisfy(m -> assertThat(m).contains("extra"));
    }

    @Test
    void malformedJsonIsOneLocatedViolation() throws Exception {
        List<FactsValidator.Violation> v = check("broken.json", "{\n  \"model\": \"org/m\",\n  oops\n}");

        assertThat(v).hasSize(1);
        assertThat(v.get(0).path()).isEqualTo("$");
        assertThat(v.get(0).message()).startsWith("not JSON at line 3, column");
    }

    @Test
    void datasetFilesUseTheDatasetSchema() throws Exception {
        assertThat(check("d.json", "{\"dataset\": \"org/d\", \"taxonomy\": [{\"category\": \"web/news\", "
                + "\"confidence\": 0.9, \"evidence\": \"x\"}]}")).isEmpty();
        assertThat(check("d2.json", "{\"dataset\": \"org/d\", \"taxonomy\": [{\"category\": \"Web News\", "
                + "\"confidence\": 2, \"evidence\": \"x\"}]}")).extracting(FactsValidator.Violation::path)
                .containsExactly("$.taxonomy[0].category", "$.taxonomy[0].confidence");
    }
}
