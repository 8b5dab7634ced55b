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
 * it from being collected. Models with facts are skipped on a re-run, which is what makes
 * {@code collect --from-db} resumable; so are models the Hub said it has not or will not give (not found,
 * gated), while a Hub failure is retried by the next run.
 */
public final class FactsStore {

    /** How the error of a model the Hub has no such repo for begins. */
    public static final String NOT_FOUND = "not found: ";
    /** How the error of a gated or private model begins. */
    public static final String NO_ACCESS = "no access: ";

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
        return ids("SELECT model_id FROM model_facts WHERE error IS NULL");
    }

    /**
     * Models the Hub answered for: no such repo or revision, or no access (gated, private). Not Hub failures:
     * asking again gives the same answer until someone changes the repo, its gate or the token.
     */
    public Set<String> unavailable() throws SQLException {
        return ids("SELECT model_id FROM model_facts WHERE starts_with(error, '" + NOT_FOUND + "') "
                + "OR starts_with(error, '" + NO_ACCESS + "')");
    }

    private Set<String> ids(String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
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
     * Records that collecting a model's facts failed (the Hub failed), replacing what the store had for it; it is collected again
     * next time.
     *
     * @throws SQLException when the store cannot be written
     */
    public void saveFailure(String model, String error) throws SQLException {
        upsert(model, null, null, null, error);
    }

    /**
     * The Hub's answer that the model cannot be collected: {@code notFound} (no such repo or revision), else no
     * access (gated or private). The error column starts with {@code not found: } or {@code no access: }; later
     * runs skip the model ({@link #unavailable}).
     */
    public void saveUnavailable(String model, boolean notFound, String why) throws SQLException {
        upsert(model, null, null, null, (notFound ? NOT_FOUND : NO_ACCESS) + why);
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
