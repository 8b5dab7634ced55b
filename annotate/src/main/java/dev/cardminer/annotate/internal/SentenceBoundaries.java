package dev.cardminer.annotate.internal;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sentence boundaries of plain text: the JDK's {@link BreakIterator} (Locale.ROOT), then joins where
 * it cut after an abbreviation ("e.g.", "i.e.", "et al.", "Fig.") or inside a number or version.
 */
public final class SentenceBoundaries {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g.", "i.e.", "etc.", "vs.", "cf.", "al.", "fig.", "figs.", "eq.", "approx.", "no.", "nos.", "dr.",
            "mr.", "mrs.", "ms.", "prof.", "inc.", "ltd.", "co.", "corp.", "jr.", "sr.", "st.", "vol.", "pp.",
            "p.", "ca.", "resp.", "incl.", "sec.", "ch.", "u.s.", "e.t.c.", "viz.", "ver.", "v.");

    /** One iterator per instance: creating one costs more than using it. Instances are not thread-safe. */
    private final BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);

    /** [start, end) ranges of the sentences of {@code text}, trimmed, blank ones left out. */
    public List<int[]> split(String text) {
        if (oneSentence(text)) {
            // No char that can end a sentence: the iterator would find one, the whole text (a list item, a title).
            int[] whole = trim(text, 0, text.length());
            return whole[0] < whole[1] ? List.of(whole) : List.of();
        }
        return splitWithIterator(text);
    }

    /** [a, b) of {@code s} without the whitespace ({@link Character#isWhitespace}) at either end. */
    static int[] trim(CharSequence s, int from, int to) {
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(s.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        return new int[] {a, b};
    }

    /**
     * Printable ASCII whose terminators ('.', '!', '?') are each a '.' right before a lower-case letter or digit
     * ("v1.0", "e.g", "huggingface.co") or in the run of terminators, then spaces, that ends it ("Hello world.", "Why?! "):
     * the sentence iterator breaks only after a terminator that spaces, an upper-case letter or the end follow,
     * and after line and paragraph separators, none of which such a text has inside it. Most paragraphs, list
     * items and titles are such texts, and the iterator costs more than this scan.
     */
    static boolean oneSentence(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
            if (c == '.' || c == '!' || c == '?') {
                char next = i + 1 < n ? text.charAt(i + 1) : ' ';
                if (c == '.' && (next >= 'a' && next <= 'z' || next >= '0' && next <= '9')) {
                    continue;
                }
                return terminatorsThenSpaces(text, i + 1);
            }
        }
        return true;
    }

    /** From {@code from} on, terminators, then spaces, then the end ("?! ", "..."; not ". ." or ". a"). */
    private static boolean terminatorsThenSpaces(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n && (text.charAt(i) == '.' || text.charAt(i) == '!' || text.charAt(i) == '?')) {
            i++;
        }
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        return i == n;
    }

    /** {@link #split} by the iterator alone. */
    List<int[]> splitWithIterator(String text) {
        it.setText(text);
        List<int[]> raw = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            raw.add(new int[] {start, end});
        }
        List<int[]> joined = new ArrayList<>();
        for (int[] r : raw) {
            if (!joined.isEmpty() && shouldJoin(text, joined.getLast(), r)) {
                joined.getLast()[1] = r[1];
            } else {
                joined.add(r);
            }
        }
        List<int[]> out = new ArrayList<>(joined.size());
        for (int[] r : joined) {
            int[] t = trim(text, r[0], r[1]);
            if (t[0] < t[1]) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean shouldJoin(String text, int[] previous, int[] next) {
        String prev = text.substring(previous[0], previous[1]).stripTrailing();
        if (prev.isEmpty()) {
            return true;
        }
        String following = text.substring(next[0], next[1]).stripLeading();
        if (following.isEmpty()) {
            return true;
        }
        int space = Math.max(prev.lastIndexOf(' '), prev.lastIndexOf('('));
        String lastWord = prev.substring(space + 1).toLowerCase(Locale.ROOT);
        if (lastWord.isEmpty()) {
            return false;   // the piece ends with '(' (a cut at a paragraph separator after it): no word to look at
        }
        if (ABBREVIATIONS.contains(lastWord)) {
            return true;
        }
        // Initials ("J. Smith") and a piece that is only a number ("1.") do not end a sentence.
        char c = lastWord.charAt(0);
        if (lastWord.length() == 2 && lastWord.endsWith(".")
                && (Character.isUpperCase(prev.charAt(space + 1)) || Character.isDigit(c) && space < 0)) {
            return true;
        }
        // A cut that the next piece continues in lower case ("approx. the", "v1. 0").
        char first = following.charAt(0);
        return Character.isLowerCase(first) && prev.endsWith(".") && !prev.endsWith("..");
    }
}
