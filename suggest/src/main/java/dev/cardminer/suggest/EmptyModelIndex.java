package dev.cardminer.suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code model-index} that names the model and holds no results ({@code - name: x} with {@code results: []}, what
 * the Trainer writes when it evaluated nothing): a key with no value, which results found in the text fill.
 */
final class EmptyModelIndex {

    private EmptyModelIndex() {
    }

    /** Whether {@code yaml} is a non-empty list of mappings none of which has a result. */
    static boolean is(Object yaml) {
        if (!(yaml instanceof List<?> entries) || entries.isEmpty()) {
            return false;
        }
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> m) || m.get("results") instanceof List<?> r && !r.isEmpty()
                    || m.get("results") != null && !(m.get("results") instanceof List<?>)) {
                return false;
            }
        }
        return true;
    }

    /** The first entry's name, or null when it has none (or it is not a string). */
    static String name(Object yaml) {
        return is(yaml) && ((Map<?, ?>) ((List<?>) yaml).get(0)).get("name") instanceof String s && !s.isBlank() ? s : null;
    }

    /**
     * The index with {@code results} in its first entry, named {@code name} when it had no name; that entry's other
     * keys and the other entries stay as they were.
     */
    static List<Object> filled(Object yaml, String name, List<Object> results) {
        List<?> entries = (List<?>) yaml;
        Map<String, Object> first = new LinkedHashMap<>();
        if (name(yaml) == null) {
            first.put("name", name);
        }
        ((Map<?, ?>) entries.get(0)).forEach((k, v) -> first.put(String.valueOf(k), v));
        if (name(yaml) == null) {
            first.put("name", name);   // a blank or non-string name is replaced where it stands
        }
        first.put("results", results);
        List<Object> out = new ArrayList<>();
        out.add(first);
        out.addAll(entries.subList(1, entries.size()));
        return out;
    }
}
