package dev.cardminer.annotate.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds gazetteer phrases in text: a trie over lower-cased tokens, walked from every token, keeping
 * the longest phrase whose case rule the surface satisfies. Cost is linear in the tokens times the
 * longest phrase, whatever the number of phrases.
 */
public final class PhraseMatcher {

    /** A phrase of a gazetteer. {@code exact}: the surface must have the form's case. */
    public record Entry(String form, String canonical, String category, boolean exact, boolean needsValue,
                        boolean needsVersion) {
    }

    /** A match: tokens [firstToken, endToken), chars [start, end), and the entries it satisfies. */
    public record Match(int firstToken, int endToken, int start, int end, List<Entry> entries) {
    }

    private static final class Node {
        Map<String, Node> next;
        List<Entry> entries;
    }

    private final Node root = new Node();
    private int phrases;

    public void add(Entry entry) {
        Tokens tokens = new Tokens(entry.form());
        if (tokens.size() == 0) {
            return;
        }
        Node node = root;
        for (int i = 0; i < tokens.size(); i++) {
            String key = tokens.key(i, i == 0);
            if (node.next == null) {
                node.next = new HashMap<>(4);
            }
            node = node.next.computeIfAbsent(key, k -> new Node());
        }
        if (node.entries == null) {
            node.entries = new ArrayList<>(1);
        }
        for (Entry e : node.entries) {
            if (e.category().equals(entry.category()) && e.form().equals(entry.form())) {
                return;
            }
        }
        node.entries.add(entry);
        phrases++;
    }

    public int size() {
        return phrases;
    }

    /** The longest phrase starting at each token, leftmost first, without overlaps. */
    public List<Match> find(String text, Tokens tokens) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match best = longestAt(text, tokens, i);
            if (best == null) {
                i++;
            } else {
                out.add(best);
                i = best.endToken();
            }
        }
        return out;
    }

    private Match longestAt(String text, Tokens tokens, int first) {
        Node node = root;
        Match best = null;
        for (int j = first; j < tokens.size(); j++) {
            if (node.next == null) {
                break;
            }
            node = node.next.get(tokens.key(j, j == first));
            if (node == null) {
                break;
            }
            if (node.entries != null) {
                String surface = text.substring(tokens.start(first), tokens.end(j));
                List<Entry> ok = new ArrayList<>(node.entries.size());
                for (Entry e : node.entries) {
                    if (!e.exact() || sameForm(surface, e.form())) {
                        ok.add(e);
                    }
                }
                if (!ok.isEmpty()) {
                    best = new Match(first, j + 1, tokens.start(first), tokens.end(j), ok);
                }
            }
        }
        return best;
    }

    private static boolean sameForm(String surface, String form) {
        if (surface.equals(form)) {
            return true;
        }
        return surface.replaceAll("\\s+", " ").equals(form.replaceAll("\\s+", " "));
    }
}
