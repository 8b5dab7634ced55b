package dev.cardminer.io.internal;

import dev.cardminer.annotate.RuleAnnotator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The rows of {@code sentence_hub_ids}: each sentence's Hub ids that the rules look up in the corpus's names
 * ({@link RuleAnnotator#hubIds}), written with the sentence by every writer of sentence rows, so that the known-names
 * revision finds the sentences naming a changed name with a join.
 */
public final class SentenceHubIds {

    private SentenceHubIds() {
    }

    public static TableAppender appender(DuckDBConnection connection) throws SQLException {
        return TableAppender.open(connection, null, "sentence_hub_ids", "card_id", "sentence", "hub_id");
    }

    /** The rows of one sentence (none for most: no '/'). */
    public static void append(TableAppender to, String cardId, int sentence, String text) throws SQLException {
        for (String id : RuleAnnotator.hubIds(text)) {
            to.begin().str(cardId).i32(sentence).str(id).end();
        }
    }

    /**
     * Fills the table from every stored sentence (a store from before schema 7), inside the caller's transaction: the
     * sentences with a '/' are read first (few), then appended.
     */
    public static void fill(DuckDBConnection connection) throws SQLException {
        List<Object[]> slashed = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM sentence_hub_ids");
            try (ResultSet rs = st.executeQuery("SELECT card_id, position, text FROM sentences "
                    + "WHERE contains(text, '/') ORDER BY card_id, position")) {
                while (rs.next()) {
                    slashed.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)});
                }
            }
        }
        try (TableAppender to = appender(connection)) {
            for (Object[] s : slashed) {
                append(to, (String) s[0], (Integer) s[1], (String) s[2]);
            }
        }
    }
}
