package dev.cardminer.facts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks model-facts and dataset-facts files against their JSON Schemas (draft 2020-12, shipped as
 * resources). A file's {@code $schema} (or, without one, the presence of {@code model}) picks the schema.
 */
public final class FactsValidator {

    /**
     * One violation: the file, the JSON path in it ({@code $.parameters.total}), and what is wrong.
     *
     * @param file    the file checked
     * @param path    the JSON path of the value concerned ({@code $} for the whole file)
     * @param message what is wrong
     */
    public record Violation(Path file, String path, String message) {
        @Override
        public String toString() {
            return file + ": " + path + ": " + message;
        }
    }

    /** The {@code $schema} of a dataset-facts file. */
    public static final String DATASET_SCHEMA_ID = "https://cardminer.dev/schemas/dataset-facts.schema.json";

    private final JsonSchema modelSchema;
    private final JsonSchema datasetSchema;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * A validator with the bundled schemas loaded; thread-safe once made.
     *
     * @throws UncheckedIOException when a bundled schema cannot be read
     */
    public FactsValidator() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.modelSchema = load(factory, "model-facts.schema.json");
        this.datasetSchema = load(factory, "dataset-facts.schema.json");
    }

    /** The schema's text, for {@code validate --print-schema} and docs. */
    public static String schemaText(String name) throws IOException {
        try (InputStream in = FactsValidator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no schema " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static JsonSchema load(JsonSchemaFactory factory, String name) {
        try (InputStream in = FactsValidator.class.getResourceAsStream(name)) {
            return factory.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's violations, empty when it is valid. Unreadable or malformed JSON is one located violation. */
    public List<Violation> validate(Path file) {
        JsonNode node;
        try {
            node = json.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return List.of(new Violation(file, "$", "not JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            return List.of(new Violation(file, "$", "cannot read it: " + e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            return List.of(new Violation(file, "$", "empty file"));
        }
        return validate(file, node);
    }

    /**
     * The violations of an already read file, empty when it is valid. The dataset schema applies when {@code
     * $schema} names it, or when there is no {@code $schema}, no {@code model} and a {@code dataset}; else the
     * model schema.
     */
    public List<Violation> validate(Path file, JsonNode node) {
        String declared = node.path("$schema").asText("");
        boolean dataset = declared.equals(DATASET_SCHEMA_ID) || (declared.isEmpty() && !node.has("model") && node.has("dataset"));
        List<Violation> out = new ArrayList<>();
        for (ValidationMessage m : (dataset ? datasetSchema : modelSchema).validate(node)) {
            String path = m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString();
            String message = m.getMessage();
            if (message.startsWith(path + ": ")) {
                message = message.substring(path.length() + 2);
            }
            out.add(new Violation(file, path, message));
        }
        out.sort(Comparator.comparing(Violation::path).thenComparing(Violation::message));
        return out;
    }
}
