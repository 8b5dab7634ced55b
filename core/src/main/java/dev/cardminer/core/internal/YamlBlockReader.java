package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a metadata block's YAML with YAML 1.2 core-schema semantics into plain Java data.
 * Every failure becomes a located problem; nothing is thrown.
 */
public final class YamlBlockReader {

    /** The mapping read, or null when the block held no mapping. */
    public Map<String, Object> read(String yaml, int firstLine, List<Problem> problems) {
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
        try {
            Object data = new Load(settings).loadFromString(yaml);
            if (data == null) {
                return new LinkedHashMap<>();
            }
            if (!(data instanceof Map<?, ?> map)) {
                problems.add(Problem.error("yaml-not-mapping",
                        "metadata block should be a mapping, found a " + kind(data), firstLine, 1));
                return null;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + firstLine).orElse(firstLine);
            int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            problems.add(Problem.error("yaml-syntax", "invalid YAML: " + e.getProblem(), line, column));
            return null;
        } catch (YamlEngineException e) {
            problems.add(Problem.error("yaml-syntax", "invalid YAML: " + e.getMessage(), firstLine, 0));
            return null;
        }
    }

    private static String kind(Object data) {
        return data instanceof List ? "list" : "scalar";
    }
}
