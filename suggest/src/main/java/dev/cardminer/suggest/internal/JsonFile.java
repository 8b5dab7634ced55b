package dev.cardminer.suggest.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repo's JSON file (config.json, adapter_config.json) read as a tree, with where each top-level value and each item
 * of a top-level array is written, so that a suggestion can quote the line it was read from.
 */
final class JsonFile {

    /** A 1-based line and column. */
    record At(int line, int column) {
    }

    /** The file is no JSON object; located where the reader stopped (0 when nowhere in particular). */
    static final class Invalid extends Exception {
        final int line;
        final int column;

        Invalid(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final JsonNode root;
    private final Map<String, At> values;
    private final Map<String, List<At>> items;

    private JsonFile(JsonNode root, Map<String, At> values, Map<String, List<At>> items) {
        this.root = root;
        this.values = values;
        this.items = items;
    }

    static JsonFile parse(String text) throws Invalid {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Invalid("not valid JSON: " + e.getOriginalMessage(), at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("not a JSON object", 1, 1);
        }
        Map<String, At> values = new HashMap<>();
        Map<String, List<At>> items = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            p.nextToken();   // the object's start: the tree above proved it is one
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                values.putIfAbsent(name, at(p));
                if (value == JsonToken.START_ARRAY) {
                    List<At> list = new ArrayList<>();
                    for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                        list.add(at(p));
                        p.skipChildren();
                    }
                    items.putIfAbsent(name, list);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {   // read whole just above: cannot happen, but a location is then simply unknown
        }
        return new JsonFile(root, values, items);
    }

    private static At at(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new At(l.getLineNr(), l.getColumnNr());
    }

    JsonNode root() {
        return root;
    }

    /** Where the top-level {@code key}'s value starts, or null. */
    At value(String key) {
        return values.get(key);
    }

    /** Where the {@code index}-th item of the top-level array {@code key} starts, or null. */
    At item(String key, int index) {
        List<At> list = items.get(key);
        return list == null || index >= list.size() ? null : list.get(index);
    }
}
