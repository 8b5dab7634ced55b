package dev.cardminer.io.internal;

import dev.cardminer.annotate.Sentence;
import dev.cardminer.annotate.SentenceSplitter;
import dev.cardminer.core.CanonicalSection;
import dev.cardminer.core.Metadata;
import dev.cardminer.core.ModelCard;
import dev.cardminer.core.Section;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private record Body(String id, String body, List<Section> sections) {
    }

    private record Row(Sentence sentence, String hash) {
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

    /** Splits and writes the sentences of every card with a body and no sentences; returns the rows written. */
    public long run() throws SQLException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cardminer-sentences");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<SentenceSplitter> splitters = ThreadLocal.withInitial(SentenceSplitter::markdown);
        ArrayDeque<Future<List<Row>>> window = new ArrayDeque<>();
        long written = 0;
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
                    Body b = new Body(rs.getString(1), rs.getString(2), sections(rs));
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
                    written += write(tx, appender, take(window.poll()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return written;
    }

    private static final String QUERY = """
            WITH todo AS (
                SELECT id, body FROM cards c WHERE body IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.card_id = c.id)),
            secs AS (
                SELECT card_id,
                       list(level ORDER BY position) AS lv, list(title ORDER BY position) AS tt,
                       list(canonical ORDER BY position) AS cn, list(start_offset ORDER BY position) AS so,
                       list(end_offset ORDER BY position) AS eo, list(line ORDER BY position) AS ln,
                       list(placeholder ORDER BY position) AS ph, list(empty ORDER BY position) AS em
                FROM sections WHERE card_id IN (SELECT id FROM todo) GROUP BY card_id)
            SELECT t.id, t.body, s.lv, s.tt, s.cn, s.so, s.eo, s.ln, s.ph, s.em
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

    private static List<Row> split(List<Body> batch, SentenceSplitter splitter) {
        Hashes hashes = new Hashes();
        List<Row> rows = new ArrayList<>();
        for (Body b : batch) {
            // Without stored sections (a store written by other means) the card is parsed from its body.
            ModelCard card = b.sections() == null ? ModelCard.parse(b.id(), b.body())
                    : new ModelCard(b.id(), b.body(), false, null, 0, Metadata.empty(), b.body(), 0, 1, List.of(),
                    b.sections(), List.of(), 0, List.of());
            List<Sentence> sentences;
            try {
                sentences = splitter.split(card);
            } catch (RuntimeException | StackOverflowError e) {
                // A body the splitter cannot walk gets no sentences; ingestion stored the card as it is.
                continue;
            }
            for (Sentence s : sentences) {
                rows.add(new Row(s, hashes.sha256Hex(s.text())));
            }
        }
        return rows;
    }

    private static List<Row> take(Future<List<Row>> f) throws SQLException, InterruptedException {
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

    private long write(Statement tx, DuckDBAppender appender, List<Row> rows) throws SQLException {
        tx.execute("BEGIN TRANSACTION");
        try {
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

    private static void str(DuckDBAppender appender, String v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else {
            appender.append(v);
        }
    }
}
