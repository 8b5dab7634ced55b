package dev.cardminer.io;

import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.CardParser;
import dev.cardminer.hub.HubOptions;
import dev.cardminer.io.concepts.AnnotationPhase;
import dev.cardminer.io.concepts.ConceptAnnotation;
import dev.cardminer.io.internal.CardSentences;
import dev.cardminer.io.internal.Lazy;
import dev.cardminer.io.internal.Pipeline;
import dev.cardminer.io.internal.ProgressMeter;
import dev.cardminer.io.internal.RunLog;
import dev.cardminer.io.internal.RunSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a card source into the store: streaming, parallel on all cores, with bounded memory. Unchanged
 * cards (same text, repo facts and row format) are skipped; a changed card replaces its old rows. Every
 * batch of cards is committed in one transaction with all its child rows, so a run that is killed at any
 * moment leaves only whole cards behind and, run again, ends with the same store as an uninterrupted run.
 * With {@link Builder#annotators} the cards' sentences (and the rules' annotations) are made in the same
 * pass and batches; the cards the rules annotated are revised with the corpus's own names once all are in.
 *
 * <pre>{@code
 * try (CardSource source = CardSources.open("cards/", HubOptions.fromEnvironment(), ProgressOutput.none())) {
 *     Analyzer.Result r = new Analyzer(Analyzer.Config.builder(Path.of("cardminer.duckdb")).threads(4).build())
 *             .run(source);
 * }
 * }</pre>
 *
 * <p>One writer per store: a run needs the store to itself, so two runs on one store never overlap, in one process
 * or in two (see {@link CardStore}: {@link #run(CardSource)} on a store that is open for writing in this process is
 * refused before anything is written). Runs on different stores may go at the same time.
 *
 * <p>Thread safety: an {@code Analyzer} holds only its immutable {@link Config} (whose {@link CardParser} is
 * thread-safe), so one may be shared; each run starts and ends its own threads. A {@link CardSource} and a
 * {@link CardStore} are each used by one run at a time.
 */
public final class Analyzer {

    /**
     * The settings of a run, as {@link Builder} makes them.
     *
     * @param db            the store file
     * @param threads       parser threads (default: available processors)
     * @param limit         at most this many cards from the source, -1 for all
     * @param batchCards    cards per transaction at most
     * @param batchBytes    card bytes per transaction at most
     * @param inFlightBytes card bytes between the reader and the committed store at most (memory bound)
     * @param force         re-analyse cards even when unchanged
     * @param progress      where progress goes
     * @param parser        the card parser (thread-safe)
     * @param annotators    the annotators the run prepares for in one pass: with any, each card's sentences are
     *                      split while it is parsed and stored with it; with the rules, they are annotated
     *                      there too (the LLM keeps its own resumable phase, {@code ConceptAnnotation})
     * @param prune         after reading the whole source, delete the stored cards it did not give, with all their
     *                      rows (a store can hold several sources, so only when asked); not with a limit
     * @param memoryLimitBytes DuckDB's {@code memory_limit} while the run writes, at most: a lower limit already set on
     *                      the store's database is kept; see {@link Analyzer#run(CardSource, CardStore)}
     */
    public record Config(Path db, int threads, long limit, int batchCards, long batchBytes, long inFlightBytes,
                         boolean force, ProgressOutput progress, CardParser parser,
                         ConceptAnnotation.Annotators annotators, boolean prune, long memoryLimitBytes) {

        /** The most parser threads: each has its own connection to the store and a share of the in-flight budget. */
        public static final int MAX_THREADS = 1024;

        /** The lowest memory limit a run takes: below it DuckDB fails for want of buffer space, not the card. */
        public static final long MIN_MEMORY_LIMIT_BYTES = 64L << 20;

        /**
         * Checks the settings.
         *
         * @throws NullPointerException when db, progress, parser or annotators is null
         * @throws IllegalArgumentException naming the value, for threads outside 1 to {@value #MAX_THREADS}, a limit
         *         below -1, batch sizes below 1, an in-flight budget not larger than a batch, a memory limit below
         *         {@value #MIN_MEMORY_LIMIT_BYTES} bytes, or prune with a limit
         */
        public Config {
            Objects.requireNonNull(db, "db");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(parser, "parser");
            Objects.requireNonNull(annotators, "annotators");
            if (threads < 1 || threads > MAX_THREADS) {
                throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", not " + threads);
            }
            if (limit < -1) {
                throw new IllegalArgumentException("limit must be -1 (all cards) or at least 0, not " + limit);
            }
            if (batchCards < 1 || batchBytes < 1 || inFlightBytes <= batchBytes) {
                throw new IllegalArgumentException("batch sizes must be positive (cards " + batchCards + ", bytes "
                        + batchBytes + "), and the in-flight budget (" + inFlightBytes + " bytes) larger than a batch");
            }
            if (memoryLimitBytes < MIN_MEMORY_LIMIT_BYTES) {
                throw new IllegalArgumentException("memory limit must be at least " + MIN_MEMORY_LIMIT_BYTES
                        + " bytes, not " + memoryLimitBytes);
            }
            if (prune && limit >= 0) {
                throw new IllegalArgumentException("prune needs the whole source: it cannot go with a limit");
            }
        }

        /** The defaults for this store file; see {@link Builder}. */
        public static Config of(Path db) {
            return builder(db).build();
        }

        /** A builder with the defaults for this store file. */
        public static Builder builder(Path db) {
            return new Builder(db);
        }

        /** This configuration as a builder, to change a setting or two. */
        public Builder toBuilder() {
            Builder b = new Builder(db);
            b.threads = threads;
            b.limit = limit;
            b.batchCards = batchCards;
            b.batchBytes = batchBytes;
            b.inFlightBytes = inFlightBytes;
            b.force = force;
            b.progress = progress;
            b.parser = parser;
            b.annotators = annotators;
            b.prune = prune;
            b.memoryLimitBytes = memoryLimitBytes;
            return b;
        }
    }

    /**
     * Builds a {@link Config}. Defaults: all cores, no limit, batches of 10,000 cards or 24 MB of card
     * text, 64 MB in flight (about 300 MiB of heap at most), silent, the default parser, DuckDB's memory
     * limited to 1 GB while the run writes. Larger transactions let DuckDB write row groups straight to the file.
     * Values are checked by {@link #build}.
     */
    public static final class Builder {
        private final Path db;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long limit = -1;
        private int batchCards = 10_000;
        private long batchBytes = 24L << 20;
        private long inFlightBytes = 64L << 20;
        private boolean force;
        private ProgressOutput progress = ProgressOutput.none();
        private CardParser parser;
        private ConceptAnnotation.Annotators annotators = ConceptAnnotation.Annotators.NONE;
        private boolean prune;
        private long memoryLimitBytes = RunSettings.MEMORY_LIMIT_BYTES;

        private Builder(Path db) {
            this.db = Objects.requireNonNull(db, "db");
        }

        /** Parser threads, 1 to {@value Config#MAX_THREADS} (default: available processors). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** At most this many cards from the source; -1 for all. */
        public Builder limit(long limit) {
            this.limit = limit;
            return this;
        }

        /** Transactions of at most this many cards (default 10,000). */
        public Builder batchCards(int batchCards) {
            this.batchCards = batchCards;
            return this;
        }

        /** Batches of at most this many bytes of cards, with about three batches' worth in flight. */
        public Builder batchBytes(long batchBytes) {
            this.batchBytes = batchBytes;
            this.inFlightBytes = 8 * batchBytes / 3;
            return this;
        }

        /** Analyse cards again even when the store has them unchanged (default false). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Where progress goes (default: nowhere). */
        public Builder progress(ProgressOutput progress) {
            this.progress = progress;
            return this;
        }

        /** The card parser; it must be thread-safe (default: {@code CardParser.builder().build()}). */
        public Builder parser(CardParser parser) {
            this.parser = parser;
            return this;
        }

        /**
         * The annotators {@code analyze} runs after ingestion (default: none): with any, sentences are made in
         * one pass with the cards; with the rules, they are annotated there too, so the annotation phase that
         * follows has nothing left to do for them.
         */
        public Builder annotators(ConceptAnnotation.Annotators annotators) {
            this.annotators = annotators;
            return this;
        }

        /**
         * Whether a run that read the whole source (no limit, no failure of the source) deletes the stored cards it
         * did not give, with all their rows (default: false, a store can hold several sources).
         */
        public Builder prune(boolean prune) {
            this.prune = prune;
            return this;
        }

        /**
         * DuckDB's {@code memory_limit} while the run writes, in bytes (default 1 GB; at least
         * {@value Config#MIN_MEMORY_LIMIT_BYTES}). DuckDB's own default, 80% of RAM, keeps every block written in
         * memory; 1 GB lets clean blocks go at no cost in CPU (docs/bench.md, "Store side"). A lower limit already set
         * on the store's database is kept, and the store's setting is put back after the run.
         */
        public Builder memoryLimitBytes(long memoryLimitBytes) {
            this.memoryLimitBytes = memoryLimitBytes;
            return this;
        }

        /** @throws IllegalArgumentException naming the value, for a setting out of range (see {@link Config}) */
        public Config build() {
            return new Config(db, threads, limit, batchCards, batchBytes, inFlightBytes, force, progress,
                    parser != null ? parser : CardParser.builder().build(), annotators, prune, memoryLimitBytes);
        }
    }

    /**
     * What a run did.
     *
     * @param seen       cards the source gave (duplicates included)
     * @param written    cards analysed and written (new or replacing)
     * @param replaced   of those, cards that replaced an older version
     * @param again      of those, cards the store had as they are, analysed again ({@code force})
     * @param skipped    cards unchanged since the store got them
     * @param factsUpdated of those, cards whose text was unchanged and whose repo facts (downloads, likes, tags, ...)
     *                   changed: only their facts were stored again
     * @param duplicates cards whose id had come before in this source (the first is kept)
     * @param failures   cards stored with an internal-error or source-error problem
     * @param bytes      UTF-8 bytes of the cards taken (written and skipped)
     * @param pruned     stored cards the source no longer gave, deleted ({@link Builder#prune}); -1 without pruning
     * @param unreadable entries the source could not read ({@link CardSource#skipped()}); when any, nothing is pruned
     * @param stages     where the time went, stage by stage (for profiling)
     * @param firstDuplicate the first card left out as a duplicate, "id in origin" (the earlier card with the id is
     *                   kept); null when none
     * @param firstFailure one of the cards stored with a failure problem (its problem row says more), "id (origin): message";
     *                   null when none
     * @param runId   the run's id in the store's {@code runs} table
     * @param source  the source's description
     * @param elapsed wall-clock time of the whole run
     */
    public record Result(String runId, String source, long seen, long written, long replaced, long again,
                         long skipped, long factsUpdated, long duplicates, long failures, long bytes, long pruned,
                         long unreadable, Duration elapsed,
                         Stages stages, String firstDuplicate, String firstFailure) {

        /**
         * Checks that the stages are given.
         *
         * @throws NullPointerException when stages is null
         */
        public Result {
            Objects.requireNonNull(stages, "stages");
        }

        /** One line for people. */
        public String summary() {
            double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
            // With --force nothing is skipped: "N unchanged" next to "N analysed again" would read as a contradiction.
            String unchanged = again > 0 && skipped == 0 ? ""
                    : String.format(", %,d unchanged%s", skipped,
                            factsUpdated == 0 ? "" : String.format(" (%,d with new repo facts or source)", factsUpdated));
            String forced = again == 0 ? "" : String.format("%,d unchanged but analysed again (--force), ", again);
            String removed = pruned < 0 ? "" : seen == 0 ? ", nothing pruned: the source gave no card"
                    : unreadable > 0 ? String.format(", nothing pruned: %,d entr%s of the source could not be read",
                            unreadable, unreadable == 1 ? "y" : "ies")
                    : String.format(", %,d pruned", pruned);
            String failed = failures == 0 || firstFailure == null ? "" : String.format(" (%s%s)",
                    failures == 1 ? "" : "one: ", firstFailure);
            String dropped = duplicates == 0 || firstDuplicate == null ? ""
                    : String.format(": %s left out, the earlier card with its id kept", firstDuplicate);
            // A rate over cards that were only fingerprinted is no throughput: give it for runs that parsed them all.
            String rate = skipped == 0 ? String.format(" (%.1f MB/s)", bytes / 1e6 / seconds) : "";
            return String.format("analyze: %,d card%s (%,d new or changed, %s%,d replaced%s, %,d duplicate "
                            + "id%s%s, %,d failed%s%s) %.1f MB in %.1f s%s", written + skipped,
                    written + skipped == 1 ? "" : "s", written - again, forced,
                    replaced, unchanged, duplicates, duplicates == 1 ? "" : "s", dropped, failures, failed, removed,
                    bytes / 1e6, seconds, rate);
        }
    }

    /**
     * Where a run's time went. CPU times are of the stage's own threads (parser threads summed); the others
     * are wall time inside the stage's work (the parsers' summed over threads).
     *
     * @param readerCpu        the reader thread: the source (Parquet, JSON, files), ids, the memory budget
     * @param parserCpu        the parser threads: hash, parse, lay out rows, and in one pass split and annotate (their
     *                         writing not included)
     * @param splitCpu         of the parsers' CPU, the sentence split
     * @param annotateCpu      of the parsers' CPU, the rules annotation
     * @param writerCpu        the parser threads writing their batches: appenders, commits (DuckDB's own threads and
     *                         the final checkpoint not included)
     * @param loadIndex        reading the stored cards' fingerprints before the run
     * @param read             the reader waiting on the source
     * @param parse            the parsers' work per card, summed over threads
     * @param append           the parsers appending rows, summed
     * @param commit           the parsers committing batches, summed
     * @param writerWaiting    the parsers waiting for cards, summed
     * @param checkpoint       the checkpoint at the end of ingestion
     * @param revision         the known-names revision after ingestion (wall)
     * @param revisionCpu      the process's CPU time during the revision (DuckDB's threads included)
     * @param sentencesRevised sentences the revision annotated again
     * @param batches          transactions the parser threads committed (each deletes its replaced cards' old rows)
     */
    public record Stages(Duration readerCpu, Duration parserCpu, Duration splitCpu, Duration annotateCpu,
                         Duration writerCpu, Duration loadIndex, Duration read, Duration parse, Duration append,
                         Duration commit, Duration writerWaiting, Duration checkpoint, Duration revision,
                         Duration revisionCpu, long sentencesRevised, long batches) {

        /** The same figures with the known-names revision's. */
        public Stages withRevision(Duration time, Duration cpu, long sentences) {
            return new Stages(readerCpu, parserCpu, splitCpu, annotateCpu, writerCpu, loadIndex, read, parse, append,
                    commit, writerWaiting, checkpoint, time, cpu, sentences, batches);
        }

        /** Every figure in milliseconds (batches and revised sentences as counts), labelled, in the order they run. */
        public Map<String, Long> millis() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("cpu: reader thread", readerCpu.toMillis());
            m.put("cpu: parser threads", parserCpu.toMillis());
            m.put("cpu:   of which sentence split", splitCpu.toMillis());
            m.put("cpu:   of which rules annotation", annotateCpu.toMillis());
            m.put("cpu: writing (parser threads)", writerCpu.toMillis());
            m.put("load-index", loadIndex.toMillis());
            m.put("read (reader thread)", read.toMillis());
            m.put("parse+rows (all parser threads)", parse.toMillis());
            m.put("append (parser threads)", append.toMillis());
            m.put("commit (parser threads)", commit.toMillis());
            m.put("  batches committed", batches);
            m.put("parsers waiting for cards", writerWaiting.toMillis());
            m.put("final checkpoint", checkpoint.toMillis());
            m.put("known-names revision", revision.toMillis());
            m.put("cpu: known-names revision (process)", revisionCpu.toMillis());
            m.put("  sentences revised", sentencesRevised);
            return Collections.unmodifiableMap(m);
        }
    }

    private final Config config;

    /**
     * An analyzer with these settings; it holds nothing else, so it may be shared.
     *
     * @throws NullPointerException when config is null
     */
    public Analyzer(Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Opens the store at {@code config.db()}, reads the source into it, marks the run finished and closes it. */
    public Result run(CardSource source) throws IOException, SQLException, InterruptedException {
        try (CardStore store = CardStore.open(config.db())) {
            Result result = run(source, store);
            finish(store, result);
            return result;
        }
    }

    /**
     * Reads the source into an open store (its file takes the place of {@code config.db()}) and records the
     * run's counts. The run has no {@code finished_at} until {@link #finish}: a caller that goes on (to
     * annotate, to write a report) marks it finished only once everything succeeded, so a run that failed
     * or was interrupted later shows as unfinished.
     *
     * <p>While it runs, the store's database has DuckDB's {@code checkpoint_threshold} at 1 GB (one checkpoint at the
     * end, not one per batch) and its {@code memory_limit} at most {@link Config#memoryLimitBytes} (a lower limit the
     * caller set is kept). Both are DuckDB's global settings, seen by every connection to the file; when the run ends,
     * failed or not, they are put back as they were: exactly where they were DuckDB's defaults, otherwise to the
     * precision DuckDB shows them with (a tenth of their unit, {@code 244.1 MiB}).
     *
     * @throws SQLException when another run is writing this store (one run per store at a time), before anything is
     *                      written
     */
    @SuppressWarnings("try") // the settings are held for the run and put back by close: nothing else to do with them
    public Result run(CardSource source, CardStore store) throws IOException, SQLException, InterruptedException {
        if (!store.startRun()) {
            throw new SQLException(store.file() + ": an analysis is already writing this store: one run per store at "
                    + "a time");
        }
        try (RunSettings settings = RunSettings.apply(store.connection(), config.memoryLimitBytes())) {
            return runWithSettings(source, store);
        } finally {
            store.endRun();
        }
    }

    private Result runWithSettings(CardSource source, CardStore store)
            throws IOException, SQLException, InterruptedException {
        RunLog runs = new RunLog(store.connection());
        Instant started = Instant.now();
        String runId = runs.started(source.description(), started);
        long expected = source.expectedCards();
        long total = config.limit() >= 0 ? (expected >= 0 ? Math.min(expected, config.limit()) : config.limit()) : expected;
        Pipeline.Counts counts;
        try (ProgressMeter meter = new ProgressMeter(config.progress(), "analyze", " cards", 1, total)) {
            // Made when the first card needs parsing: a re-run on an unchanged store reads no gazetteer.
            Lazy<CardSentences.Step> step = config.annotators() == ConceptAnnotation.Annotators.NONE ? null
                    : new Lazy<>(() -> new CardSentences.Step(SentenceSplitter.markdown(),
                    config.annotators().rules() ? new RuleAnnotator() : null));
            Pipeline pipeline = new Pipeline(store.duckdb(), new Pipeline.Settings(config.threads(), config.limit(),
                    config.batchCards(), config.batchBytes(), config.inFlightBytes(), config.force(), config::parser,
                    step, config.prune()), meter);
            counts = pipeline.run(source);
        }
        // Cards the rules annotated in one pass (in this run, or in one killed before this point) get the
        // corpus's own names now that all are in.
        long r0 = System.nanoTime();
        long c0 = processCpuNanos();
        // Large batches: each one deletes the old annotations of its sentences with a scan of the table.
        AnnotationPhase.Revision revision = new AnnotationPhase(store.connection(), 200_000).reviseKnownNames();
        Stages stages = counts.stages().withRevision(Duration.ofNanos(System.nanoTime() - r0),
                Duration.ofNanos(processCpuNanos() - c0), revision.sentences());
        Instant finished = Instant.now();
        runs.counted(runId, counts, config.prune());
        return new Result(runId, source.description(), counts.seen(), counts.written(), counts.replaced(),
                counts.again(), counts.skipped(), counts.factsUpdated(), counts.duplicates(), counts.failures(), counts.bytes(),
                config.prune() ? counts.pruned() : -1, source.skipped().count(), Duration.between(started, finished),
                stages, counts.firstDuplicate(),
                counts.firstFailure());
    }

    /**
     * Gives the store's database the DuckDB settings a run writes with, to stay after the run
     * ({@code checkpoint_threshold} 1 GB, {@code memory_limit} at most {@link Config#memoryLimitBytes}): for a
     * program that, like the CLI's {@code analyze}, goes on with the store (annotation, a report) and wants the
     * run's settings there too. A run that finds them puts them back, so they stay until the caller changes them.
     */
    public void keepRunSettings(CardStore store) throws SQLException {
        RunSettings.keep(store.connection(), config.memoryLimitBytes());
    }

    /** The process's CPU time so far (all threads, DuckDB's too), 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Marks a run finished: everything it was asked to do succeeded. */
    public static void finish(CardStore store, Result result) throws SQLException {
        new RunLog(store.connection()).finished(result.runId(), Instant.now());
    }
}
