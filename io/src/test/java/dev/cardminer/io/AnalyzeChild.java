package dev.cardminer.io;

import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.ConceptAnnotation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * {@code analyze} in a process of its own, slowed down by a delay per card so that a test can kill it
 * mid-run: {@code AnalyzeChild SOURCE DB DELAY_MILLIS BATCH_CARDS [ANNOTATORS]} (annotators in one pass:
 * {@code none}, the default, or {@code rules}).
 */
public final class AnalyzeChild {

    public static void main(String[] args) throws Exception {
        long delay = Long.parseLong(args[2]);
        try (CardSource cards = new SlowSource(CardSources.open(args[0], HubOptions.fromEnvironment(),
                ProgressOutput.none()), delay)) {
            ConceptAnnotation.Annotators annotators = ConceptAnnotation.Annotators.parse(args.length > 4 ? args[4] : "none")
                    .orElseThrow();
            Analyzer.Result r = new Analyzer(Analyzer.Config.builder(Path.of(args[1])).batchCards(Integer.parseInt(args[3]))
                    .annotators(annotators).build()).run(cards);
            System.out.println(r.summary());
        }
    }

    /** Sleeps before handing on each card that {@code pausedBefore} names (every card: a slow source). */
    record SlowSource(CardSource inner, long delayMillis, Predicate<String> pausedBefore) implements CardSource {

        SlowSource(CardSource inner, long delayMillis) {
            this(inner, delayMillis, id -> true);
        }

        @Override
        public SourceCard next() throws IOException {
            SourceCard card = inner.next();
            if (card != null && pausedBefore.test(card.id())) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }
            return card;
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
