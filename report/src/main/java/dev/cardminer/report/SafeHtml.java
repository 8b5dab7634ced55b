package dev.cardminer.report;

import dev.cardminer.report.internal.HtmlEscaper;
import dev.cardminer.report.internal.SafeLinks;
import java.util.Optional;

/**
 * The report's escaping and outside-link rules, for other HTML writers of card data (the explorer):
 * one definition of what card text may become in a page.
 */
public final class SafeHtml {

    private final HtmlEscaper escaper = new HtmlEscaper();
    private final SafeLinks links = new SafeLinks();

    /** The report's rules; they hold no state. */
    public SafeHtml() {
    }

    /** Text for HTML element content or a quoted attribute value; null becomes the empty string. */
    public String escape(String text) {
        return escaper.escape(text);
    }

    /** The model's page on the Hub, or empty when the id does not have the shape of a Hub repo id. */
    public Optional<String> hubModelPage(String cardId) {
        return links.hubModelPage(cardId);
    }
}
