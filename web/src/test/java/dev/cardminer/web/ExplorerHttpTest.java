package dev.cardminer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer's pages over HTTP: status codes, security headers, escaping, bound parameters. */
class ExplorerHttpTest {

    @TempDir
    static Path dir;

    private static Explorer.Running explorer;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        explorer = Explorer.builder(TestStore.create(dir)).port(0).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        explorer.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(explorer.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsTheLoopbackAddressByDefault() {
        assertThat(explorer.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void everyPageAnswersWithTheCspAndNoInlineScript() throws Exception {
        for (String path : new String[] {"/", "/cards", "/cards/good-org/classifier", "/concepts", "/breakdowns",
                "/breakdowns?by=library", "/choose?task=text-classification", "/concepts?category=metric"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("default-src 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            // The only script element is the explorer's own file.
            assertThat(r.body().split("<script", -1)).as(path).hasSize(2);
            assertThat(r.body()).contains("<script src=\"/static/app.js\"");
        }
    }

    @Test
    void hostileCardTextIsEscapedAndItsLinksDropped() throws Exception {
        HttpResponse<String> r = get("/cards/evil/model");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).doesNotContain("<script>window").doesNotContain("<img src=\"x\" onerror")
                .doesNotContain("<svg onload").doesNotContain("<iframe").doesNotContain("href=\"javascript:")
                .doesNotContain("href=\"data:").doesNotContain("src=\"data:image/svg");
        assertThat(html).contains("&lt;script&gt;window.__xss = 1&lt;/script&gt;");
        assertThat(html).contains("https://huggingface.co/evil/model");
    }

    @Test
    void unknownCardsAndPagesAre404AndOtherMethodsRefused() throws Exception {
        assertThat(get("/cards/nobody/nothing").statusCode()).isEqualTo(404);
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(explorer.uri().resolve("/cards"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void searchValuesAreBoundNotSpliced() throws Exception {
        HttpResponse<String> r = get("/cards?q=" + enc("x' OR 1=1 --") + "&problem=" + enc("'); DROP TABLE cards; --"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("0 cards");
        assertThat(get("/cards?q=classifier").body()).contains("1 card<").contains("good-org/classifier");
        // A wildcard typed by the user is a literal character.
        assertThat(get("/cards?q=%25").body()).contains("0 cards");
    }

    @Test
    void filtersFindTheCardsBehindAChart() throws Exception {
        String byPipeline = get("/cards?pipeline=text-classification").body();
        assertThat(byPipeline).contains("2 cards").contains("good-org/classifier").contains("evil/model")
                .doesNotContain("other/speech");
        assertThat(get("/cards?has=" + enc("Bias, Risks, and Limitations")).body()).contains("1 card<")
                .contains("good-org/classifier");
        assertThat(get("/cards?missing=Uses").body()).contains("1 card<").contains("bare/nometa");
        assertThat(get("/cards?key=license&value=mit").body()).contains("1 card<").contains("evil/model");
        assertThat(get("/cards?text=LibriSpeech").body()).contains("1 card<").contains("other/speech");
        // Body text: every word must begin a word of the card (short ones: be one), in any case.
        assertThat(get("/cards?text=libri").body()).contains("1 card<").contains("other/speech");
        assertThat(get("/cards?text=speech").body()).contains("1 card<");
        assertThat(get("/cards?text=peech").body()).contains("0 cards");
        assertThat(get("/cards?text=on").body()).contains("3 cards");
        assertThat(get("/cards?text=" + enc("English, sarcasm")).body()).contains("1 card<")
                .contains("good-org/classifier");
        assertThat(get("/cards?text=" + enc("English reviews")).body()).contains("1 card<");
        assertThat(get("/cards?text=English").body()).contains("2 cards");
        assertThat(get("/cards?text=" + enc("English nowhereword")).body()).contains("0 cards");
        // Nothing to look up in the index: a bounded scan for the literal text.
        assertThat(get("/cards?text=" + enc("](")).body()).contains("1 card<").contains("evil/model");
        // The Hub column stands in where the YAML has no pipeline_tag.
        assertThat(get("/cards?pipeline=text-generation").body()).contains("1 card<").contains("bare/nometa");
        assertThat(get("/cards?downloads=1M%2B").body()).contains("1 card<").contains("bare/nometa");
        assertThat(get("/cards?month=2023-05").body()).contains("2 cards");
    }

    @Test
    void theOverviewChartsLinkToTheirCards() throws Exception {
        String html = get("/").body();
        assertThat(html).contains("href=\"/cards?pipeline=text-classification\"")
                .contains("href=\"/cards?downloads=1M%2B\"").contains("href=\"/cards?month=2023-05\"")
                .contains("href=\"/cards?has=Uses\"").contains("href=\"/cards?cmin=0.1&amp;cmax=0.2\"");
    }

    @Test
    void theOverviewShowsTheReportsFiguresWithBarsLinkingToTheirCards() throws Exception {
        String html = get("/").body();
        String metrics = html.substring(html.indexOf("id=\"chart-metrics\""));
        assertThat(metrics.substring(0, metrics.indexOf("</figure>"))).contains("href=\"/cards?metric=Accuracy\"");
        // The metric's bar (its usual name, Accuracy) leads to the card with results under its form (accuracy); the licence bars to the cards declaring it.
        assertThat(get("/cards?metric=Accuracy").body()).contains("1 card<").contains("good-org/classifier");
        String licenses = html.substring(html.indexOf("id=\"chart-licenses\""));
        assertThat(licenses.substring(0, licenses.indexOf("</figure>")))
                .contains("href=\"/cards?key=license&amp;value=apache-2.0\"").contains("cc-by-4.0");
        String languages = html.substring(html.indexOf("id=\"chart-languages\""));
        assertThat(languages.substring(0, languages.indexOf("</figure>"))).contains("href=\"/cards?key=language&amp;value=en\"");
        String trend = html.substring(html.indexOf("id=\"chart-trend-model-index\""));
        // May 2023: evil/model and other/speech, neither with a model-index; Nov 2022: good-org/classifier, with one.
        assertThat(trend.substring(0, trend.indexOf("</figure>"))).contains("href=\"/cards?month=2022-11\"")
                .contains("100.0% of 1").contains("0.0% of 2");
        assertThat(html).contains("id=\"chart-trend-completeness\"");
    }

    @Test
    void leastDocumentedAmongTheMostDownloadedAndTheChooserRankWithReasons() throws Exception {
        String least = get("/breakdowns?by=downloads").body();
        assertThat(least).contains("1M+").contains("100k-1M");
        String table = least.substring(least.indexOf("id=\"least-documented\""));
        // bare/nometa: most downloaded, least documented, first.
        assertThat(table.indexOf("bare/nometa")).isLessThan(table.indexOf("good-org/classifier"));
        String choose = get("/choose?task=text-classification").body();
        assertThat(choose.indexOf("good-org/classifier")).isLessThan(choose.indexOf("evil/model"));
        assertThat(choose).contains("states limitations").contains("1 eval results").contains("license mit");
        assertThat(choose).as("these models have downloads").doesNotContain("no-popularity");
    }

    @Test
    void cardPageShowsOutlineEvalLinksAndConcepts() throws Exception {
        String html = get("/cards/good-org/classifier").body();
        assertThat(html).contains("status-filled").contains("status-missing");
        assertThat(html).contains("accuracy").contains("0.91");
        assertThat(html).contains("https://arxiv.org/abs/1810.04805");
        assertThat(html).contains("<mark class=\"concept\"");
        // The store keeps these sentences as offsets (their text is the body's): the page cuts them from the body.
        String concepts = html.substring(html.indexOf("id=\"concepts\""), html.indexOf("id=\"suggestions\""));
        assertThat(concepts).contains("reviews only and fails on sarcasm.</li>")
                .contains("<li>Classify short <mark class=\"concept\" title=\"language: English\">");
    }

    @Test
    void cardPageShowsSuggestionsAndTheLatestClassificationRunPerLabelSet() throws Exception {
        String html = get("/cards/good-org/classifier").body();
        String suggestions = html.substring(html.indexOf("id=\"suggestions\""), html.indexOf("id=\"classifications\""));
        assertThat(suggestions).contains("base_model").contains("google-bert/bert-base-uncased")
                .contains("conflict: the YAML says &quot;apache-2.0&quot;").contains("missing from the YAML")
                .contains("fine-tuned &lt;script&gt;window.__xss=1&lt;/script&gt;").doesNotContain("<script>");
        // The conflict comes first.
        assertThat(suggestions.indexOf("license-sentence")).isLessThan(suggestions.indexOf("fine-tuned-from"));
        String classifications = html.substring(html.indexOf("id=\"classifications\""), html.indexOf("id=\"body\""));
        assertThat(classifications).contains("sentiment-analysis").contains("text-classification").contains("run-new")
                .contains("nlp").contains("all-MiniLM-L6-v2 v1").doesNotContain("old-label").doesNotContain("run-old")
                .contains("&lt;img src=x onerror=window.__xss=1&gt;").doesNotContain("<img src=x");
        assertThat(classifications.indexOf("sentiment-analysis")).isLessThan(classifications.indexOf("text-classification"));
        String other = get("/cards/other/speech").body();
        assertThat(other).contains("No suggestions for this card").contains("No classifications for this card");
    }

    @Test
    void aPagePastTheLastShowsTheLastAndSaysSo() throws Exception {
        // 4 cards: one page. Each address past it shows that page, its cards and its number, never "page 3 of 1".
        for (String page : new String[] {"2", "3", "200", "500", "2147483648"}) {
            String html = get("/cards?page=" + page).body();
            assertThat(html).as(page).contains("page 1 of 1").contains("4 cards").contains("bare/nometa")
                    .contains("There is no page " + page + "; this is the last, page 1.")
                    .doesNotContain("rel=\"prev\"").doesNotContain("rel=\"next\"");
        }
        String search = get("/cards?q=classifier&page=3").body();
        assertThat(search).contains("page 1 of 1").contains("1 card<").contains("good-org/classifier");
        // No match at all: page 1 of 1, empty, whatever page was asked for.
        assertThat(get("/cards?q=nothing-matches&page=3").body()).contains("page 1 of 1").contains("0 cards");
        // A page that exists is shown without a note.
        assertThat(get("/cards?page=1").body()).contains("page 1 of 1").doesNotContain("page-note");
        assertThat(get("/cards?page=abc").body()).contains("page 1 of 1").doesNotContain("page-note");
    }

    @Test
    void cardIdsWithDotSegmentsAreLinkedThroughTheQueryAndServed() throws Exception {
        try (Explorer.Running ids = Explorer.builder(TestStore.withIds(dir.resolve("ids"), DOT_IDS)).port(0).build()
                .start()) {
            String list = HTTP.send(HttpRequest.newBuilder(ids.uri().resolve("/cards?sort=id")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(list).contains("href=\"/card?id=a%2F.\"").contains("href=\"/card?id=a%2F..\"")
                    .contains("href=\"/card?id=.%2Fb\"").contains("href=\"/cards/org/na..me\"");
            for (String id : DOT_IDS) {
                java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\" class=\"card-link\">"
                        + java.util.regex.Pattern.quote(id) + "</a>").matcher(list);
                assertThat(link.find()).as(id).isTrue();
                // As a browser would send it: dot segments resolved away (RFC 3986 section 5.2.4).
                URI sent = ids.uri().resolve(link.group(1).replace("&amp;", "&")).normalize();
                HttpResponse<String> card = HTTP.send(HttpRequest.newBuilder(sent).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(card.statusCode()).as(id + " via " + sent).isEqualTo(200);
                assertThat(card.body()).as(id).contains("<h1>" + id + "</h1>");
            }
            assertThat(HTTP.send(HttpRequest.newBuilder(ids.uri().resolve("/card?id=nobody%2Fnothing")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(HTTP.send(HttpRequest.newBuilder(ids.uri().resolve("/card")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }

    /** Ids as JSONL and Parquet sources give them: segments that URL resolution removes, and dots that it keeps. */
    static final String[] DOT_IDS = {"a/.", "a/..", "./b", "org/na..me"};

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        // DNS rebinding: a page of another origin whose name resolves to 127.0.0.1 sends its own Host.
        assertThat(rawStatus("evil.example:" + explorer.uri().getPort())).isEqualTo(421);
        assertThat(rawStatus("localhost:" + explorer.uri().getPort())).isEqualTo(200);
    }

    private static int rawStatus(String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", explorer.uri().getPort())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

}
