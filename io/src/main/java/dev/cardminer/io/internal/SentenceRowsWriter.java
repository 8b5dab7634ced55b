package dev.cardminer.io.internal;

import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.Problem;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Section;
import java.io.PrintWriter;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Fills the {@code sentences} table for stored cards that have none yet: splits {@code cards.body} with
 * the card's stored sections (so the result is what splitting the freshly parsed card gives, without
 * parsing the card again), on several threads, and commits the sentences of a batch of cards in one
 * transaction, so a killed run leaves only whole cards and the next run does the rest.
 */
public final class SentenceRowsWriter {

    private static final int BATCH_CARDS = 500;
    private static final long BATCH_CHARS = 4L << 20;
    private static final Map<String, CanonicalSection> CANONICAL = new HashMap<>();

    static {
        for (CanonicalSection c : CanonicalSection.values()) {
            CANONICAL.put(c.title(), c);
        }
    }

    private record Body(String id, String body, List<Section> sections, int problemCount) {
    }

    private record Row(Sentence sentence, String hash) {
    }

    /** The rows of a batch of cards: sentences, and the problems that limited them, by card. */
    private record Rows(List<Row> sentences, List<CardProblem> problems, int cards) {
    }

    private record CardProblem(String cardId, int position, Problem problem) {
    }

    private final DuckDBConnection connection;
    private final int threads;

    private final int extraColumns;

