package dev.cardminer.io;

import dev.cardminer.core.TextLines;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The cards of a store, rebuilt from what it keeps of each: the body (byte for byte the card's) and the metadata
 * as JSON. The card text given is a metadata block holding that JSON on one line (JSON is YAML, so the block
 * parses to the same mapping; an empty mapping is written {@code {}}, since {@code ---} right after {@code ---} is no
 * block), padded with blank lines so that the body starts on the line it started on in the card file: the line the
 * store keeps ({@code cards.body_line}), or, for cards stored before it kept one, the line read from the card's first
 * section (its line in the file less the lines of the body before it). Such a card without sections gets no padding,
 * so its body lines are counted from a one-line block. A card whose block had an error ({@code yaml-syntax},
 * {@code yaml-duplicate-key}, ...) is given as unreadable, with that error: what its block writes is not in the store.
 * Read in pages, so that the connection is free between pages for the caller's own writes.
 */
final class StoreCardSource implements CardSource {

    private static final int PAGE = 256;

    private final Connection connection;
    private final String description;
    private final long expected;
    private final Deque<SourceCard> page = new ArrayDeque<>();
    private String lastId;
    private boolean done;

    StoreCardSource(Connection connection, String description) throws IOException {
        this.connection = connection;
        this.description = description;
        try (var s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM cards")) {
            rs.next();
            this.expected = rs.getLong(1);
        } catch (SQLException e) {
            throw new IOException(description + ": cannot read the store's cards: " + e.getMessage(), e);
        }
    }

    @Override
    public SourceCard next() throws IOException {
        if (page.isEmpty() && !done) {
            readPage();
        }
        return page.pollFirst();
    }

    private void readPage() throws IOException {
        // The page first, then its first sections and block errors: joined before the LIMIT, DuckDB computed the
        // problems' subquery for every card after the page (a page cost a pass over the whole problems table).
        String sql = "WITH page AS MATERIALIZED (SELECT id, has_metadata, metadata_json, body, author, downloads, likes,"
                + " pipeline_tag, library_name, tags, body_line FROM cards" + (lastId == null ? "" : " WHERE id > ?")
                + " ORDER BY id LIMIT " + PAGE + "), errors AS (SELECT card_id, first('line ' || line || ': ' || code"
                + " ORDER BY position) AS error FROM problems WHERE severity = 'error' AND code LIKE 'yaml-%' AND card_id"
                + " IN (SELECT id FROM page) GROUP BY card_id)"
                + " SELECT c.id, c.has_metadata, c.metadata_json, c.body, c.author, c.downloads, c.likes, c.pipeline_tag,"
                + " c.library_name, c.tags, s.line, s.start_offset, c.body_line, e.error FROM page c"
                + " LEFT JOIN sections s ON s.card_id = c.id AND s.position = 0"
                + " LEFT JOIN errors e ON e.card_id = c.id ORDER BY c.id";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (lastId != null) {
                ps.setString(1, lastId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastId = rs.getString(1);
                    page.add(card(rs));
                }
            }
        } catch (SQLException e) {
            throw new IOException(description + ": cannot read the store's cards: " + e.getMessage(), e);
        }
        done = page.size() < PAGE;
    }

    private SourceCard card(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String body = rs.getString(4);
        if (body == null) {
            return SourceCard.unreadable(id, description, "the store keeps no body for this card");
        }
        String unreadBlock = rs.getString(14);
        if (unreadBlock != null) {
            // The store keeps the mapping as read, not the block's lines: which keys the author wrote (a syntax error
            // left them unread, a key written twice lost a copy) is unknown, and a rebuilt card would say "none".
            return SourceCard.unreadable(id, description, "its metadata block could not be read as written ("
                    + unreadBlock + ") and the store keeps only what was read; give the card's file instead");
        }
        int firstSectionLine = rs.getInt(11);
        boolean hasSection = !rs.wasNull();
        int bodyLine = rs.getInt(13);
        if (rs.wasNull()) {   // stored before cards.body_line: read from the first section, if any
            bodyLine = -1;
        }
        if (bodyLine < 0 && hasSection) {
            int offset = Math.min(Math.max(0, rs.getInt(12)), body.length());
            bodyLine = firstSectionLine - (TextLines.of(body).line(offset) - 1);   // lines as the parser counts them
        }
        String text = cardText(rs.getBoolean(2), rs.getString(3), body, bodyLine);
        RepoFacts facts = new RepoFacts(rs.getString(5), nullableLong(rs, 6), nullableLong(rs, 7), rs.getString(8),
                rs.getString(9), ParquetCardSource.tagList(rs.getArray(10)), null, null);
        return SourceCard.ofText(id, description, text, facts);
    }

    /**
     * A card text whose metadata block holds {@code metadataJson} and whose body, {@code body}, starts at card line
     * {@code bodyLine} when that is at least the block's own length (else right after the block; -1: unknown).
     */
    static String cardText(boolean hasMetadata, String metadataJson, String body, int bodyLine) {
        if (!hasMetadata) {
            return body;
        }
        String yaml = (metadataJson == null || metadataJson.isBlank() ? "{}" : metadataJson.strip()) + "\n";
        int blockLines = 2 + newlines(yaml, yaml.length());   // the two --- lines and the JSON's
        int padding = Math.max(0, bodyLine - 1 - blockLines);
        return "---\n" + yaml + "\n".repeat(padding) + "---\n" + body;
    }

    private static int newlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    @Override
    public long expectedCards() {
        return expected;
    }

    @Override
    public String description() {
        return description;
    }

    /** The connection is the store's: its owner closes it. */
    @Override
    public void close() {
    }
}
