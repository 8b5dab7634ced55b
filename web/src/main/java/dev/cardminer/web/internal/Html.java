package dev.cardminer.web.internal;

import dev.cardminer.report.SafeHtml;
import dev.cardminer.report.Shares;
import java.net.URI;
import java.util.Locale;

/**
 * Writes HTML with escaping by construction: tag and attribute names come from this module's code,
 * every text and attribute value goes through {@link SafeHtml}, and a link target is either a path of
 * the explorer or an http(s) URL ({@link #isSafeHref}). The only unescaped input is {@link Markup},
 * which only {@link MarkdownRenderer} makes.
 */
final class Html {

    /** HTML that has been sanitised already (a rendered card body). */
    record Markup(String html) {
    }

    private static final SafeHtml SAFE = new SafeHtml();

    private final StringBuilder out = new StringBuilder(16 * 1024);

    static String escape(String text) {
        return SAFE.escape(text);
    }

    /** Opens a tag; {@code attributes} are name, value pairs (a null value leaves the attribute out). */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A tag with text content. */
    Html element(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** A void element such as input or img. */
    Html empty(String tag, String... attributes) {
        return open(tag, attributes);
    }

    Html text(Object text) {
        out.append(SAFE.escape(text == null ? "" : text.toString()));
        return this;
    }

    Html newline() {
        out.append('\n');
        return this;
    }

    /** A link; a target that is neither an explorer path nor http(s) becomes plain text. */
    Html link(String href, Object text, String... attributes) {
        if (!isSafeHref(href)) {
            return element("span", text, attributes);
        }
        boolean outside = !href.startsWith("/");
        String[] all = new String[attributes.length + (outside ? 4 : 2)];
        all[0] = "href";
        all[1] = href;
        if (outside) {
            all[2] = "rel";
            all[3] = "noopener noreferrer nofollow";
        }
        System.arraycopy(attributes, 0, all, outside ? 4 : 2, attributes.length);
        return open("a", all).text(text).close("a");
    }

    Html markup(Markup markup) {
        out.append(markup.html());
        return this;
    }

    /** A number with thousands separators. */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A share (0 to 1) as the report writes one: a few cards never read as none (Shares). */
    static String percent(double share) {
        return Double.isNaN(share) ? "" : Shares.percent(share * 100);
    }

    /**
     * An explorer path ({@code /x}, not {@code //host}) or an absolute http(s) URL with a host; no
     * other scheme (javascript:, data:, vbscript:) ever becomes a link.
     */
    static boolean isSafeHref(String href) {
        if (href == null || href.isEmpty()) {
            return false;
        }
        if (href.startsWith("/")) {
            return !href.startsWith("//") && !href.startsWith("/\\");
        }
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private void attributes(String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come as name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            out.append(' ').append(attributes[i]).append("=\"").append(SAFE.escape(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
