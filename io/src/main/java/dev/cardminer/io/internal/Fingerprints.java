package dev.cardminer.io.internal;

import dev.cardminer.core.ProblemCodes;
import dev.cardminer.io.RepoFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * What a re-run compares of a card, in two parts: {@code cards.fingerprint} of the card itself (its text's hash, a
 * failure message, the row format) and {@code cards.facts_hash} of its repo facts and source. When the first is unchanged nothing
 * made from the text is made again; when only the second changed (the Hub's downloads and likes, daily), only the facts
 * are stored again ({@link CardFacts}).
 */
public final class Fingerprints {

    /**
     * Bump when the rows written for a card's text change, so that re-runs re-analyse every stored card; RowFormatTest
     * fails until it is bumped and the rows recorded again.
     */
    public static final int ROW_FORMAT = 4;

    /** The row format of every store up to schema 7, whose fingerprints {@link #fromSchema7} makes again. */
    private static final int SCHEMA_7_ROW_FORMAT = 1;

    private static final String CONVERTED = "cardminer_text_fingerprints";

    private Fingerprints() {
    }

    /** The card's fingerprint: the first 8 bytes of the SHA-256 of its text's hash, failure and the row format. */
    public static long text(Hashes hashes, String contentHash, String failure) {
        return text(hashes, contentHash, failure, ROW_FORMAT);
    }

    private static long text(Hashes hashes, String contentHash, String failure, int rowFormat) {
        return hashes.key(contentHash + '\u0000' + failure + '\u0000' + rowFormat);
    }

    /**
     * The facts' hash: the first 8 bytes of the SHA-256 of where the card was read from ({@code cards.source}) and the
     * record's text (every field, nulls as "null"). The source is in it so that a re-run from another file or folder
     * stores where each unchanged card now comes from, as a fresh run of that source would.
     */
    public static long facts(Hashes hashes, RepoFacts facts, String source) {
        return hashes.key(source + '\u0000' + facts);
    }

    /**
     * Schema 8, inside the caller's transaction: up to schema 7 {@code cards.fingerprint} covered the repo facts too, so
     * a card whose facts changed would be analysed again. Each stored card gets the fingerprint of its own stored
     * content hash and failure (the message of its {@code source-error} problem; rows of row format 1, the only one
     * there was); its {@code facts_hash} stays null, so the next run stores its facts once, without analysing it.
     * Rows without a fingerprint (never compared equal) keep none.
     */
    public static void fromSchema7(DuckDBConnection connection) throws SQLException {
        Hashes hashes = new Hashes();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_catalog = "
                    + "current_database() AND table_schema = 'main' AND table_name = 'cards' AND column_name = 'fingerprint'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return; // a store from before fingerprints: nothing to convert
                }
            }
            st.execute("CREATE OR REPLACE TEMP TABLE " + CONVERTED + " (id VARCHAR, fingerprint BIGINT)");
            try (TableAppender to = TableAppender.open(connection, "temp", CONVERTED, "id", "fingerprint");
                 ResultSet rs = st.executeQuery("SELECT c.id, c.content_hash, (SELECT first(p.message ORDER BY p.position) "
                         + "FROM problems p WHERE p.card_id = c.id AND p.code = '" + ProblemCodes.SOURCE_ERROR
                         + "') FROM cards c WHERE c.fingerprint IS NOT NULL")) {
                while (rs.next()) {
                    // the rows are of the row format of their day, so a later format's run analyses them again
                    to.begin().str(rs.getString(1)).i64(text(hashes, rs.getString(2), rs.getString(3),
                            SCHEMA_7_ROW_FORMAT)).end();
                }
                to.flush();
            }
            st.execute("UPDATE cards SET fingerprint = f.fingerprint FROM temp.main." + CONVERTED + " f WHERE cards.id = f.id");
            st.execute("DROP TABLE temp.main." + CONVERTED);
        }
    }
}
