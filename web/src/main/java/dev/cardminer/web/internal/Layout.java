package dev.cardminer.web.internal;

import java.util.List;
import java.util.function.Consumer;

/** The page around every view: head with the explorer's own stylesheet and script, navigation, search. */
final class Layout {

    private static final List<String[]> NAV = List.of(
            new String[] {"/", "Overview"}, new String[] {"/cards", "Cards"}, new String[] {"/concepts", "Concepts"},
            new String[] {"/breakdowns", "Breakdowns"}, new String[] {"/choose", "Choose a model"});

    private final String storeName;

    Layout(String storeName) {
        this.storeName = storeName;
    }

    String page(String title, String current, Consumer<Html> content) {
        Html h = new Html();
        h.open("!DOCTYPE html").newline().open("html", "lang", "en").newline().open("head")
                .empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title + " · cardminer")
                .empty("link", "rel", "stylesheet", "href", "/static/app.css")
                .open("script", "src", "/static/app.js", "defer", "").close("script")
                .close("head").newline().open("body").open("header").open("div", "class", "wrap bar")
                .link("/", "cardminer explorer", "class", "brand")
                .element("span", storeName, "class", "store").open("nav");
        for (String[] item : NAV) {
            h.link(item[0], item[1], "class", item[0].equals(current) ? "current" : null);
        }
        h.close("nav").open("form", "method", "get", "action", "/cards", "class", "search", "role", "search")
                .empty("input", "type", "search", "name", "q", "placeholder", "card id or author", "aria-label",
                        "search cards by id or author")
                .close("form").close("div").close("header").newline()
                .open("main", "class", "wrap").element("h1", title);
        content.accept(h);
        h.close("main").newline().open("footer", "class", "wrap")
                .element("p", "Read-only view of " + storeName + ". Card text is shown escaped; nothing in a card runs.")
                .close("footer").close("body").close("html").newline();
        return h.toString();
    }
}
