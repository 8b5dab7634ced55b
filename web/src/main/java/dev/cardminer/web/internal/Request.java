package dev.cardminer.web.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A GET request's path and query parameters (decoded), and the way back to URLs (encoded). */
record Request(String path, Map<String, List<String>> params) {

    static Request of(URI uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Request(uri.getPath() == null ? "/" : uri.getPath(), params);
    }

    /** The parameter's first value, trimmed; null when absent or blank. */
    String param(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
    }

    /** The parameter's first value as given (not trimmed); null when absent. */
    String raw(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** An integer parameter held to [min, max] (digits beyond int's range too); the fallback when absent or not a number. */
    int intParam(String name, int fallback, int min, int max) {
        String v = param(name);
        if (v == null || !v.matches("[-+]?[0-9]+")) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return v.startsWith("-") ? min : max;
        }
    }

    Double doubleParam(String name) {
        String v = param(name);
        try {
            return v == null ? null : Double.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A path with query parameters given as name, value pairs (null values left out). */
    static String url(String path, String... pairs) {
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            out.append(sep).append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
            sep = '&';
        }
        return out.toString();
    }

    /**
     * The card's page: each segment of the id encoded, the slash between org and name kept. An id with a
     * {@code .} or {@code ..} segment goes in the query instead ({@code /card?id=}): browsers and curl resolve
     * such segments away, also when their dots are percent-encoded (the URL standard reads {@code %2e} as a dot).
     */
    static String cardUrl(String id) {
        if (!pathCanCarry(id)) {
            return url(CARD_BY_QUERY, "id", id);
        }
        StringBuilder out = new StringBuilder("/cards");
        for (String segment : id.split("/", -1)) {
            out.append('/').append(encode(segment).replace("+", "%20"));
        }
        return out.toString();
    }

    /** The address of a card given by its id in the query, for ids that a path cannot carry. */
    static final String CARD_BY_QUERY = "/card";

    /** Whether {@code /cards/{id}} reaches the card: no empty id and no segment that URL resolution removes. */
    static boolean pathCanCarry(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (String segment : id.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** This request with some parameters replaced (null removes one). */
    String with(String... pairs) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            next.remove(pairs[i]);
            if (pairs[i + 1] != null) {
                next.put(pairs[i], List.of(pairs[i + 1]));
            }
        }
        List<String> flat = new ArrayList<>();
        next.forEach((k, vs) -> vs.forEach(v -> {
            flat.add(k);
            flat.add(v);
        }));
        return url(path, flat.toArray(String[]::new));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
