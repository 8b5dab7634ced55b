package dev.cardminer.io.internal;

import dev.cardminer.annotate.Annotation;
import dev.cardminer.annotate.Sentence;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * The row layouts of the sentence side of the store, one place for every writer: {@code sentence_rows}
 * (the one pass, the annotation phase's split), {@code annotations}, and the done-marks
 * {@code annotated_cards} (the one pass) and {@code sentence_marks} (the annotation phase).
 */
public final class SentenceTables {

    private SentenceTables() {
    }

    public static TableAppender sentences(DuckDBConnection connection) throws SQLException {
        return TableAppender.open(connection, null, "sentence_rows", "card_id", "position", "section", "heading",
                "start_offset", "end_offset", "text");
    }

    public static TableAppender annotations(DuckDBConnection connection) throws SQLException {
        return annotations(connection, null, "annotations");
    }

    /** An appender for a table with the columns of {@code annotations} ({@code catalog} null: the store's). */
    public static TableAppender annotations(DuckDBConnection connection, String catalog, String table)
            throws SQLException {
        return TableAppender.open(connection, catalog, table, "card_id", "sentence", "subject", "category",
                "description", "span_start", "span_end", "annotator");
    }

    public static TableAppender marks(DuckDBConnection connection) throws SQLException {
        return TableAppender.open(connection, null, "sentence_marks", "card_id", "sentence", "annotator");
    }

    public static TableAppender cardMarks(DuckDBConnection connection) throws SQLException {
        return TableAppender.open(connection, null, "annotated_cards", "card_id", "annotator");
    }

    /**
     * A sentence of {@code body}: its text is left out (null) where it is the body's own text between the
     * offsets, which the view {@code sentences} gives back with SQL's {@code substring}. That counts code
     * points and the offsets are UTF-16, so only up to {@code bmpEnd} ({@link #bmpEnd}) do they agree.
     */
    public static void sentence(TableAppender to, String cardId, Sentence s, String body, int bmpEnd)
            throws SQLException {
        String text = s.text();
        boolean inBody = body != null && s.start() >= 0 && s.end() <= bmpEnd && s.end() - s.start() == text.length()
                && body.regionMatches(s.start(), text, 0, text.length());
        to.begin().str(cardId).i32(s.index()).str(s.section()).str(s.heading()).i32(s.start()).i32(s.end())
                .str(inBody ? null : text).end();
    }

    /** The UTF-16 index of the body's first non-BMP character (a surrogate pair), or its length when none. */
    public static int bmpEnd(String body) {
        if (body == null) {
            return 0;
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.isSurrogate(body.charAt(i))) {
                return i;
            }
        }
        return body.length();
    }

    public static void annotation(TableAppender to, Annotation a) throws SQLException {
        to.begin().str(a.cardId()).i32(a.sentenceIndex()).str(a.subject()).str(a.category())
                .str(a.description() == null ? "" : a.description()).i32(a.spanStart()).i32(a.spanEnd())
                .str(a.annotator()).end();
    }

    /** The mark that {@code annotator} has handled every sentence of the card (written with its sentences). */
    public static void cardMark(TableAppender to, String cardId, String annotator) throws SQLException {
        to.begin().str(cardId).str(annotator).end();
    }

    /** The mark that {@code annotator} has handled the sentence (with or without annotations). */
    public static void mark(TableAppender to, String cardId, int sentence, String annotator) throws SQLException {
        to.begin().str(cardId).i32(sentence).str(annotator).end();
    }
}
