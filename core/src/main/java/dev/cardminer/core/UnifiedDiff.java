package dev.cardminer.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line with three lines of context, as {@code diff -u} and Git write it.
 * The common head and tail are cut first, so a metadata edit costs little however long the body. Used by
 * {@code edit} and by suggest's patches, so both write the same diffs.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final int MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after} under the name {@code path}; empty when they are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            ops.add(new Op(' ', a.get(i)));
        }
        ops.addAll(middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail)));
        for (int i = a.size() - tail; i < a.size(); i++) {
            ops.add(new Op(' ', a.get(i)));
        }
        return "--- a/" + path + "\n+++ b/" + path + "\n" + hunks(ops);
    }

    private record Op(char kind, String line) {
    }

    private static List<Op> middle(List<String> a, List<String> b) {
        List<Op> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(l -> out.add(new Op('-', l)));
            b.forEach(l -> out.add(new Op('+', l)));
            return out;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add(new Op(' ', a.get(i++)));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Op('-', a.get(i++)));
            } else {
                out.add(new Op('+', b.get(j++)));
            }
        }
        return out;
    }

    private static String hunks(List<Op> ops) {
        StringBuilder sb = new StringBuilder();
        int n = ops.size();
        int k = 0;
        while (k < n) {
            while (k < n && ops.get(k).kind() == ' ') {
                k++;
            }
            if (k == n) {
                break;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < n) {
                if (ops.get(end).kind() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(n, lastChange + CONTEXT + 1);
            int oldStart = 1;
            int newStart = 1;
            for (int i = 0; i < start; i++) {
                if (ops.get(i).kind() != '+') {
                    oldStart++;
                }
                if (ops.get(i).kind() != '-') {
                    newStart++;
                }
            }
            int oldCount = 0;
            int newCount = 0;
            StringBuilder body = new StringBuilder();
            for (int i = start; i < end; i++) {
                Op op = ops.get(i);
                if (op.kind() != '+') {
                    oldCount++;
                }
                if (op.kind() != '-') {
                    newCount++;
                }
                body.append(op.kind()).append(op.line());
                if (!op.line().endsWith("\n")) {
                    body.append("\n\\ No newline at end of file\n");
                }
            }
            sb.append("@@ -").append(range(oldCount == 0 ? oldStart - 1 : oldStart, oldCount))
                    .append(" +").append(range(newCount == 0 ? newStart - 1 : newStart, newCount)).append(" @@\n")
                    .append(body);
            k = end;
        }
        return sb.toString();
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** The lines with their line ends. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int nl = s.indexOf('\n', from);
            int to = nl < 0 ? s.length() : nl + 1;
            out.add(s.substring(from, to));
            from = to;
        }
        return out;
    }
}
