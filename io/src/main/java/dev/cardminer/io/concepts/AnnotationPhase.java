package dev.cardminer.io.concepts;

import dev.cardminer.annotate.Agreement;
import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.AnnotationOutcome;
import dev.cardminer.annotate.Annotator;
import dev.cardminer.annotate.ConceptNormaliser;
import dev.cardminer.annotate.KnownNames;
import dev.cardminer.annotate.RuleAnnotator;
import dev.cardminer.annotate.Sentence;
import dev.cardminer.io.CardStore;
import dev.cardminer.io.StoreQuery;
import dev.cardminer.io.internal.KnownNameChanges;
import dev.cardminer.io.internal.SentenceRowsWriter;
import dev.cardminer.io.internal.SentenceTables;
import dev.cardminer.io.internal.StoreTransaction;
import dev.cardminer.io.internal.TableAppender;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.duckdb.DuckDBConnection;

/**
 * The annotation phase over the store: reads the sentences an annotator has not handled yet, in
 * batches, and writes their annotations together with a mark per handled sentence
 * ({@code annotated_sentences}), one transaction per batch. A stopped or killed run resumes where it
 * left off; sentences an LLM failed on stay unmarked and are retried by the next run.
 */
public final class AnnotationPhase {

    /**
     * What one run did.
     *
     * @param remaining sentences the annotator has still not handled (an LLM's failures): a re-run retries them
     * @param annotator   the annotator's name
     * @param sentences   sentences this run handled
     * @param annotations annotations this run wrote
     * @param stopped     whether the annotator gave up early (its failure budget spent)
     */
    public record Result(String annotator, long sentences, long annotations, boolean stopped, long remaining) {
    }

    private final Connection connection;
    private final int batchSize;

    /**
     * @param connection an open store ({@link CardStore#open}: its tables are there), the only writer
     * @param batchSize  sentences per batch (and per transaction)
     */
    public AnnotationPhase(Connection connection, int batchSize) throws SQLException {
        this.connection = connection;
        this.batchSize = batchSize;
    }

    /**
     * Splits the bodies of stored cards that have no sentences yet into {@code sentences} (ingestion
     * leaves them to this phase), on all cores, one transaction per batch of cards.
     *
     * @return the sentences written
     */
    public long ensureSentences() throws SQLException {
        return ensureSentences(null);
    }

    /** As {@link #ensureSentences()}, printing progress lines to {@code log} (may be null) every 5 s at most. */
    public long ensureSentences(PrintWriter log) throws SQLException {
        try {
            return new SentenceRowsWriter(connection.unwrap(DuckDBConnection.class),
                    Runtime.getRuntime().availableProcessors()).withLog(log).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while splitting sentences", e);
        }
    }

