package dev.cardminer.core.internal;

import dev.cardminer.core.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Records problems about values of one metadata block, located at the value's key or item. */
final class ValueProblems {

    private final Map<String, Object> mapping;
    private final YamlLocations locations;
    private final List<Problem> problems;

    ValueProblems(Map<String, Object> mapping, YamlLocations locations, List<Problem> problems) {
        this.mapping = mapping;
        this.locations = locations;
        this.problems = problems;
    }

    /** @param path String keys and Integer indexes from the top-level mapping */
    void add(Problem.Severity severity, String code, String message, Object... path) {
        YamlLocations.Location at = locations.locate(mapping, Arrays.asList(path));
        problems.add(new Problem(severity, code, message, at.line(), at.column(), format(path)));
    }

    void warning(String code, String message, Object... path) {
        add(Problem.Severity.WARNING, code, message, path);
    }

    /** {@code model-index[0].results[1].dataset} */
    static String format(Object... path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(step);
            }
        }
        return sb.toString();
    }

    /** How a value is named in messages: its type, and the value itself when it is short. */
    static String describe(Object v) {
        if (v == null) {
            return "empty";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (v instanceof Number n) {
            return "the number " + n;
        }
        return MessageValues.quote(v.toString());
    }
}
