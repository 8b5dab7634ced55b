package dev.cardminer.bench;

import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A corpus of any size made from a real one: reads the Parquet file again and again, giving the cards of
 * pass k (from 1) the id suffix {@code ~k}, so every id is distinct. Streams; holds one card at a time.
 */
final class CyclingCardSource implements CardSource {

    private final Path parquet;
    private final long cards;
    private CardSource current;
    private int pass;
    private long given;

    CyclingCardSource(Path parquet, long cards) {
        this.parquet = parquet;
        this.cards = cards;
    }

    @Override
    public SourceCard next() throws IOException {
        while (given < cards) {
            if (current == null) {
                current = CardSources.parquet(parquet);
            }
            SourceCard card = current.next();
            if (card == null) {
                current.close();
                current = null;
                if (++pass > 1_000_000) {
                    throw new IOException(parquet + " has no cards");
                }
                continue;
            }
            given++;
            return pass == 0 ? card : new SourceCard(card.id() + "~" + pass, card.origin(), card.text(), card.utf8(),
                    card.facts(), card.failure());
        }
        return null;
    }

    @Override
    public long expectedCards() {
        return cards;
    }

    @Override
    public String description() {
        return "bench:" + parquet + " cycled to " + cards + " cards";
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }
}