    public SentenceRowsWriter(DuckDBConnection connection, int threads) throws SQLException {
        this.connection = connection;
        this.threads = Math.max(1, threads);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_catalog = "
                     + "current_database() AND table_schema = 'main' AND table_name = 'sentences'")) {
            rs.next();
            // Columns added to the table after the eight cardminer writes get nulls.
            this.extraColumns = Math.max(0, rs.getInt(1) - 8);
        }
    }

    private PrintWriter log;

    /** Progress lines (cards and sentences so far, every 5 s at most) go here; none by default. */
    public SentenceRowsWriter withLog(PrintWriter log) {
        this.log = log;
        return this;
    }

    /** Splits and writes the sentences of every card with a body and no sentences; returns the rows written. */
    public long run() throws SQLException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cardminer-sentences");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<SentenceSplitter> splitters = ThreadLocal.withInitial(SentenceSplitter::markdown);
        ArrayDeque<Future<Rows>> window = new ArrayDeque<>();
        long written = 0;
        long cards = 0;
        long lastLog = System.nanoTime();
        // The reading connection streams the cards from a snapshot taken at the start, while this
        // connection commits batch by batch.
        try (DuckDBConnection reader = connection.duplicate();
             Statement st = reader.createStatement();
             ResultSet rs = st.executeQuery(QUERY);
             DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sentences");
             Statement tx = connection.createStatement()) {
            List<Body> batch = new ArrayList<>();
            long chars = 0;
            boolean more = true;
            while (more || !window.isEmpty()) {
                if (more && rs.next()) {
                    Body b = new Body(rs.getString(1), rs.getString(2), sections(rs), rs.getInt(11));
                    batch.add(b);
                    chars += b.body().length();
                    if (batch.size() < BATCH_CARDS && chars < BATCH_CHARS) {
                        continue;
                    }
                } else {
                    more = false;
                }
                if (!batch.isEmpty()) {
                    List<Body> work = batch;
                    window.add(pool.submit(() -> split(work, splitters.get())));
                    batch = new ArrayList<>();
                    chars = 0;
                }
                if (window.size() > 2 * threads || (!more && !window.isEmpty())) {
                    Rows rows = take(window.poll());
                    written += write(tx, appender, rows);
                    cards += rows.cards();
                    if (log != null && System.nanoTime() - lastLog > 5_000_000_000L) {
                        log.printf("annotate: split %,d cards, %,d sentences so far%n", cards, written);
                        log.flush();
                        lastLog = System.nanoTime();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return written;
    }

    private static final String QUERY = """
            WITH todo AS (
                SELECT id, body, problem_count FROM cards c WHERE body IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.card_id = c.id)),
            secs AS (
                SELECT card_id,
                       list(level ORDER BY position) AS lv, list(title ORDER BY position) AS tt,
                       list(canonical ORDER BY position) AS cn, list(start_offset ORDER BY position) AS so,
                       list(end_offset ORDER BY position) AS eo, list(line ORDER BY position) AS ln,
                       list(placeholder ORDER BY position) AS ph, list(empty ORDER BY position) AS em
                FROM sections WHERE card_id IN (SELECT id FROM todo) GROUP BY card_id)
            SELECT t.id, t.body, s.lv, s.tt, s.cn, s.so, s.eo, s.ln, s.ph, s.em, coalesce(t.problem_count, 0)
            FROM todo t LEFT JOIN secs s ON s.card_id = t.id""";

    /** The stored sections of the current row, or null when the card has none stored. */
    private static List<Section> sections(ResultSet rs) throws SQLException {
        Object[] level = array(rs.getArray(3));
        if (level == null || level.length == 0) {
            return null;
        }
        Object[] title = array(rs.getArray(4));
        Object[] canonical = array(rs.getArray(5));
        Object[] start = array(rs.getArray(6));
        Object[] end = array(rs.getArray(7));
        Object[] line = array(rs.getArray(8));
        Object[] placeholder = array(rs.getArray(9));
        Object[] empty = array(rs.getArray(10));
        List<Section> out = new ArrayList<>(level.length);
        for (int i = 0; i < level.length; i++) {
            out.add(new Section(num(level[i]), (String) title[i],
                    canonical[i] == null ? null : CANONICAL.get((String) canonical[i]), num(start[i]), num(end[i]),
                    num(line[i]), Boolean.TRUE.equals(placeholder[i]), Boolean.TRUE.equals(empty[i])));
        }
        return out;
    }

    private static Object[] array(Array a) throws SQLException {
        return a == null ? null : (Object[]) a.getArray();
    }

    private static int num(Object o) {
        return o == null ? 0 : ((Number) o).intValue();
    }

    private static Rows split(List<Body> batch, SentenceSplitter splitter) {
        Hashes hashes = new Hashes();
        List<Row> rows = new ArrayList<>();
        List<CardProblem> problems = new ArrayList<>();
        for (Body b : batch) {
            // Without stored sections (a store written by other means) the card is parsed from its body.
            ModelCard card = b.sections() == null ? ModelCard.parse(b.id(), b.body())
                    : new ModelCard(b.id(), b.body(), false, null, 0, Metadata.empty(), b.body(), 0,
                    bodyLine(b.body(), b.sections()), List.of(), b.sections(), List.of(), 0, List.of());
            CardSentences split = CardSentences.split(splitter, card, hashes);
            for (int i = 0; i < split.sentences().size(); i++) {
                rows.add(new Row(split.sentences().get(i), split.hashes().get(i)));
            }
            int position = b.problemCount();
            for (Problem p : split.problems()) {
                problems.add(new CardProblem(b.id(), position++, p));
            }
        }
        return new Rows(rows, problems, batch.size());
    }

    /**
     * The card-file line of the body's first line, from a stored section (its line less the body's line
     * breaks before it); 1 when there is none, so lines then count within the body.
     */
    private static int bodyLine(String body, List<Section> sections) {
        Section first = sections.getFirst();
        int breaks = 0;
        int end = Math.min(body.length(), Math.max(0, first.start()));
        for (int i = 0; i < end; i++) {
            char c = body.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= body.length() || body.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return Math.max(1, first.line() - breaks);
    }

    private static Rows take(Future<Rows> f) throws SQLException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SQLException(cause);
        }
    }

    private long write(Statement tx, DuckDBAppender appender, Rows batch) throws SQLException {
        List<Row> rows = batch.sentences();
        tx.execute("BEGIN TRANSACTION");
        try {
            if (!batch.problems().isEmpty()) {
                writeProblems(batch.problems());
            }
            for (Row r : rows) {
                Sentence s = r.sentence();
                appender.beginRow().append(s.cardId()).append(s.index());
                str(appender, s.section());
                str(appender, s.heading());
                appender.append(s.start()).append(s.end()).append(s.text()).append(r.hash());
                for (int i = 0; i < extraColumns; i++) {
                    appender.appendNull();
                }
                appender.endRow();
            }
            appender.flush();
            tx.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                tx.execute("ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return rows.size();
    }

    /** Rare (a card past a limit), so plain statements in the batch's transaction. */
    private void writeProblems(List<CardProblem> problems) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO problems (card_id, position, severity, code, message, line, col) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement count = connection.prepareStatement(
                     "UPDATE cards SET problem_count = coalesce(problem_count, 0) + 1 WHERE id = ?")) {
            for (CardProblem cp : problems) {
                Problem p = cp.problem();
                insert.setString(1, cp.cardId());
                insert.setInt(2, cp.position());
                insert.setString(3, p.severity().name().toLowerCase(Locale.ROOT));
                insert.setString(4, p.code());
                insert.setString(5, p.message());
                insert.setInt(6, p.line());
                insert.setInt(7, p.column());
                insert.executeUpdate();
                count.setString(1, cp.cardId());
                count.executeUpdate();
            }
        }
    }

    private static void str(DuckDBAppender appender, String v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v);
        }
    }
}
