package dev.cardminer.web.internal;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Renders a card body to HTML that cannot run anything: raw HTML in the card is shown as text
 * (escaped, never interpreted), link and image targets other than http(s) are dropped, and outside
 * links get {@code rel="nofollow noopener noreferrer"}. The page's CSP blocks outside images anyway.
 */
final class MarkdownRenderer {

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new HttpOnly())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
                if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                }
            })
            .build();

    Html.Markup render(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        return new Html.Markup(renderer.render(document));
    }

    /** Keeps absolute http(s) URLs; anything else (javascript:, data:, relative paths) becomes empty. */
    private static final class HttpOnly implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return Html.isSafeHref(url) && !url.startsWith("/") ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }
    }

}
