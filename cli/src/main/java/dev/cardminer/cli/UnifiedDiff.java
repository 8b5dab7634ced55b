package dev.cardminer.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line with three lines of context, as {@code diff -u} and
 * {@code git apply} read it. The common head and tail are cut first, so a metadata edit of a long
 * card compares only the few lines that changed.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Largest alignment table (lines before × lines after of the changed middle). */
    private static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    /** The diff, or the empty string when the texts are equal. */
    static String of(String before, String after, String fromName, String toName) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        if (head == a.size() && head == b.size()) {
            return "";
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        // Edit script of the middle by longest common subsequence: ' ', '-' or '+' per line.
        List<String> midA = a.subList(head, a.size() - tail);
        List<String> midB = b.subList(head, b.size() - tail);
        boolean small = (long) midA.size() * midB.size() <= MAX_CELLS;
        int[][] lcs = new int[small ? midA.size() + 1 : 1][small ? midB.size() + 1 : 1];
        for (int i = small ? midA.size() - 1 : -1; i >= 0; i--) {
            for (int j = midB.size() - 1; j >= 0; j--) {
                lcs[i][j] = midA.get(i).equals(midB.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder ops = new StringBuilder(); // ' ', '-' or '+' for each of opLines
        List<String> opLines = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.append(' ');
            opLines.add(a.get(k));
        }
        int i = 0;
        int j = 0;
        while (i < midA.size() || j < midB.size()) {
            if (!small) {
                // Too large to align: all old lines out, then all new lines in (still a correct diff).
                if (i < midA.size()) {
                    ops.append('-');
                    opLines.add(midA.get(i++));
                } else {
                    ops.append('+');
                    opLines.add(midB.get(j++));
                }
            } else if (i < midA.size() && j < midB.size() && midA.get(i).equals(midB.get(j))) {
                ops.append(' ');
                opLines.add(midA.get(i++));
                j++;
            } else if (i < midA.size() && (j == midB.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.append('-');
                opLines.add(midA.get(i++));
            } else {
                ops.append('+');
                opLines.add(midB.get(j++));
            }
        }
        for (int k = a.size() - tail; k < a.size(); k++) {
            ops.append(' ');
            opLines.add(a.get(k));
        }
        return render(ops, opLines, fromName, toName);
    }

    private static String render(CharSequence ops, List<String> lines, String fromName, String toName) {
        StringBuilder out = new StringBuilder("--- ").append(fromName).append('\n')
                .append("+++ ").append(toName).append('\n');
        int n = ops.length();
        int k = 0;
        int lineA = 1;
        int lineB = 1;
        while (k < n) {
            // Find the next change.
            int change = k;
            while (change < n && ops.charAt(change) == ' ') {
                change++;
            }
            if (change == n) {
                break;
            }
            int start = Math.max(k, change - CONTEXT);
            lineA += start - k;
            lineB += start - k;
            // Extend the hunk while changes are within 2 * CONTEXT lines of each other.
            int end = change;
            int quiet = 0;
            for (int m = change; m < n; m++) {
                if (ops.charAt(m) == ' ') {
                    quiet++;
                    if (quiet > 2 * CONTEXT) {
                        break;
                    }
                } else {
                    quiet = 0;
                    end = m;
                }
            }
            int stop = Math.min(n, end + 1 + CONTEXT);
            int countA = 0;
            int countB = 0;
            for (int m = start; m < stop; m++) {
                char op = ops.charAt(m);
                countA += op != '+' ? 1 : 0;
                countB += op != '-' ? 1 : 0;
            }
            out.append("@@ -").append(range(lineA, countA)).append(" +").append(range(lineB, countB)).append(" @@\n");
            for (int m = start; m < stop; m++) {
                String line = lines.get(m);
                out.append(ops.charAt(m)).append(line.endsWith("\n") ? line : line + "\n\\ No newline at end of file\n");
            }
            lineA += countA;
            lineB += countB;
            k = stop;
        }
        return out.toString();
    }

    private static String range(int start, int count) {
        return count == 0 ? (start - 1) + ",0" : count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** Lines with their line ends, so that a changed line end shows as a change. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }
}
