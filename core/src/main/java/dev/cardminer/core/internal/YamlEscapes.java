package dev.cardminer.core.internal;

import java.util.Locale;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;

/**
 * The double-quoted escapes of YAML 1.2 (§5.7) that snakeyaml-engine rejects and PyYAML reads:
 * {@code \L} (U+2028), {@code \P} (U+2029) and a backslash before a tab (a tab). A real card of a
 * popular model writes {@code \L}, and the Hub reads it. The block's text is given to snakeyaml with each
 * such escape replaced by a two-character escape it knows, whose character (and escape) occur nowhere
 * else in the block, so marks keep their columns; {@link #fix} then turns that character back into
 * what the escape means in double-quoted scalars, and the escape's text back into the original text in
 * every other scalar (where a backslash is just a character).
 */
final class YamlEscapes {

    /** Escapes snakeyaml reads, with their character and the hex forms that could also give it. */
    private static final char[] SENTINELS = {'e', 'a', 'v', 'f', 'b'};
    private static final char[] SENTINEL_CHARS = {'\u001B', '\u0007', '\u000B', '\u000C', '\u0008'};

    /** The escapes snakeyaml rejects, and what they read as. */
    private static final char[] REJECTED = {'L', 'P', '\t'};
    private static final char[] MEANING = {'\u2028', '\u2029', '\t'};

    private final String text;
    /** Per rejected escape: the index of its sentinel in SENTINELS, -1 when the block has none. */
    private final int[] sentinel;

    private YamlEscapes(String text, int[] sentinel) {
        this.text = text;
        this.sentinel = sentinel;
    }

    /** The block as snakeyaml should read it. */
    String text() {
        return text;
    }

    static YamlEscapes prepare(String yaml) {
        int[] sentinel = {-1, -1, -1};
        if (!hasRejected(yaml)) {
            return new YamlEscapes(yaml, sentinel);
        }
        String lower = yaml.toLowerCase(Locale.ROOT);
        int next = 0;
        boolean[] needed = new boolean[REJECTED.length];
        for (int i = yaml.indexOf('\\'); i >= 0 && i + 1 < yaml.length(); i = yaml.indexOf('\\', i + 2)) {
            int k = rejectedIndex(yaml.charAt(i + 1));
            if (k >= 0) {
                needed[k] = true;
            }
        }
        for (int k = 0; k < REJECTED.length; k++) {
            if (!needed[k]) {
                continue;
            }
            while (next < SENTINELS.length && !unused(yaml, lower, next)) {
                next++;
            }
            if (next == SENTINELS.length) {
                return new YamlEscapes(yaml, new int[] {-1, -1, -1}); // no free escape: snakeyaml reports it
            }
            sentinel[k] = next++;
        }
        char[] out = yaml.toCharArray();
        // Left to right, a backslash pair is one unit: in "\\L" the L is not escaped.
        for (int i = 0; i + 1 < out.length; i++) {
            if (out[i] == '\\') {
                int k = rejectedIndex(out[i + 1]);
                if (k >= 0 && sentinel[k] >= 0) {
                    out[i + 1] = SENTINELS[sentinel[k]];
                }
                i++;
            }
        }
        return new YamlEscapes(new String(out), sentinel);
    }

    /** The event as the original block means it. */
    Event fix(Event e) {
        if (!(e instanceof ScalarEvent s) || (sentinel[0] < 0 && sentinel[1] < 0 && sentinel[2] < 0)) {
            return e;
        }
        String value = s.getValue();
        String fixed = value;
        for (int k = 0; k < REJECTED.length; k++) {
            if (sentinel[k] < 0) {
                continue;
            }
            if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED) {
                fixed = fixed.replace(SENTINEL_CHARS[sentinel[k]], MEANING[k]);
            } else {
                fixed = fixed.replace("\\" + SENTINELS[sentinel[k]], "\\" + REJECTED[k]);
            }
        }
        if (fixed.equals(value)) {
            return e;
        }
        return new ScalarEvent(s.getAnchor(), s.getTag(), s.getImplicit(), fixed, s.getScalarStyle(),
                s.getStartMark(), s.getEndMark());
    }

    private static boolean hasRejected(String yaml) {
        for (int i = yaml.indexOf('\\'); i >= 0 && i + 1 < yaml.length(); i = yaml.indexOf('\\', i + 1)) {
            if (rejectedIndex(yaml.charAt(i + 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int rejectedIndex(char c) {
        for (int k = 0; k < REJECTED.length; k++) {
            if (REJECTED[k] == c) {
                return k;
            }
        }
        return -1;
    }

    /** Whether neither the escape nor its character (raw or as a hex escape) occurs in the block. */
    private static boolean unused(String yaml, String lower, int n) {
        char c = SENTINEL_CHARS[n];
        String hex = String.format("%02x", (int) c);
        return !yaml.contains("\\" + SENTINELS[n]) && yaml.indexOf(c) < 0 && !lower.contains("\\x" + hex)
                && !lower.contains("\\u00" + hex) && !lower.contains("\\u000000" + hex);
    }
}
