package dev.cardminer.report.internal;

/**
 * Escapes text for HTML element content and double- or single-quoted attribute values. Card text is
 * untrusted: every string that did not come from this module goes through here.
 */
public final class HtmlEscaper {

    /** Escapes {@code & < > " '}; null becomes the empty string. */
    public String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                // Control characters other than tab and newlines are invalid in HTML text.
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "\uFFFD" : null;
            };
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
