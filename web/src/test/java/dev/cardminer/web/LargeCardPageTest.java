package dev.cardminer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.CardLimits;
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

/** A card of megabytes: its page shows the part cardminer analysed, and says so, instead of megabytes of HTML. */
class LargeCardPageTest {

    @TempDir
    Path dir;

    @Test
    void aLargeCardsPageShowsTheAnalysedPartAndSaysSo() throws Exception {
        Path cards = Files.createDirectories(dir.resolve("cards"));
        StringBuilder text = new StringBuilder("---\nlicense: mit\n---\n# Big\n\n");
        for (int i = 0; text.length() < 3 * CardLimits.DEFAULTS.maxBodyChars(); i++) {
            text.append("Paragraph ").append(i).append(" says the same thing again.\n\n");
        }
        text.append("THE-LAST-LINE\n");
        Files.writeString(cards.resolve("a__big.md"), text);
        Files.writeString(cards.resolve("a__small.md"), "---\nlicense: mit\n---\n# Small\n\nA model. THE-LAST-LINE\n");
        Path db = dir.resolve("store.duckdb");
        try (CardSource source = CardSources.markdown(cards)) {
            new Analyzer(Analyzer.Config.of(db)).run(source);
        }
        try (Explorer.Running explorer = Explorer.builder(db).port(0).build().start()) {
            HttpClient client = HttpClient.newHttpClient();
            String big = client.send(HttpRequest.newBuilder(explorer.uri().resolve("/cards/a/big")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(big).contains("Paragraph 0 says").doesNotContain("THE-LAST-LINE")
                    .containsPattern("The card&#39;s text has [0-9,]+ characters; the first [0-9,]+ are shown");
            assertThat(big.length()).isLessThan(2 * CardLimits.DEFAULTS.maxBodyChars());
            String small = client.send(HttpRequest.newBuilder(explorer.uri().resolve("/cards/a/small")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(small).contains("THE-LAST-LINE").doesNotContain("are shown, the part");
        }
    }
}