    /** The corpus's own names: every card id and base_model value (models), every datasets value. */
    public KnownNames knownNames() throws SQLException {
        KnownNames known = KnownNames.none();
        try (Statement st = connection.createStatement()) {
            if (CardStore.hasTable(connection, "cards")) {
                try (ResultSet rs = st.executeQuery("SELECT id FROM cards")) {
                    while (rs.next()) {
                        known.addModel(rs.getString(1));
                    }
                }
            }
            if (CardStore.hasTable(connection, "metadata_values")) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT DISTINCT key, value FROM metadata_values WHERE key IN " + KnownNameChanges.KEYS)) {
                    while (rs.next()) {
                        if (KnownNameChanges.DATASET.equals(KnownNameChanges.kind(rs.getString(1)))) {
                            known.addDataset(rs.getString(2));
                        } else {
                            known.addModel(rs.getString(2));
                        }
                    }
                }
            }
        }
        return known;
    }

    /**
     * Annotates every sentence the annotator has not handled yet.
     *
     * @param log progress lines (one per batch at most every few seconds, and a summary)
     */
    public Result run(Annotator annotator, PrintWriter log) throws SQLException {
        return run(annotator.name(), () -> annotator, log);
    }

    /** Builds an annotator (which may read the store, as the rules read the corpus's names). */
    @FunctionalInterface
    public interface AnnotatorFactory {
        /**
         * The annotator.
         *
         * @throws SQLException when reading the store for it fails
         */
        Annotator get() throws SQLException;
    }

    /**
     * As {@link #run(Annotator, PrintWriter)}, building the annotator named {@code name} only when some
     * sentence waits for it (a re-run, or one whose sentences were annotated in one pass, needs none).
     */
    public Result run(String name, AnnotatorFactory annotators, PrintWriter log) throws SQLException {
        long sentences = 0;
        long annotations = 0;
        boolean stopped = false;
        long pending = pending(name);
        if (pending == 0) {
            // The usual case after a one-pass run: say what the store holds, not "0 annotations".
            long annotatedSentences = count("SELECT count(*) FROM annotated_sentences WHERE annotator = ?", name);
            long annotationCount = count("SELECT count(*) FROM annotations WHERE annotator = ?", name);
            log.printf("annotate: %s: every sentence is annotated (the store holds %,d annotated sentence%s, %,d annotation%s)%n",
                    name, annotatedSentences, annotatedSentences == 1 ? "" : "s", annotationCount, annotationCount == 1 ? "" : "s");
            log.flush();
            return new Result(name, 0, 0, false, 0);
        }
        log.printf("annotate: %s: %,d sentences to annotate%n", name, pending);
        log.flush();
        Annotator annotator = annotators.get();
        long lastLog = System.nanoTime();
        // One streaming query over a second connection (a snapshot taken now) instead of a query per batch,
        // which would scan the whole table each time; this connection commits batch by batch meanwhile.
        try (DuckDBConnection reader = connection.unwrap(DuckDBConnection.class).duplicate();
             PreparedStatement pendingRows = reader.prepareStatement(PENDING)) {
            pendingRows.setString(1, name);
            pendingRows.setString(2, name);
            try (ResultSet rows = pendingRows.executeQuery()) {
                while (true) {
                    List<Sentence> batch = nextBatch(rows);
                    if (batch.isEmpty()) {
                        break;
                    }
                    AnnotationOutcome outcome = annotateBatch(annotator, batch);
                    write(name, outcome);
                    sentences += outcome.completed().size();
                    annotations += outcome.annotations().size();
                    if (System.nanoTime() - lastLog > 5_000_000_000L) {
                        log.printf("annotate: %s: %,d/%,d sentences, %,d annotations%n", name, sentences, pending, annotations);
                        log.flush();
                        lastLog = System.nanoTime();
                    }
                    if (outcome.stopped()) {
                        stopped = true;
                        break;
                    }
                }
            }
        }
        long remaining = pending - sentences;
        log.printf("annotate: %s: %,d sentences, %,d annotations%s%n", name, sentences, annotations,
                remaining > 0 ? String.format(" (%,d sentences without an answer%s)", remaining,
                        stopped ? ", stopped early: failure budget spent" : "") : "");
        log.flush();
        return new Result(name, sentences, annotations, stopped, remaining);
    }

    /** CPU-bound annotators (rules) annotate in parallel chunks; others get the whole batch. */
    private static AnnotationOutcome annotateBatch(Annotator annotator, List<Sentence> batch) {
        if (!annotator.cpuBound()) {
            return annotator.annotateAll(batch);
        }
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), batch.size() / 256));
        if (chunks == 1) {
            return annotator.annotateAll(batch);
        }
        ConcurrentLinkedQueue<AnnotationOutcome> parts = new ConcurrentLinkedQueue<>();
        int size = (batch.size() + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(i -> {
            List<Sentence> part = batch.subList(i * size, Math.min(batch.size(), (i + 1) * size));
            if (!part.isEmpty()) {
                parts.add(annotator.annotateAll(part));
            }
        });
        List<Annotation> all = new ArrayList<>();
        List<Sentence> completed = new ArrayList<>();
        boolean stopped = false;
        for (AnnotationOutcome o : parts) {
            all.addAll(o.annotations());
            completed.addAll(o.completed());
            stopped |= o.stopped();
        }
        return new AnnotationOutcome(all, completed, stopped);
    }

    private long count(String sql, String annotator) throws SQLException {
        return StoreQuery.count(connection, sql, annotator);
    }

    /**
     * Sentence {@code s} has no done-mark of the annotator (two parameters, both the annotator's name): the
     * tables, not the view {@code annotated_sentences}, whose cards' marks would be joined with every sentence.
     */
    private static final String NOT_MARKED = "NOT EXISTS (SELECT 1 FROM annotated_cards c WHERE c.card_id = s.card_id "
            + "AND c.annotator = ?) AND NOT EXISTS (SELECT 1 FROM sentence_marks a WHERE a.card_id = s.card_id "
            + "AND a.sentence = s.position AND a.annotator = ?)";

    private long pending(String annotator) throws SQLException {
        // The rows, not the view: the count needs no text.
        return StoreQuery.count(connection, "SELECT count(*) FROM sentence_rows s WHERE " + NOT_MARKED, annotator,
                annotator);
    }

    /** The sentences the annotator has not handled, in the order they were stored. */
    private static final String PENDING = "SELECT card_id, position, section, heading, start_offset, end_offset, text "
            + "FROM sentences s WHERE " + NOT_MARKED;

    private List<Sentence> nextBatch(ResultSet rs) throws SQLException {
        List<Sentence> out = new ArrayList<>(batchSize);
        while (out.size() < batchSize && rs.next()) {
            String text = rs.getString(7);
            out.add(new Sentence(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getInt(6), text == null ? "" : text));
        }
        return out;
    }

    /**
     * Writes a batch's annotations and its done-marks in one transaction. The transaction is begun with a
     * statement: DuckDB's appender does not join a transaction that {@code setAutoCommit(false)} merely
     * announces, it commits on its own, which once left a batch's annotations without their marks.
     */
    private void write(String annotator, AnnotationOutcome outcome) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (Statement tx = connection.createStatement()) {
            StoreTransaction.run(tx, () -> {
                appendAnnotations(duck, outcome.annotations());
                try (TableAppender marks = SentenceTables.marks(duck)) {
                    for (Sentence s : outcome.completed()) {
                        SentenceTables.mark(marks, s.cardId(), s.index(), annotator);
                    }
                }
            });
        }
    }

    /**
     * What {@link #reviseKnownNames} did.
     *
     * @param cards       cards that were waiting for the corpus's names
     * @param sentences   sentences annotated again: of the waiting cards, those the names could change (or all of them,
     *                    for a few cards); of the other cards, those naming a name that came or went
     * @param annotations the annotations those sentences have now
     * @param patterns    the regular expressions the names were matched with (more than one where RE2 refused
     *                    one pattern with all of them)
     */
    public record Revision(long cards, long sentences, long annotations, int patterns) {
    }

    /**
     * Characters of one known-names pattern at most: RE2 compiled 100,000 in 0.4 s and refused 400,000
     * ("pattern too large", its memory limit) in DuckDB 1.4; the Hub's dataset names make millions.
     */
    static final int FILTER_CHARS = 100_000;

    /**
     * Waiting cards the revision reads per query: DuckDB holds their bodies for its join (about 230 MB on
     * hub-2023's cards; one query for 300k cards took 58 s under the 1 GB limit). Each query reads only its own
     * cards' rows ({@link #revisePending}).
     */
    static final int REVISION_CARDS = 100_000;

    /**
     * Up to this many waiting cards (a re-run after a few changed), every sentence of theirs is annotated again
     * instead of those the names' patterns find: the annotator costs less for a few thousand sentences than RE2's
     * compiling of a pattern with every corpus dataset name (docs/bench.md, "Re-runs and the revision").
     */
    static final int ALL_SENTENCES_CARDS = 2_000;

    /**
     * Finishes the rules annotations made in one pass with ingestion: those cards were annotated before the
     * corpus's own model ids and dataset names were all known, so the sentences these names can change
     * ({@link RuleAnnotator#knownNamesFilter}, matched by DuckDB, in parts where RE2 refuses it whole; every sentence
     * of a few cards) are annotated again with them, which leaves every sentence annotated as the annotation phase
     * would have. And where the cards written since the last revision brought names into the corpus or took them
     * out ({@code known_names_changed}), the other cards' rules-annotated sentences that name them are annotated
     * again too, so a re-run ends as a fresh run of the same cards. The new annotations wait in temporary tables and
     * replace the old ones in one transaction at the end, with the waiting cards and names let go: a run stopped
     * before then does it all again (the same result) when run again.
     */
    public Revision reviseKnownNames() throws SQLException {
        return reviseKnownNames(FILTER_CHARS, REVISION_CARDS, ALL_SENTENCES_CARDS);
    }

    /**
     * As {@link #reviseKnownNames()}, with the names matched in patterns of at most {@code filterChars}
     * characters each (halved until RE2 takes every pattern), and the waiting cards read {@code cardsPerQuery}
     * at a time (their bodies make DuckDB's side of the join: bounded, it stays in memory); the waiting cards'
     * sentences are always filtered by the names first.
     */
    public Revision reviseKnownNames(int filterChars, int cardsPerQuery) throws SQLException {
        return reviseKnownNames(filterChars, cardsPerQuery, 0);
    }

    /** As {@link #reviseKnownNames(int, int)}; up to {@code allSentencesCards} waiting cards, all their sentences. */
    Revision reviseKnownNames(int filterChars, int cardsPerQuery, int allSentencesCards) throws SQLException {
        long cards = StoreQuery.count(connection, "SELECT count(*) FROM known_names_pending");
        long changedNames = StoreQuery.count(connection, "SELECT count(*) FROM known_names_changed");
        if (cards == 0 && changedNames == 0) {
            return new Revision(0, 0, 0, 0);
        }
        KnownNames known = knownNames();
        RuleAnnotator rules = new RuleAnnotator(known);
        long[] done = new long[2];
        int patternCount = 0;
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBConnection reader = duck.duplicate();
             Statement query = reader.createStatement();
             Statement tx = connection.createStatement()) {
            tx.execute("CREATE OR REPLACE TEMP TABLE cardminer_revised (card_id VARCHAR, sentence INTEGER)");
            tx.execute("CREATE OR REPLACE TEMP TABLE " + REVISED_ANNOTATIONS + " AS SELECT * FROM annotations LIMIT 0");
            if (cards > 0) {
                // A few cards: all their sentences; many: those the names' patterns find.
                List<String> patterns = cards <= allSentencesCards ? List.of()
                        : compilablePatterns(RuleAnnotator.knownNamesAlternatives(known), filterChars);
                patternCount = patterns.size();
                revisePending(query, patterns.isEmpty() ? "true" : matching("text", patterns), cardsPerQuery, rules,
                        duck, done);
            }
            if (changedNames > 0) {
                patternCount += reviseNamed(query, filterChars, rules, duck, done);
            }
            replaceRevised(tx);
            tx.execute("DROP TABLE temp.main.cardminer_revised");
            tx.execute("DROP TABLE temp.main." + REVISED_ANNOTATIONS);
        }
        return new Revision(cards, done[0], done[1], patternCount);
    }

    /**
     * Annotates again the waiting cards' sentences that {@code condition} keeps, {@code cardsPerQuery} cards at a time
     * in the order the store holds them. Each part's query reads only the rows from the first to the last of its
     * cards in {@code cards} and {@code sentence_rows} (by {@code rowid}, which DuckDB turns into row groups to skip):
     * the parts together read each table about once (each part read all of both before, so the revision grew
     * faster than the corpus), and a few waiting cards, written last, cost no scan of the whole store's bodies. Row ids
     * hold within the reading connection's transaction.
     */
    private void revisePending(Statement query, String condition, int cardsPerQuery, RuleAnnotator rules,
                               DuckDBConnection duck, long[] done) throws SQLException {
        StoreTransaction.run(query, () -> {
            query.execute("CREATE OR REPLACE TEMP TABLE cardminer_waiting AS SELECT id AS card_id, rowid AS card_row, "
                    + "(row_number() OVER (ORDER BY rowid) - 1) // " + Math.max(1, cardsPerQuery) + " AS part "
                    + "FROM cards WHERE id IN (SELECT card_id FROM known_names_pending)");
            List<long[]> parts = new ArrayList<>();
            try (ResultSet rs = query.executeQuery("SELECT w.part, min(w.card_row), max(w.card_row), min(s.rowid), "
                    + "max(s.rowid) FROM cardminer_waiting w JOIN sentence_rows s ON s.card_id = w.card_id "
                    + "GROUP BY w.part ORDER BY w.part")) {
                while (rs.next()) {
                    parts.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
            for (long[] p : parts) {
                revise(query, sentencesOf("(SELECT card_id FROM cardminer_waiting WHERE part = " + p[0] + ")",
                        "c.rowid BETWEEN " + p[1] + " AND " + p[2], "s.rowid BETWEEN " + p[3] + " AND " + p[4],
                        condition), rules, duck, done);
            }
            query.execute("DROP TABLE cardminer_waiting");
        });
    }

    /**
     * Annotates again the rules-annotated sentences of cards that were not waiting and that name a name the cards
     * written since the last revision brought in or took out ({@link KnownNameChanges#read}: not those some unchanged
     * card still has): those whose Hub ids ({@code sentence_hub_ids}) include one, by a join, and where a bare dataset
     * name came or went, those that match its tokens (a sentence with its text stored as it is, one with the body's
     * text only where its card's body matches: a match in a part of the body is one in the body).
     *
     * @return the patterns the dataset names were matched with
     */
    private int reviseNamed(Statement query, int filterChars, RuleAnnotator rules, DuckDBConnection duck, long[] done)
            throws SQLException {
        // A first run: every card the rules annotated is waiting (and revised with every name) already.
        String notWaiting = " AND card_id NOT IN (SELECT card_id FROM known_names_pending) LIMIT 1))";
        boolean others = StoreQuery.count(connection, "SELECT (SELECT count(*) FROM (SELECT 1 FROM annotated_cards "
                + "WHERE annotator = '" + RuleAnnotator.NAME + "'" + notWaiting + " + (SELECT count(*) FROM (SELECT 1 "
                + "FROM sentence_marks WHERE annotator = '" + RuleAnnotator.NAME + "'" + notWaiting) > 0;
        if (!others) {
            return 0;
        }
        KnownNameChanges.Changed changed = KnownNameChanges.read(query);
        Set<String> all = changed.all();
        if (all.isEmpty()) {
            return 0;
        }
        List<String> phrases = changed.phraseAlternatives();
        query.execute("CREATE OR REPLACE TEMP TABLE cardminer_changed_names (name VARCHAR)");
        try (TableAppender names = TableAppender.open(query.getConnection().unwrap(DuckDBConnection.class), "temp",
                "cardminer_changed_names", "name")) {
            for (String name : all) {
                names.begin().str(name).end();
            }
        }
        query.execute("CREATE OR REPLACE TEMP TABLE cardminer_hub_named AS SELECT DISTINCT h.card_id, h.sentence "
                + "FROM sentence_hub_ids h JOIN temp.main.cardminer_changed_names n ON n.name = h.hub_id "
                + "WHERE h.card_id NOT IN (SELECT card_id FROM known_names_pending)");
        List<String> patterns = phrases.isEmpty() ? List.of() : compilablePatterns(phrases, filterChars);
        query.execute("CREATE OR REPLACE TEMP TABLE cardminer_named AS SELECT DISTINCT card_id FROM cardminer_hub_named"
                + (patterns.isEmpty() ? "" : " UNION SELECT id FROM cards WHERE id NOT IN (SELECT card_id FROM "
                + "known_names_pending) AND (" + matching("body", patterns) + " OR id IN (SELECT card_id FROM "
                + "sentence_rows WHERE text IS NOT NULL AND " + matching("text", patterns) + "))"));
        String byRules = "(s.card_id IN (SELECT card_id FROM annotated_cards WHERE annotator = '" + RuleAnnotator.NAME
                + "') OR EXISTS (SELECT 1 FROM sentence_marks m WHERE m.card_id = s.card_id "
                + "AND m.sentence = s.position AND m.annotator = '" + RuleAnnotator.NAME + "'))";
        String named = "(EXISTS (SELECT 1 FROM cardminer_hub_named h WHERE h.card_id = s.card_id "
                + "AND h.sentence = s.position)" + (patterns.isEmpty() ? "" : " OR " + matching("text", patterns)) + ")";
        revise(query, sentencesOf("(SELECT card_id FROM cardminer_named)", "true", "true", byRules + " AND " + named),
                rules, duck, done);
        query.execute("DROP TABLE cardminer_named");
        query.execute("DROP TABLE cardminer_hub_named");
        query.execute("DROP TABLE cardminer_changed_names");
        return patterns.size();
    }

    /**
     * The sentence rows (with their texts) of the cards {@code cards} (an SQL list) that {@code condition} keeps (on
     * {@code s}, the row, and {@code text}): the bodies of these cards only (through the view, every body: 20x slower);
     * {@code cardRows} and {@code sentenceRows} narrow the rows read ({@code c} the cards, {@code s} the sentence
     * rows).
     */
    private static String sentencesOf(String cards, String cardRows, String sentenceRows, String condition) {
        // The cards first: the join keeps their sentences (a second filter on the sentences' ids made DuckDB join
        // every sentence with the bodies first, then filter: 7x slower on a part of 100,000 cards).
        return "SELECT * FROM (SELECT s.card_id, s.position, s.section, s.heading, s.start_offset, s.end_offset, "
                + "sentence_text(s.text, c.body, s.start_offset, s.end_offset) AS text FROM sentence_rows s "
                + "JOIN (SELECT id, body FROM cards c WHERE " + cardRows + " AND id IN " + cards + ") c "
                + "ON c.id = s.card_id WHERE " + sentenceRows + ") s WHERE " + condition;
    }

    /** An SQL condition: {@code column} matches one of the patterns (RE2 wants each constant: a literal). */
    private static String matching(String column, List<String> patterns) {
        StringBuilder filter = new StringBuilder("(");
        for (String p : patterns) {
            filter.append(filter.length() == 1 ? "" : " OR ").append("regexp_matches(").append(column).append(", ")
                    .append(literal(p)).append(')');
        }
        return filter.append(')').toString();
    }

    /** Annotates the sentences the query gives with the rules, batch by batch, and stages them and the annotations. */
    private void revise(Statement query, String sql, RuleAnnotator rules, DuckDBConnection duck, long[] done)
            throws SQLException {
        try (ResultSet rows = query.executeQuery(sql)) {
            while (true) {
                List<Sentence> batch = nextBatch(rows);
                if (batch.isEmpty()) {
                    break;
                }
                AnnotationOutcome outcome = annotateBatch(rules, batch);
                stage(duck, batch, outcome.annotations());
                done[0] += batch.size();
                done[1] += outcome.annotations().size();
            }
        }
    }

    /**
     * The alternatives as {@code (?i)} patterns of at most {@code maxChars} characters each (one alternative may be
     * longer), each compiled once by DuckDB to see that RE2 takes it; where it refuses one, the patterns are made
     * again at half the size.
     */
    private List<String> compilablePatterns(List<String> alternatives, int maxChars) throws SQLException {
        for (int limit = Math.max(1, maxChars); ; limit = Math.max(1, limit / 2)) {
            List<String> patterns = new ArrayList<>();
            StringBuilder p = new StringBuilder();
            for (String a : alternatives) {
                if (!p.isEmpty() && p.length() + a.length() + 8 > limit) {
                    patterns.add("(?i)(?:" + p + ")");
                    p.setLength(0);
                }
                p.append(p.isEmpty() ? "" : "|").append(a);
            }
            if (!p.isEmpty()) {
                patterns.add("(?i)(?:" + p + ")");
            }
            String refused = refusedPattern(patterns);
            if (refused == null) {
                return patterns;
            }
            if (limit == 1) {
                throw new SQLException("RE2 refuses a known-names pattern on its own: " + refused);
            }
        }
    }

    /** RE2's message for the first pattern DuckDB cannot compile ("pattern too large"), or null when it takes all. */
    private String refusedPattern(List<String> patterns) throws SQLException {
        for (String p : patterns) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT regexp_matches('', " + literal(p) + ")")) {
                rs.next();
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("pattern too large")) {
                    return e.getMessage();
                }
                throw e;
            }
        }
        return null;
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * Keeps these sentences and their new annotations aside (temporary tables) until {@link #replaceRevised} replaces
     * their annotations all at once: a {@code DELETE} per batch scanned the whole table each time.
     */
    private static void stage(DuckDBConnection duck, List<Sentence> sentences, List<Annotation> annotations)
            throws SQLException {
        try (TableAppender revised = TableAppender.open(duck, "temp", "cardminer_revised", "card_id", "sentence")) {
            for (Sentence s : sentences) {
                revised.begin().str(s.cardId()).i32(s.index()).end();
            }
        }
        try (TableAppender app = SentenceTables.annotations(duck, "temp", REVISED_ANNOTATIONS)) {
            for (Annotation a : annotations) {
                SentenceTables.annotation(app, a);
            }
        }
    }

    private static final String REVISED_ANNOTATIONS = "cardminer_revised_annotations";

    /**
     * Replaces the rules annotations of the staged sentences and lets the waiting cards and changed names go, in one
     * transaction: a run stopped before it leaves the store as it was, and does the revision again.
     */
    private static void replaceRevised(Statement tx) throws SQLException {
        StoreTransaction.run(tx, () -> {
            tx.execute("DELETE FROM annotations USING temp.main.cardminer_revised r WHERE annotations.card_id = r.card_id "
                    + "AND annotations.sentence = r.sentence AND annotations.annotator = '" + RuleAnnotator.NAME + "'");
            tx.execute("INSERT INTO annotations SELECT * FROM temp.main." + REVISED_ANNOTATIONS);
            tx.execute("DELETE FROM known_names_pending");
            tx.execute("DELETE FROM known_names_changed");
        });
    }

    private static void appendAnnotations(DuckDBConnection duck, List<Annotation> annotations) throws SQLException {
        try (TableAppender app = SentenceTables.annotations(duck)) {
            for (Annotation a : annotations) {
                SentenceTables.annotation(app, a);
            }
        }
    }

    /**
     * Measures how far two annotators agree on the sentences both have handled, stores the figures in
     * {@code annotator_agreement} and returns them.
     */
    public Agreement agreement(String first, String second, ConceptNormaliser normaliser) throws SQLException {
        Map<String, List<Annotation>> a = new HashMap<>();
        Map<String, List<Annotation>> b = new HashMap<>();
        long sentences = StoreQuery.count(connection, "SELECT count(*) FROM annotated_sentences x "
                + "JOIN annotated_sentences y ON x.card_id = y.card_id AND x.sentence = y.sentence "
                + "WHERE x.annotator = ? AND y.annotator = ?", first, second);
        try (PreparedStatement st = connection.prepareStatement("SELECT n.card_id, n.sentence, n.subject, n.category, "
                + "n.annotator FROM annotations n JOIN annotated_sentences x ON x.card_id = n.card_id "
                + "AND x.sentence = n.sentence AND x.annotator = ? JOIN annotated_sentences y "
                + "ON y.card_id = n.card_id AND y.sentence = n.sentence AND y.annotator = ? "
                + "WHERE n.annotator IN (?, ?)")) {
            st.setString(1, first);
            st.setString(2, second);
            st.setString(3, first);
            st.setString(4, second);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Annotation x = new Annotation(rs.getString(3), rs.getString(4), "", rs.getString(1), rs.getInt(2),
                            -1, -1, rs.getString(5));
                    (x.annotator().equals(first) ? a : b).computeIfAbsent(x.cardId(), k -> new ArrayList<>()).add(x);
                }
            }
        }
        List<Annotation> all1 = a.values().stream().flatMap(List::stream).toList();
        List<Annotation> all2 = b.values().stream().flatMap(List::stream).toList();
        Agreement agreement = Agreement.of(first, all1, second, all2, normaliser);
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO annotator_agreement VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setTimestamp(1, Timestamp.from(Instant.now()));
            st.setString(2, first);
            st.setString(3, second);
            st.setLong(4, sentences);
            st.setLong(5, agreement.firstTotal());
            st.setLong(6, agreement.firstMatched());
            st.setLong(7, agreement.secondTotal());
            st.setLong(8, agreement.secondMatched());
            st.executeUpdate();
        }
        return agreement;
    }
}
