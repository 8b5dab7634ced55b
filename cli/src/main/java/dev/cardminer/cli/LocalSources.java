package dev.cardminer.cli;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.CardSource;
import dev.cardminer.io.CardSources;
import dev.cardminer.io.ProgressOutput;
import dev.cardminer.io.SourceCard;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Several local SOURCEs (card files and folders, mixed) read one after the other as one source, each opened only when
 * the one before is read, as {@link CardSources#open} opens one SOURCE: so each card keeps the id it gets when its
 * SOURCE is given alone. A SOURCE that cannot be opened (not a card source), or that breaks while read, is an
 * unreadable entry, and the run goes on with the next.
 */
final class LocalSources implements CardSource {

    private final List<String> locations;
    private final HubOptions hub;
    /** Told of each SOURCE once it is read (its skipped entries are said per SOURCE, with its name). */
    private final BiConsumer<String, CardSource> finished;
    private int next;
    private CardSource open;
    private String current;

    LocalSources(List<String> locations, HubOptions hub, BiConsumer<String, CardSource> finished) {
        this.locations = List.copyOf(locations);
        this.hub = hub;
        this.finished = finished;
    }

    @Override
    public SourceCard next() throws IOException {
        while (true) {
            if (open == null) {
                if (next == locations.size()) {
                    return null;
                }
                current = locations.get(next++);
                try {
                    open = CardSources.open(current, hub, ProgressOutput.none());
                } catch (IOException e) {
                    return notRead(e);
                }
            }
            SourceCard card;
            try {
                card = open.next();
            } catch (IOException e) {
                // a SOURCE that breaks while read (a cut .jsonl.gz, a JSON Lines file without a card): its cards so far
                // are given, it is said once, and the SOURCEs after it are still read
                finished.accept(current, open);
                open.close();
                open = null;
                return notRead(e);
            }
            if (card != null) {
                return card;
            }
            finished.accept(current, open);
            open.close();
            open = null;
        }
    }

    /** The current SOURCE as an unreadable entry, its error without the SOURCE's name the line already gives. */
    private SourceCard notRead(IOException e) {
        String why = String.valueOf(e.getMessage());
        return SourceCard.unreadable(current, current,
                why.startsWith(current + ": ") ? why.substring(current.length() + 2) : why);
    }

    /** The SOURCE the last card came from, as given on the command line. */
    String current() {
        return current;
    }

    @Override
    public String description() {
        return String.join(" ", locations);
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
    }
}
