package dev.cardminer.io;

import dev.cardminer.core.CardParser;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.internal.Pipeline;
import dev.cardminer.io.internal.ProgressMeter;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads a card source into the store: streaming, parallel on all cores, with bounded memory. Unchanged
 * cards (same text, repo facts and row format) are skipped; a changed card replaces its old rows. Every
 * batch of cards is committed in one transaction with all its child rows, so a run that is killed at any
 * moment leaves only whole cards behind and, run again, ends with the same store as an uninterrupted run.
 *
 * <pre>{@code
 * try (CardSource source = CardSources.open("cards/", HubOptions.fromEnvironment(), ProgressOutput.none())) {
 *     Analyzer.Result r = new Analyzer(Analyzer.Config.of(Path.of("cardminer.duckdb"))).run(source);
 * }
 * }</pre>
 */
public final class Analyzer {

    /**
     * @param db            the store file
     * @param threads       parser threads (default: available processors)
     * @param limit         at most this many cards from the source, -1 for all
     * @param batchCards    cards per transaction at most
     * @param batchBytes    card bytes per transaction at most
     * @param inFlightBytes card bytes between the reader and the committed store at most (memory bound)
     * @param force         re-analyse cards even when unchanged
     * @param progress      where progress goes
     * @param parser        the card parser (thread-safe)
     */
    public record Config(Path db, int threads, long limit, int batchCards, long batchBytes, long inFlightBytes,
                         boolean force, ProgressOutput progress, CardParser parser) {

        public Config {
            Objects.requireNonNull(db, "db");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(parser, "parser");
            if (threads < 1 || batchCards < 1 || batchBytes < 1 || inFlightBytes <= batchBytes) {
                throw new IllegalArgumentException("threads and batch sizes must be positive, and the in-flight "
                        + "budget larger than a batch");
            }
        }

        /**
         * Defaults: all cores, no limit, batches of 10,000 cards or 24 MB of card text, 64 MB in flight (about
         * 300 MiB of heap at most), silent. Larger transactions let DuckDB write row groups straight to the file.
         */
        public static Config of(Path db) {
            return new Config(db, Runtime.getRuntime().availableProcessors(), -1, 10_000, 24L << 20, 64L << 20, false,
                    ProgressOutput.none(), CardParser.defaults());
        }

        public Config withThreads(int threads) {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress, parser);
        }

        public Config withLimit(long limit) {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress, parser);
        }

        public Config withBatchCards(int batchCards) {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress, parser);
        }

        public Config withForce(boolean force) {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress, parser);
        }

        public Config withProgress(ProgressOutput progress) {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress, parser);
        }

        /** Batches of at most this many bytes of cards, with about three batches' worth in flight. */
        public Config withBatchBytes(long batchBytes) {
            return new Config(db, threads, limit, batchCards, batchBytes, 8 * batchBytes / 3, force, progress, parser);
        }

        public Config withParser(CardParser parser) {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress, parser);
        }
    }

    /**
     * What a run did.
     *
     * @param seen        cards the source gave (duplicates included)
     * @param written     cards analysed and written (new or replacing)
     * @param replaced    of those, cards that replaced an older version
     * @param skipped     cards unchanged since the store got them
     * @param duplicates  cards whose id had come before in this source (the first is kept)
     * @param failures    cards stored with an internal-error or source-error problem
     * @param bytes       UTF-8 bytes of the cards taken (written and skipped)
     * @param stageMillis time per stage, for profiling (parser time is summed over threads)
     */
    public record Result(String runId, String source, long seen, long written, long replaced, long skipped,
                         long duplicates, long failures, long bytes, Duration elapsed, Map<String, Long> stageMillis) {

        public Result {
            stageMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stageMillis));
        }

        /** One line for people. */
        public String summary() {
            double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
            return String.format("analyze: %,d cards (%,d new or changed, %,d replaced, %,d unchanged, %,d duplicate ids, "
                            + "%,d failed) %.1f MB in %.1f s (%.1f MB/s)", written + skipped, written, replaced, skipped,
                    duplicates, failures, bytes / 1e6, seconds, bytes / 1e6 / seconds);
        }
    }

    private final Config config;

    public Analyzer(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Opens the store at {@code config.db()}, reads the source into it and closes it. */
    public Result run(CardSource source) throws IOException, SQLException, InterruptedException {
        try (CardStore store = CardStore.open(config.db())) {
            return run(source, store);
        }
    }

    /** Reads the source into an open store (its file takes the place of {@code config.db()}). */
    public Result run(CardSource source, CardStore store) throws IOException, SQLException, InterruptedException {
        String runId = UUID.randomUUID().toString();
        Instant started = Instant.now();
        try (PreparedStatement st = store.connection().prepareStatement(
                "INSERT INTO runs (run_id, source, started_at) VALUES (?, ?, ?)")) {
            st.setString(1, runId);
            st.setString(2, source.description());
            st.setTimestamp(3, utc(started));
            st.executeUpdate();
        }
        long expected = source.expectedCards();
        long total = config.limit() >= 0 ? (expected >= 0 ? Math.min(expected, config.limit()) : config.limit()) : expected;
        Pipeline.Counts counts;
        try (ProgressMeter meter = new ProgressMeter(config.progress(), "analyze", " cards", 1, total)) {
            Pipeline pipeline = new Pipeline(store.duckdb(), new Pipeline.Settings(config.threads(), config.limit(),
                    config.batchCards(), config.batchBytes(), config.inFlightBytes(), config.force(), config.parser()),
                    meter);
            counts = pipeline.run(source);
        }
        Instant finished = Instant.now();
        try (PreparedStatement st = store.connection().prepareStatement("UPDATE runs SET finished_at = ?, cards_seen = ?, "
                + "cards_new = ?, cards_skipped = ?, failures = ?, cards_replaced = ?, duplicates = ?, bytes = ? "
                + "WHERE run_id = ?")) {
            st.setTimestamp(1, utc(finished));
            st.setLong(2, counts.seen());
            st.setLong(3, counts.written());
            st.setLong(4, counts.skipped());
            st.setLong(5, counts.failures());
            st.setLong(6, counts.replaced());
            st.setLong(7, counts.duplicates());
            st.setLong(8, counts.bytes());
            st.setString(9, runId);
            st.executeUpdate();
        }
        return new Result(runId, source.description(), counts.seen(), counts.written(), counts.replaced(),
                counts.skipped(), counts.duplicates(), counts.failures(), counts.bytes(),
                Duration.between(started, finished), counts.stageMillis());
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
