package dev.cardminer.annotate.internal;

import java.util.ArrayList;
import java.util.List;

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

    /** A trie node: children by lower-cased token, apart for tokens that follow a space (" voice"). */
    private static final class Node {
        Children next;
        Children spaced;
        List<Entry> entries;

        Node child(Tokens tokens, int i, boolean first) {
            Children m = !first && tokens.spaceBefore(i) ? spaced : next;
            return m == null ? null : m.get(tokens, i);
        }

        Node addChild(Tokens tokens, int i, boolean first) {
            boolean space = !first && tokens.spaceBefore(i);
            Children m = space ? spaced : next;
            if (m == null) {
                m = new Children();
                if (space) {
                    spaced = m;
                } else {
                    next = m;
                }
            }
            return m.getOrAdd(tokens.lower(i));
        }
    }

    /**
     * A node's children by lower-cased token, in an open-addressing table looked up with a token of the
     * text: by its lower-cased hash and chars ({@link Tokens#lowerHash}, {@link Tokens#lowerEquals}), so that
     * a token of ASCII chars is looked up without making its lower-cased string.
     */
    private static final class Children {
        private String[] keys = new String[4];
        private Node[] nodes = new Node[4];
        private int size;

        Node get(Tokens tokens, int i) {
            int h = tokens.lowerHash(i);
            int mask = keys.length - 1;
            for (int k = spread(h) & mask; keys[k] != null; k = (k + 1) & mask) {
                if (keys[k].hashCode() == h && tokens.lowerEquals(i, keys[k])) {
                    return nodes[k];
                }
            }
            return null;
        }

        Node getOrAdd(String key) {
            int mask = keys.length - 1;
            int k = spread(key.hashCode()) & mask;
            for (; keys[k] != null; k = (k + 1) & mask) {
                if (keys[k].equals(key)) {
                    return nodes[k];
                }
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                return getOrAdd(key);
            }
            keys[k] = key;
            nodes[k] = new Node();
            size++;
            return nodes[k];
        }

        private void grow() {
            String[] oldKeys = keys;
            Node[] oldNodes = nodes;
            keys = new String[oldKeys.length * 2];
            nodes = new Node[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int k = spread(oldKeys[j].hashCode()) & mask;
                    while (keys[k] != null) {
                        k = (k + 1) & mask;
                    }
                    keys[k] = oldKeys[j];
                    nodes[k] = oldNodes[j];
                }
            }
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
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
            node = node.addChild(tokens, i, i == 0);
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
            node = node.child(tokens, j, j == first);
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

    /** Equal once every run of whitespace ({@code \s}: space, tab, line breaks) counts as one space. */
    static boolean sameForm(String surface, String form) {
        if (surface.equals(form)) {
            return true;
        }
        int i = 0;
        int j = 0;
        while (i < surface.length() && j < form.length()) {
            boolean a = isSpace(surface.charAt(i));
            boolean b = isSpace(form.charAt(j));
            if (a != b) {
                return false;
            }
            if (a) {
                while (i < surface.length() && isSpace(surface.charAt(i))) {
                    i++;
                }
                while (j < form.length() && isSpace(form.charAt(j))) {
                    j++;
                }
            } else if (surface.charAt(i++) != form.charAt(j++)) {
                return false;
            }
        }
        return i == surface.length() && j == form.length();
    }

    /** The chars of {@code \s} in a Java regex without UNICODE_CHARACTER_CLASS. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
