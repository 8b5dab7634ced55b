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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** A card's sentences with the body they are offsets into. */
    private record CardSplit(String id, String body, List<Sentence> sentences) {
    }

    /** The rows of a batch of cards: sentences, and the problems that limited them, by card. */
    private record Rows(List<CardSplit> sentences, List<CardProblem> problems, int cards) {
    }

    private record CardProblem(String cardId, int position, Problem problem) {
    }

    /** The cards of a batch with their sentence counts, for {@code cards.sentence_count}. */
    private static final String SPLIT = "cardminer_split_cards";

    private final DuckDBConnection connection;
    private final int threads;

    public SentenceRowsWriter(DuckDBConnection connection, int threads) {
        this.connection = connection;
        this.threads = Math.max(1, threads);
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
             TableAppender appender = SentenceTables.sentences(connection);
             TableAppender hubIds = SentenceHubIds.appender(connection);
             TableAppender split = splitAppender(connection);
             TableAppender problems = StoreWriter.problems(connection);
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
                    written += write(tx, appender, hubIds, problems, split, rows);
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
                SELECT id, body, problem_count FROM cards WHERE body IS NOT NULL AND sentence_count IS NULL),
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
        List<CardSplit> rows = new ArrayList<>();
        List<CardProblem> problems = new ArrayList<>();
        for (Body b : batch) {
            // Without stored sections (a store written by other means) the card is parsed from its body.
            ModelCard card = b.sections() == null ? ModelCard.parse(b.id(), b.body())
                    : new ModelCard(b.id(), b.body(), false, null, 0, Metadata.empty(), b.body(), 0,
                    bodyLine(b.body(), b.sections()), List.of(), b.sections(), List.of(), 0, List.of());
            CardSentences split = CardSentences.split(splitter, card);
            rows.add(new CardSplit(b.id(), b.body(), split.sentences()));
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

    private static long write(Statement tx, TableAppender sentences, TableAppender hubIds, TableAppender problems,
                              TableAppender split, Rows batch) throws SQLException {
        long[] written = new long[1];
        StoreTransaction.run(tx, () -> {
            if (!batch.problems().isEmpty()) {
                // Rare (a card past a limit): the card's count follows its problems.
                try (PreparedStatement count = tx.getConnection().prepareStatement(
                        "UPDATE cards SET problem_count = coalesce(problem_count, 0) + 1 WHERE id = ?")) {
                    for (CardProblem cp : batch.problems()) {
                        StoreWriter.problem(problems, cp.cardId(), cp.position(), cp.problem());
                        count.setString(1, cp.cardId());
                        count.executeUpdate();
                    }
                }
                problems.flush();
            }
            for (CardSplit card : batch.sentences()) {
                int bmpEnd = SentenceTables.bmpEnd(card.body());
                for (Sentence s : card.sentences()) {
                    SentenceTables.sentence(sentences, card.id(), s, card.body(), bmpEnd);
                    SentenceHubIds.append(hubIds, card.id(), s.index(), s.text());
                    written[0]++;
                }
                split.begin().str(card.id()).i32(card.sentences().size()).end();
            }
            sentences.flush();
            hubIds.flush();
            split.flush();
            // The cards are split: a card without a sentence is not split again by the next run.
            tx.execute("UPDATE cards SET sentence_count = t.n FROM temp.main." + SPLIT + " t WHERE cards.id = t.id");
            tx.execute("DELETE FROM temp.main." + SPLIT);
        });
        return written[0];
    }

    /** The temporary table of split cards (made at the start of {@link #run}) as an appender. */
    private static TableAppender splitAppender(DuckDBConnection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE " + SPLIT + " (id VARCHAR, n INTEGER)");
        }
        return TableAppender.open(connection, "temp", SPLIT, "id", "n");
    }
}
