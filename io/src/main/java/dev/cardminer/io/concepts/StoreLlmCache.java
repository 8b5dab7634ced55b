package dev.cardminer.io.concepts;

import dev.cardminer.annotate.LlmCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LLM cache in the store's {@code llm_cache} table. Every answer is written as soon as it arrives,
 * so an interrupted run loses nothing it paid for. Lookups are served from what {@link #preload} read
 * for the current batch, falling back to a query.
 */
public final class StoreLlmCache implements LlmCache {

    private final Connection connection;
    private final Map<String, Answer> loaded = new ConcurrentHashMap<>();

    /** @param connection an open store ({@link dev.cardminer.io.CardStore#open} made its tables) */
    public StoreLlmCache(Connection connection) {
        this.connection = connection;
    }

    /** Reads the cached answers for these sentence hashes in a few queries (one per 500 hashes). */
    @Override
    public synchronized void preload(String model, String promptVersion, Collection<String> hashes) {
        try {
            read(model, promptVersion, hashes);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the LLM cache: " + e.getMessage(), e);
        }
    }

    private void read(String model, String promptVersion, Collection<String> hashes) throws SQLException {
        loaded.clear();
        List<String> all = List.copyOf(hashes);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement st = connection.prepareStatement("SELECT text_hash, response, prompt_tokens, "
                    + "completion_tokens FROM llm_cache WHERE model = ? AND prompt_version = ? AND text_hash IN ("
                    + marks + ")")) {
                st.setString(1, model);
                st.setString(2, promptVersion);
                for (int i = 0; i < chunk.size(); i++) {
                    st.setString(3 + i, chunk.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        loaded.put(key(model, promptVersion, rs.getString(1)),
                                new Answer(rs.getString(2), rs.getInt(3), rs.getInt(4)));
                    }
                }
            }
        }
    }

    @Override
    public Optional<Answer> get(String model, String promptVersion, String textHash) {
        Answer a = loaded.get(key(model, promptVersion, textHash));
        if (a != null) {
            return Optional.of(a);
        }
        synchronized (this) {
            try (PreparedStatement st = connection.prepareStatement("SELECT response, prompt_tokens, completion_tokens "
                    + "FROM llm_cache WHERE model = ? AND prompt_version = ? AND text_hash = ? LIMIT 1")) {
                st.setString(1, model);
                st.setString(2, promptVersion);
                st.setString(3, textHash);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Answer(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                            : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the LLM cache: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void put(String model, String promptVersion, String textHash, Answer answer) {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO llm_cache (model, prompt_version, "
                + "text_hash, response, prompt_tokens, completion_tokens, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, model);
            st.setString(2, promptVersion);
            st.setString(3, textHash);
            st.setString(4, answer.response());
            st.setInt(5, answer.promptTokens());
            st.setInt(6, answer.completionTokens());
            st.setTimestamp(7, Timestamp.from(Instant.now()));
            st.executeUpdate();
            loaded.put(key(model, promptVersion, textHash), answer);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the LLM cache: " + e.getMessage(), e);
        }
    }

    /** Cached answers in the store. */
    public long size() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT count(*) FROM llm_cache");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String key(String model, String promptVersion, String textHash) {
        return model + '\u0000' + promptVersion + '\u0000' + textHash;
    }
}
