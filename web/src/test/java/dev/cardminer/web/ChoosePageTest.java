package dev.cardminer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.io.Analyzer;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Choose a model" on a store made from card files: no downloads or likes, so the page says what it ranks by. */
class ChoosePageTest {

    @TempDir
    Path dir;

    @Test
    void aStoreWithoutDownloadsSaysTheRankingIsByDocumentationAlone() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        Files.writeString(cards.resolve("a__documented.md"), "---\nlicense: mit\npipeline_tag: fill-mask\n---\n"
                + "# Documented\n\n## Limitations\n\nIt was trained on news only.\n\n## Evaluation\n\nIt scores well.\n");
        Files.writeString(cards.resolve("b__bare.md"), "---\npipeline_tag: fill-mask\n---\n# Bare\n\nA model.\n");
        Path db = dir.resolve("store.duckdb");
        try (CardSource source = CardSources.markdown(cards)) {
            new Analyzer(Analyzer.Config.of(db)).run(source);
        }
        try (Explorer.Running explorer = Explorer.builder(db).port(0).build().start()) {
            String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    explorer.uri().resolve("/choose?task=fill-mask")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"no-popularity\"").contains("ranking is by documentation alone");
            assertThat(page.indexOf("a/documented")).isLessThan(page.indexOf("b/bare"));
        }
    }
}
