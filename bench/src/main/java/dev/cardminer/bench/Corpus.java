package dev.cardminer.bench;

import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cards of a Parquet file in the Hub dataset schema, held in memory for a benchmark.
 *
 * @param cards the card texts, nulls left out
 * @param bytes their total size in UTF-8 bytes
 */
public record Corpus(List<String> cards, long bytes) {

    /** Copies the list. */
    public Corpus {
        cards = List.copyOf(cards);
    }

    /** Reads the cards of a Parquet file through the same source {@code analyze} uses; unreadable rows are left out. */
    public static Corpus load(Path parquet) throws IOException {
        if (!Files.isRegularFile(parquet)) {
            throw new IllegalArgumentException("no such Parquet file: " + parquet);
        }
        List<String> cards = new ArrayList<>();
        long bytes = 0;
        try (CardSource source = CardSources.parquet(parquet)) {
            for (SourceCard card; (card = source.next()) != null; ) {
                if (card.failure() == null) {
                    cards.add(card.text());
                    bytes += card.text().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return new Corpus(cards, bytes);
    }

    /** The total size in megabytes (10^6 bytes). */
    public double megabytes() {
        return bytes / 1e6;
    }
}
