package dev.cardminer.classify.internal;

import java.util.regex.Pattern;

/**
 * The first prose of a card body, as plain text: code fences, headings, tables, HTML tags, images and
 * link targets left out. Line by line, linear in the text read; stops once enough text is collected.
 */
public final class Summaries {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]{0,300}]\\([^)\\n]{0,1000}\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{0,300})]\\([^)\\n]{0,1000}\\)");
    private static final Pattern TAG = Pattern.compile("<[^<>\\n]{0,500}>");
    private static final Pattern MARKS = Pattern.compile("[*_`>#|]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Summaries() {
    }

    public static String summary(String body, int maxChars) {
        StringBuilder out = new StringBuilder();
        boolean fence = false;
        int from = 0;
        while (from < body.length() && out.length() < maxChars) {
            int nl = body.indexOf('\n', from);
            int to = nl < 0 ? body.length() : nl;
            String line = body.substring(from, to).strip();
            from = to + 1;
            if (line.startsWith("```") || line.startsWith("~~~")) {
                fence = !fence;
                continue;
            }
            if (fence || line.isEmpty() || line.startsWith("#") || line.startsWith("|") || line.startsWith("---")) {
                continue;
            }
            String text = IMAGE.matcher(line).replaceAll(" ");
            text = LINK.matcher(text).replaceAll("$1");
            text = TAG.matcher(text).replaceAll(" ");
            text = MARKS.matcher(text).replaceAll(" ");
            text = SPACES.matcher(text).replaceAll(" ").strip();
            if (text.length() < 3) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(text);
        }
        return out.length() <= maxChars ? out.toString() : out.substring(0, maxChars);
    }
}
