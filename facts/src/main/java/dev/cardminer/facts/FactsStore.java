package dev.cardminer.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code model_facts} table of a store: one row per model, its facts JSON, or the error that kept
 * it from being collected (retried by the next run). Models with facts are skipped on a re-run, which is
 * what makes {@code collect --from-db} resumable.
 */
public final class FactsStore {

    private final Connection connection;
    private final ObjectMapper json = new ObjectMapper();

    /** Uses an open store connection (io's {@code CardStore}, whose schema.sql has the table). */
    public FactsStore(Connection connection) {
        this.connection = connection;
    }

    /** The store's {@code n} most downloaded (or liked) model ids; {@code sort} is {@code downloads} or {@code likes}. */
    public List<String> topModels(int n, String sort) throws SQLException {
        if (!sort.equals("downloads") && !sort.equals("likes")) {
            throw new IllegalArgumentException("--sort must be downloads or likes");
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT DISTINCT id, " + sort
                + " FROM cards WHERE id LIKE '%/%' ORDER BY " + sort + " DESC NULLS LAST, id LIMIT ?")) {
            p.setInt(1, n);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    /** Models whose facts are already collected. */
    public Set<String> collected() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT model_id FROM model_facts WHERE error IS NULL")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    /**
     * Stores a model's facts, replacing what the store had for it (a failure too).
     *
     * @throws SQLException when the store cannot be written
     */
    public void save(ModelFacts facts) throws SQLException {
        long total = facts.json().path("parameters").path("total").asLong(-1);
        String text;
        try {
            text = json.writeValueAsString(facts.json());
        } catch (IOException e) {
            throw new SQLException("cannot write the facts of " + facts.model() + " as JSON", e);
        }
        upsert(facts.model(), facts.sha(), total < 0 ? null : total, text, null);
    }

    /**
     * Records that collecting a model's facts failed, replacing what the store had for it; it is collected again
     * next time.
     *
     * @throws SQLException when the store cannot be written
     */
    public void saveFailure(String model, String error) throws SQLException {
        upsert(model, null, null, null, error);
    }

    private void upsert(String model, String sha, Long total, String factsJson, String error) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT OR REPLACE INTO model_facts VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, model);
            p.setString(2, sha);
            p.setTimestamp(3, Timestamp.from(Instant.now()));
            if (total == null) {
                p.setNull(4, java.sql.Types.BIGINT);
            } else {
                p.setLong(4, total);
            }
            p.setString(5, factsJson);
            p.setString(6, error);
            p.executeUpdate();
        }
    }
}
