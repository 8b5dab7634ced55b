package dev.cardminer.suggest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cardminer.core.CardJson;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes suggestions and conflicts into the store's {@code suggestions} table (schema.sql), replacing the
 * rows of cards written again. The caller owns the connection and its transactions.
 */
public final class SuggestionStore {

    private static final ObjectMapper JSON = CardJson.mapper();

    private final Connection connection;

    /**
     * A store of suggestions on {@code connection}, whose {@code suggestions} table exists; the caller owns the
     * connection and its transactions. Not thread-safe.
     */
    public SuggestionStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * What one card gave, and the content hash of the text it was read from ({@code SourceCard.contentHash()}, as
     * {@code cards.content_hash}).
     *
     * @param found       what the suggester found for the card
     * @param contentHash the hash of the text it was read from, or null when unknown
     */
    public record Read(CardSuggestions found, String contentHash) {
    }

    /**
     * Writes the rows of the cards that the store holds in the version read (its {@code cards} table has the id with
     * this content hash) and returns the ids of the others, whose rows are not written: the table describes the store's
     * cards, whose body its evidence offsets and lines point into. One query per call: give cards a page at a time.
     */
    public List<String> writeHeld(List<Read> batch) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        if (!batch.isEmpty()) {
            String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
            try (PreparedStatement st = connection.prepareStatement("SELECT id, content_hash FROM cards WHERE id IN ("
                    + marks + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    st.setString(i + 1, batch.get(i).found().id());
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        List<String> notHeld = new ArrayList<>();
        for (Read r : batch) {
            if (r.contentHash() != null && r.contentHash().equals(stored.get(r.found().id()))) {
                write(r.found());
            } else {
                notHeld.add(r.found().id());
            }
        }
        return notHeld;
    }

    /**
     * Replaces the card's rows in {@code suggestions} with its suggestions and conflicts.
     *
     * @throws SQLException when the store cannot be written
     */
    public void write(CardSuggestions card) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM suggestions WHERE card_id = ?")) {
            delete.setString(1, card.id());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Suggestion s : card.suggestions()) {
                bind(insert, card.id(), s, false, null);
                insert.addBatch();
            }
            for (Conflict c : card.conflicts()) {
                bind(insert, card.id(), c.suggestion(), true, json(c.yamlValue()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement st, String id, Suggestion s, boolean conflict, String yaml)
            throws SQLException {
        st.setString(1, id);
        st.setString(2, s.field());
        st.setString(3, s.value() instanceof String v ? v : json(s.value()));
        st.setDouble(4, s.confidence());
        st.setString(5, s.method());
        Evidence e = s.evidence();
        // the table's line is the card's: a repo file's line goes into the evidence, as "config.json:3: ..."
        st.setString(6, e.fromFile() ? e.file() + (e.line() > 0 ? ":" + e.line() + ": " + e.text() : "") : e.text());
        st.setInt(7, e.fromFile() ? 0 : e.line());
        st.setInt(8, e.fromFile() ? 0 : e.column());
        st.setInt(9, s.evidence().start());
        st.setInt(10, s.evidence().end());
        st.setBoolean(11, conflict);
        st.setString(12, yaml);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
