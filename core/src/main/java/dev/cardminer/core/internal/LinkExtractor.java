package dev.cardminer.core.internal;

import dev.cardminer.core.Link;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Finds references to Hub repos, arXiv papers and GitHub repositories in a card body without
 * regular expressions: a few forward passes jump with {@link String#indexOf} to where a host name
 * can end ({@code .co/}, {@code .com}, {@code .org/}), to colons (for {@code arXiv:}) and to Markdown
 * link destinations ({@code ](}); every look-around from there is bounded, so the time is linear in
 * the body length whatever the input.
 *
 * <p>Every occurrence is reported with its place in the card file, except that a reference in the
 * text of a Markdown link whose destination is the same reference ({@code [arXiv:2106.09685](https://arxiv.org/abs/2106.09685)})
 * is reported once, at the destination. docs/links.md has the rules.
 */
final class LinkExtractor {

    /** URLs longer than this are cut: no real reference needs more, and it bounds every look-ahead. */
    private static final int MAX_URL = 2048;
    private static final int MAX_NAME = 96;
    private static final int MAX_LINK_TEXT = 512;

    /** First path segments of huggingface.co that are no repository. */
    private static final Set<String> HUB_RESERVED = Set.of(
            "docs", "blog", "models", "join", "login", "logout", "settings", "pricing", "learn", "course", "tasks",
            "organizations", "new", "new-space", "new-dataset", "posts", "collections", "api", "chat", "enterprise",
            "welcome", "terms-of-service", "privacy", "search", "inference-api", "inference-endpoints", "autotrain",
            "front", "transformers", "metrics", "competitions", "storage", "support", "hub", "notifications",
            "spaces", "datasets", "papers", "huggingchat", "changelog", "jobs", "brand", "billing", "oauth", "static",
            "avatars", "coreml", "join-community", "exbert");

    /** Repository sub-paths: after one of these the repo name has ended. */
    private static final Set<String> REPO_SUBPATHS = Set.of(
            "resolve", "blob", "tree", "raw", "commit", "commits", "discussions", "edit", "blame", "viewer",
            "files", "settings", "community", "discussion");

    /**
     * First path segments of github.com that are no user or organisation. "orgs" would be followed by
     * an organisation name, not a repository.
     */
    private static final Set<String> GITHUB_RESERVED = Set.of(
            "orgs", "sponsors", "features", "marketplace", "topics", "about", "login", "logout", "settings",
            "pricing", "apps", "collections", "explore", "enterprise", "issues", "pulls", "notifications", "new",
            "search", "trending", "site", "security", "customer-stories", "readme", "team", "codespaces", "join",
            "contact", "events", "users", "signup", "organizations", "account", "dashboard", "stars", "watching");

    /**
     * The model families the Hub kept without a namespace before 2024 ("huggingface.co/bert-base-uncased"):
     * a single path segment is such a model when it is one of these or starts with one of them and a
     * hyphen; otherwise it is a user or organisation page and no reference.
     */
    private static final List<String> LEGACY_MODEL_FAMILIES = List.of(
            "albert", "bart", "bert", "camembert", "ctrl", "distilbert", "distilgpt2", "distilroberta", "gpt2",
            "openai-gpt", "roberta", "t5", "transfo-xl", "xlm", "xlm-roberta", "xlnet");

    private record Found(Link.Kind kind, String target, int start, int end) {
    }

    private final List<Found> found = new ArrayList<>();
    // Markdown links with a destination: position of "]", destination start, destination end (flattened).
    private int[] spans = new int[48];
    private int spanCount;

    /** Not thread-safe: the analyzer creates one per body. */
    LinkExtractor() {
    }

    List<Link> extract(String body, LineIndex lines, int bodyOffset) {
        found.clear();
        spanCount = 0;
        // Each pass jumps between occurrences with String.indexOf, which the JVM vectorises.
        hosts(body, ".co/");
        hosts(body, ".com");
        hosts(body, ".org/");
        arxivTexts(body);
        linkDestinations(body);
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        boolean[] dropped = dropLinkTextDuplicates(body);
        List<Link> links = new ArrayList<>(found.size());
        for (int k = 0; k < found.size(); k++) {
            if (dropped == null || !dropped[k]) {
                Found f = found.get(k);
                int at = bodyOffset + f.start;
                links.add(new Link(f.kind, f.target, body.substring(f.start, f.end), lines.line(at), lines.column(at)));
            }
        }
        return links;
    }

    private void hosts(String s, String tld) {
        int at = s.indexOf(tld);
        while (at >= 0) {
            int next = hostAt(s, at);
            at = s.indexOf(tld, Math.max(next, at + 1));
        }
    }

    private void arxivTexts(String s) {
        int at = s.indexOf(':');
        while (at >= 0) {
            int next = at >= 5 && (s.charAt(at - 1) | 0x20) == 'v' ? arxivTextAt(s, at) : -1;
            at = s.indexOf(':', Math.max(next, at + 1));
        }
    }

    /**
     * Records each Markdown link destination ({@code ](...)}) for the duplicate rule and reads a
     * site-absolute destination ({@code /org/name}, which the Hub resolves against huggingface.co).
     */
    private void linkDestinations(String s) {
        int n = s.length();
        int at = s.indexOf("](");
        while (at >= 0) {
            int destStart = at + 2;
            int limit = Math.min(n, destStart + MAX_URL);
            int destEnd = destStart;
            while (destEnd < limit && s.charAt(destEnd) != ')' && !Character.isWhitespace(s.charAt(destEnd))) {
                destEnd++;
            }
            if (spanCount * 3 == spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[spanCount * 3] = at;
            spans[spanCount * 3 + 1] = destStart;
            spans[spanCount * 3 + 2] = destEnd;
            spanCount++;
            if (destStart + 1 < destEnd && s.charAt(destStart) == '/' && s.charAt(destStart + 1) != '/') {
                hubPath(s, destStart, destStart + 1, trimUrlEnd(s, destStart, destEnd));
            }
            at = s.indexOf("](", destStart);
        }
    }

    /** At a '.', a host name ending here; returns the end of the URL consumed, or -1. */
    private int hostAt(String s, int dot) {
        int n = s.length();
        if (dot + 4 >= n) {
            return -1;
        }
        char t = s.charAt(dot + 1);
        if (t != 'c' && t != 'C' && t != 'o' && t != 'O') {
            return -1;
        }
        int labelStart = dot;
        while (labelStart > 0 && dot - labelStart < 12 && isHostChar(s.charAt(labelStart - 1))) {
            labelStart--;
        }
        int labelLength = dot - labelStart;
        Link.Kind site; // MODEL stands for any Hub reference here; hubPath tells models, datasets and spaces apart
        int pathStart;
        if (labelLength == 11 && s.regionMatches(true, labelStart, "huggingface", 0, 11)
                || labelLength == 2 && s.regionMatches(true, labelStart, "hf", 0, 2)) {
            if (!s.regionMatches(true, dot + 1, "co/", 0, 3)) {
                return -1;
            }
            site = Link.Kind.MODEL;
            pathStart = dot + 4;
        } else if (labelLength == 6 && s.regionMatches(true, labelStart, "github", 0, 6)) {
            if (dot + 5 >= n || !s.regionMatches(true, dot + 1, "com", 0, 3)) {
                return -1;
            }
            boolean ssh = labelStart >= 4 && s.startsWith("git@", labelStart - 4)
                    && (labelStart == 4 || !isHostChar(s.charAt(labelStart - 5)));
            char separator = s.charAt(dot + 4);
            if (separator == '/' && !ssh || separator == ':' && ssh) {
                int start = ssh ? labelStart - 4 : urlStart(s, labelStart);
                if (start < 0) {
                    return -1;
                }
                int end = urlEnd(s, dot + 5);
                githubPath(s, start, dot + 5, end);
                return Math.max(end, dot + 1);
            }
            return -1;
        } else if (labelLength == 5 && s.regionMatches(true, labelStart, "arxiv", 0, 5)) {
            if (dot + 5 >= n || !s.regionMatches(true, dot + 1, "org/", 0, 4)) {
                return -1;
            }
            site = Link.Kind.ARXIV;
            pathStart = dot + 5;
        } else {
            return -1;
        }
        int start = urlStart(s, labelStart);
        if (start < 0) {
            return -1; // a subdomain such as cdn-uploads.huggingface.co, or part of a longer word
        }
        int end = urlEnd(s, pathStart);
        if (site == Link.Kind.MODEL) {
            hubPath(s, start, pathStart, end);
        } else {
            arxivPath(s, start, pathStart, end);
        }
        return Math.max(end, dot + 1);
    }

    /**
     * Where the URL around a host label begins: the label, or "www." before it, or a scheme before
     * that. Returns -1 when the label is part of a longer host or word.
     */
    private static int urlStart(String s, int labelStart) {
        int start = labelStart;
        if (start >= 4 && s.regionMatches(true, start - 4, "www.", 0, 4)) {
            start -= 4;
        }
        if (start > 0) {
            char before = s.charAt(start - 1);
            if (isHostChar(before) || before == '.' || before == '@') {
                return -1;
            }
        }
        if (start >= 3 && s.startsWith("://", start - 3)) {
            int scheme = start - 3;
            while (scheme > 0 && start - 3 - scheme < 5 && isAsciiLetter(s.charAt(scheme - 1))) {
                scheme--;
            }
            if (scheme < start - 3) {
                start = scheme;
            }
        }
        return start;
    }

    /** The end of a URL whose path starts at {@code from}: the first delimiter, trailing punctuation left out. */
    private static int urlEnd(String s, int from) {
        int limit = Math.min(s.length(), from + MAX_URL);
        int end = from;
        while (end < limit && !isUrlDelimiter(s.charAt(end))) {
            end++;
        }
        return trimUrlEnd(s, from, end);
    }

    private static int trimUrlEnd(String s, int from, int end) {
        while (end > from && ".,;:!?'".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean isUrlDelimiter(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\r', '\f', '<', '>', '"', '\'', '`', '(', ')', '[', ']', '{', '}', '|', '*', '\\', '^' -> true;
            default -> Character.isWhitespace(c) || Character.isSpaceChar(c);
        };
    }

    /** A Hub path: {@code org/name}, {@code datasets/[org/]name}, {@code spaces/org/name}, {@code papers/<arXiv id>}. */
    private void hubPath(String s, int start, int pathStart, int end) {
        int[] seg = segments(s, pathStart, end, 3);
        if (seg[0] < 0) {
            return;
        }
        String first = s.substring(seg[0], seg[1]);
        String lower = first.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "datasets" -> {
                if (isName(s, seg[2], seg[3])) {
                    boolean owner = isName(s, seg[4], seg[5]) && !isSubpath(s, seg[4], seg[5]);
                    found.add(new Found(Link.Kind.DATASET, s.substring(seg[2], owner ? seg[5] : seg[3]), start, end));
                }
            }
            case "spaces" -> {
                if (isName(s, seg[2], seg[3]) && isName(s, seg[4], seg[5]) && !isSubpath(s, seg[4], seg[5])) {
                    found.add(new Found(Link.Kind.SPACE, s.substring(seg[2], seg[5]), start, end));
                }
            }
            case "papers" -> {
                if (seg[2] >= 0) {
                    String id = arxivId(s, seg[2], seg[3]);
                    if (id != null) {
                        found.add(new Found(Link.Kind.ARXIV, id, start, end));
                    }
                }
            }
            default -> {
                if (HUB_RESERVED.contains(lower) || !isName(s, seg[0], seg[1])) {
                    return;
                }
                if (isName(s, seg[2], seg[3]) && !isSubpath(s, seg[2], seg[3])) {
                    found.add(new Found(Link.Kind.MODEL, s.substring(seg[0], seg[3]), start, end));
                } else if (seg[2] >= 0 && isSubpath(s, seg[2], seg[3]) || isLegacyModel(first)) {
                    found.add(new Found(Link.Kind.MODEL, first, start, end));
                }
            }
        }
    }

    /**
     * {@code github.com/owner/repo[...]} or {@code git@github.com:owner/repo.git}: the target is
     * {@code owner/repo} without ".git" or what follows the name ("repo.git@v2.1" in a pip URL).
     */
    private void githubPath(String s, int start, int pathStart, int end) {
        int[] seg = segments(s, pathStart, end, 2);
        if (seg[2] >= 0) {
            seg[3] = nameEnd(s, seg[2], seg[3]);
        }
        if (!isName(s, seg[0], seg[1]) || !isName(s, seg[2], seg[3])
                || GITHUB_RESERVED.contains(s.substring(seg[0], seg[1]).toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        int repoEnd = seg[3];
        if (repoEnd - seg[2] > 4 && s.regionMatches(true, repoEnd - 4, ".git", 0, 4)) {
            repoEnd -= 4;
        }
        found.add(new Found(Link.Kind.GITHUB, s.substring(seg[0], repoEnd), start, end));
    }

    /** {@code arxiv.org/abs|pdf|html/<id>}. */
    private void arxivPath(String s, int start, int pathStart, int end) {
        int[] seg = segments(s, pathStart, end, 1);
        if (seg[0] < 0 || seg[2] < 0) {
            return;
        }
        String kind = s.substring(seg[0], seg[1]).toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("abs") && !kind.equals("pdf") && !kind.equals("html")) {
            return;
        }
        // Old-style ids have a slash of their own: hep-th/9901001.
        String id = arxivId(s, seg[2], end);
        if (id != null) {
            found.add(new Found(Link.Kind.ARXIV, id, start, end));
        }
    }

    /** At a ':', the text "arXiv:2106.09685" (any case, optional blanks after the colon); returns its end or -1. */
    private int arxivTextAt(String s, int colon) {
        int labelStart = colon - 5;
        if (labelStart < 0 || !s.regionMatches(true, labelStart, "arxiv", 0, 5)
                || labelStart > 0 && isHostChar(s.charAt(labelStart - 1))) {
            return -1;
        }
        int p = colon + 1;
        while (p < s.length() && p - colon <= 2 && s.charAt(p) == ' ') {
            p++;
        }
        int limit = Math.min(s.length(), p + 40);
        int end = p;
        while (end < limit && (isHostChar(s.charAt(end)) || s.charAt(end) == '.' || s.charAt(end) == '/')) {
            end++;
        }
        String id = arxivId(s, p, end);
        if (id == null) {
            return -1;
        }
        int idEnd = p + idLength(s, p, end);
        found.add(new Found(Link.Kind.ARXIV, id, labelStart, idEnd));
        return idEnd;
    }

    /**
     * The arXiv id at the start of {@code s[from, to)} without its version: "2106.09685" for
     * "2106.09685v2.pdf", "hep-th/9901001" for the old scheme; null when there is none.
     */
    static String arxivId(String s, int from, int to) {
        int len = idLength(s, from, to);
        if (len <= 0) {
            return null;
        }
        String id = s.substring(from, from + len);
        int v = id.lastIndexOf('v');
        if (v > 0 && Character.isDigit(id.charAt(v - 1)) && v + 1 < id.length()) {
            id = id.substring(0, v);
        }
        return id;
    }

    /** Length of the arXiv id (version included) at {@code from}, or -1. */
    private static int idLength(String s, int from, int to) {
        int p = from;
        int digits = countDigits(s, p, to);
        if (digits == 4 && p + 4 < to && s.charAt(p + 4) == '.') {
            int tail = countDigits(s, p + 5, to);
            if (tail != 4 && tail != 5) {
                return -1;
            }
            p += 5 + tail;
        } else {
            // Old scheme: archive[.SUBJ]/YYMMNNN
            int q = p;
            while (q < to && (isAsciiLetter(s.charAt(q)) || s.charAt(q) == '-' || s.charAt(q) == '.')) {
                q++;
            }
            if (q == p || q >= to || s.charAt(q) != '/' || countDigits(s, q + 1, to) != 7) {
                return -1;
            }
            p = q + 8;
        }
        if (p < to && s.charAt(p) == 'v') {
            int v = countDigits(s, p + 1, to);
            if (v > 0) {
                p += 1 + v;
            }
        }
        if (p < to && Character.isLetterOrDigit(s.charAt(p))) {
            return -1; // "2106.096851" is no id
        }
        return p - from;
    }

    private static int countDigits(String s, int from, int to) {
        int p = from;
        while (p < to && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            p++;
        }
        return p - from;
    }

    /**
     * Up to {@code count + 1} path segments of {@code s[from, end)} as start/end pairs, -1 where
     * missing; the path stops at '?' or '#'.
     */
    private static int[] segments(String s, int from, int end, int count) {
        int[] seg = new int[(count + 1) * 2];
        Arrays.fill(seg, -1);
        int p = from;
        for (int k = 0; k <= count && p < end; k++) {
            int q = p;
            while (q < end && s.charAt(q) != '/' && s.charAt(q) != '?' && s.charAt(q) != '#') {
                q++;
            }
            if (q == p) {
                break;
            }
            seg[2 * k] = p;
            seg[2 * k + 1] = q;
            if (q >= end || s.charAt(q) != '/') {
                break;
            }
            p = q + 1;
        }
        return seg;
    }

    /** A repo or owner name: letters, digits, '.', '_', '-', starting with a letter or digit. */
    private static boolean isName(String s, int from, int to) {
        if (from < 0 || to - from < 1 || to - from > MAX_NAME || !Character.isLetterOrDigit(s.charAt(from))) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static int nameEnd(String s, int from, int to) {
        int i = from;
        while (i < to && (isHostChar(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static boolean isSubpath(String s, int from, int to) {
        return from >= 0 && REPO_SUBPATHS.contains(s.substring(from, to));
    }

    private static boolean isLegacyModel(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String family : LEGACY_MODEL_FAMILIES) {
            if (lower.equals(family) || lower.startsWith(family) && lower.length() > family.length()
                    && lower.charAt(family.length()) == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean isHostChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Marks references in a link's text that repeat a reference of the same link's destination.
     * Returns null when nothing is dropped. The link text is found by walking back from its "]" to
     * the matching "[", at most {@link #MAX_LINK_TEXT} characters and never across a blank line, and
     * only for links whose destination holds a reference.
     */
    private boolean[] dropLinkTextDuplicates(String s) {
        boolean[] dropped = null;
        int[] starts = new int[found.size()];
        for (int k = 0; k < starts.length; k++) {
            starts[k] = found.get(k).start;
        }
        for (int l = 0; l < spanCount; l++) {
            int close = spans[l * 3];
            int destStart = spans[l * 3 + 1];
            int destEnd = spans[l * 3 + 2];
            int firstInDest = lowerBound(starts, destStart);
            if (firstInDest >= starts.length || starts[firstInDest] >= destEnd) {
                continue;
            }
            int textStart = linkTextStart(s, close);
            if (textStart < 0) {
                continue;
            }
            for (int k = lowerBound(starts, textStart); k < starts.length && starts[k] < close; k++) {
                Found t = found.get(k);
                for (int d = firstInDest; d < starts.length && starts[d] < destEnd; d++) {
                    Found dest = found.get(d);
                    if (dest.kind == t.kind && dest.target.equals(t.target)) {
                        if (dropped == null) {
                            dropped = new boolean[starts.length];
                        }
                        dropped[k] = true;
                        break;
                    }
                }
            }
        }
        return dropped;
    }

    /** The "[" that opens the link text closed at {@code close}, or -1. */
    private static int linkTextStart(String s, int close) {
        int depth = 0;
        boolean blankSoFar = true; // nothing but blanks since the last newline seen
        boolean sawNewline = false;
        int stop = Math.max(0, close - MAX_LINK_TEXT);
        for (int i = close - 1; i >= stop; i--) {
            char c = s.charAt(i);
            if (c == ']') {
                depth++;
            } else if (c == '[') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == '\n') {
                if (sawNewline && blankSoFar) {
                    return -1;
                }
                sawNewline = true;
                blankSoFar = true;
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                blankSoFar = false;
            }
        }
        return -1;
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
