package dev.cardminer.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What {@code collect} found about one model: the JSON of its facts file (see docs/facts.md and
 * {@code model-facts.schema.json}) and the problems met on the way, each one line.
 *
 * @param model    the model's id, as the Hub gave it
 * @param sha      the commit the facts describe, or null when the Hub did not say
 * @param json     the facts file's JSON
 * @param problems what failed on the way, one line each ({@code config.json: not a JSON object}); empty when
 *                 nothing did
 */
public record ModelFacts(String model, String sha, JsonNode json, List<String> problems) {

    /** Copies the JSON and the problems. */
    public ModelFacts {
        json = json.deepCopy();
        problems = List.copyOf(problems);
    }

    /** A copy of the facts JSON: the record stays immutable. */
    @Override
    public JsonNode json() {
        return json.deepCopy();
    }

    /** {@code org/name} → {@code org_name.json}, the file name {@code collect --out} writes. */
    public static String fileName(String model) {
        return model.replace('/', '_').replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }
}
