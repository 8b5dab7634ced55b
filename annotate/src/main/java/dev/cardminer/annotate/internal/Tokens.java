package dev.cardminer.annotate.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * The tokens of a text: maximal runs of letters and digits, and every other non-space char on its
 * own. Token boundaries are the word boundaries of the gazetteer matcher.
 */
public final class Tokens {

    private final String text;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] spaceBefore = new boolean[32];
    /** {@link #lowerHash} of each token of ASCII chars, made while reading it; for the others, 0. */
    private int[] asciiHash = new int[32];
    private boolean[] ascii = new boolean[32];
    private String[] lower;
    private int size;

    /** For ASCII chars: {@link #SPACE}, {@link #WORD} or 0 (punctuation), as the Character methods below say. */
    private static final byte[] ASCII = new byte[128];
    private static final byte SPACE = 1;
    private static final byte WORD = 2;

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE
                    : Character.isLetterOrDigit(c) ? WORD : 0;
        }
    }

    public Tokens(String text) {
        this.text = text;
        int i = 0;
        int n = text.length();
        boolean space = false;
        while (i < n) {
            char c = text.charAt(i);
            int cp = c < 128 ? c : text.codePointAt(i);
            if (c < 128 ? ASCII[c] == SPACE : Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = true;
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            // The lower-cased hash of an ASCII token (ASCII lower-cases char by char under Locale.ROOT), as String's.
            int hash = 0;
            boolean isAscii = c < 128;
            if (c < 128 ? ASCII[c] == WORD : Character.isLetterOrDigit(cp)) {
                while (i < n) {
                    char d = text.charAt(i);
                    if (d < 128) {
                        if (ASCII[d] != WORD) {
                            break;
                        }
                        hash = 31 * hash + (d >= 'A' && d <= 'Z' ? d + ('a' - 'A') : d);
                        i++;
                    } else {
                        int dp = text.codePointAt(i);
                        if (!Character.isLetterOrDigit(dp)) {
                            break;
                        }
                        isAscii = false;
                        i += Character.charCount(dp);
                    }
                }
            } else {
                hash = c; // punctuation: no case
                i += Character.charCount(cp);
            }
            add(start, i, space && size > 0, isAscii, isAscii ? hash : 0);
            space = false;
        }
    }

    private void add(int start, int end, boolean space, boolean isAscii, int hash) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            spaceBefore = Arrays.copyOf(spaceBefore, size * 2);
            asciiHash = Arrays.copyOf(asciiHash, size * 2);
            ascii = Arrays.copyOf(ascii, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        spaceBefore[size] = space;
        ascii[size] = isAscii;
        asciiHash[size] = hash;
        size++;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public boolean spaceBefore(int i) {
        return spaceBefore[i];
    }

    public String text(int i) {
        return text.substring(starts[i], ends[i]);
    }


    /** The token lower-cased, computed once per token (the matcher looks tokens up from every start). */
    public String lower(int i) {
        if (lower == null) {
            lower = new String[size];
        }
        String t = lower[i];
        if (t == null) {
            t = text(i).toLowerCase(Locale.ROOT);
            lower[i] = t;
        }
        return t;
    }

    /** {@code lower(i).hashCode()}; for a token of ASCII chars without making the lower-cased token. */
    public int lowerHash(int i) {
        return ascii[i] ? asciiHash[i] : lower(i).hashCode();
    }

    /** Whether {@code lower(i)} equals {@code key}, for a token of ASCII chars without making {@code lower(i)}. */
    public boolean lowerEquals(int i, String key) {
        int start = starts[i];
        int length = ends[i] - start;
        if (key.length() != length) {
            // Lower-casing keeps an ASCII token's length; other tokens are compared as strings.
            return !isAscii(i) && lower(i).equals(key);
        }
        for (int k = 0; k < length; k++) {
            char c = text.charAt(start + k);
            if (c >= 128) {
                return lower(i).equals(key);
            }
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean isAscii(int i) {
        return ascii[i];
    }

    public boolean isWord(int i) {
        return Character.isLetterOrDigit(text.codePointAt(starts[i]));
    }
}
