package dev.cardminer.classify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code classifications} table of a store: every output of every run, one row per (card, label)
 * and one row with a null label where a method abstained, with the model, its version, the prompt or
 * hypothesis version and a hash of the input, so that a later run can be {@linkplain #compare compared}
 * with an earlier one and drift told apart from changed cards.
 */
public final class ClassificationLog {

    private final Connection connection;

    /** Uses an open store connection (io's {@code CardStore}, whose schema.sql has the table). */
    public ClassificationLog(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** A new run id: time and method, unique enough for one store. */
    public static String newRunId(String method, LabelSet labels, Instant at) {
        return at.toString().replaceAll("[-:]", "").replace('T', '-').replaceAll("\\.\\d+Z$", "Z") + "-" + method + "-" + labels.name();
    }

    /** Stores the outputs of one run. */
    public void write(String runId, LabelSet labels, Classifier classifier, List<Classification> results, Instant at)
            throws SQLException {
        String model = classifier.model();
        int cut = model.lastIndexOf('@');
        String name = cut < 0 ? model : model.substring(0, cut);
        String version = cut < 0 ? null : model.substring(cut + 1);
        String prompt = classifier.promptVersion(labels);
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO classifications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            Timestamp time = Timestamp.from(at);
            for (Classification c : results) {
                List<Prediction> rows = c.labels().isEmpty() ? java.util.Collections.singletonList(null) : c.labels();
                for (int rank = 0; rank < rows.size(); rank++) {
                    Prediction p = rows.get(rank);
                    ps.setString(1, runId);
                    ps.setString(2, c.cardId());
                    ps.setString(3, labels.name());
                    ps.setString(4, labels.version());
                    ps.setString(5, c.method());
                    ps.setInt(6, rank);
                    ps.setString(7, p == null ? null : p.label());
                    if (p == null) {
                        ps.setNull(8, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(8, p.score());
                    }
                    ps.setString(9, p == null ? null : p.evidence());
                    ps.setString(10, name);
                    ps.setString(11, version);
                    ps.setString(12, prompt);
                    ps.setString(13, c.inputHash());
                    ps.setTimestamp(14, time);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /**
     * The outputs of the latest earlier run of the same method, model, prompt version and label set, by
     * card: a caller may reuse those whose input hash still matches instead of asking the model again.
     */
    public Map<String, Classification> previous(Classifier classifier, LabelSet labels) throws SQLException {
        Map<String, List<Prediction>> predictions = new LinkedHashMap<>();
        Map<String, String> hashes = new HashMap<>();
        String method = null;
        try (PreparedStatement ps = connection.prepareStatement("""
                WITH latest AS (
                  SELECT run_id FROM classifications
                  WHERE method = ? AND concat_ws('@', model, model_version) = ? AND prompt_version = ?
                    AND label_set = ? AND label_set_version = ?
                  GROUP BY run_id ORDER BY max(created_at) DESC LIMIT 1)
                SELECT card_id, label, score, evidence, input_hash, method FROM classifications
                WHERE run_id = (SELECT run_id FROM latest) ORDER BY card_id, rank""")) {
            ps.setString(1, classifier.method());
            ps.setString(2, classifier.model());
            ps.setString(3, classifier.promptVersion(labels));
            ps.setString(4, labels.name());
            ps.setString(5, labels.version());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String card = r.getString(1);
                    List<Prediction> list = predictions.computeIfAbsent(card, k -> new ArrayList<>());
                    if (r.getString(2) != null) {
                        list.add(new Prediction(r.getString(2), r.getDouble(3), r.getString(4) == null ? "" : r.getString(4)));
                    }
                    hashes.put(card, r.getString(5));
                    method = r.getString(6);
                }
            }
        }
        Map<String, Classification> out = new HashMap<>();
        for (var e : predictions.entrySet()) {
            out.put(e.getKey(), new Classification(e.getKey(), method, e.getValue(), hashes.get(e.getKey())));
        }
        return out;
    }

    /** The run ids in the store, oldest first. */
    public List<String> runs() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT run_id FROM classifications GROUP BY run_id ORDER BY min(created_at), run_id")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /**
     * What changed between two runs, card by card on the best label.
     *
     * @param common       cards in both runs
     * @param same         same best label (or both abstained)
     * @param changed      a different best label
     * @param nowLabelled  abstained in A, labelled in B
     * @param nowAbstained labelled in A, abstained in B
     * @param inputChanged cards whose input hash differs (their change may be the card's, not the model's)
     * @param onlyA        cards only in A
     * @param onlyB        cards only in B
     * @param transitions  "labelA -> labelB" (null as "(none)") with counts, most frequent first
     * @param settingsA    model, version and prompt version of A
     * @param settingsB    the same of B
     * @param runA the first run's id
     * @param runB the second run's id
     */
    public record Comparison(String runA, String runB, int common, int same, int changed, int nowLabelled,
                             int nowAbstained, int inputChanged, int onlyA, int onlyB,
                             Map<String, Integer> transitions, String settingsA, String settingsB) {
    }

    private record Best(String label, String inputHash) {
    }

    /**
     * Compares the best labels of two runs card by card.
     *
     * @throws IllegalArgumentException when either run is not in the store
     * @throws SQLException when the store cannot be read
     */
    public Comparison compare(String runA, String runB) throws SQLException {
        Map<String, Best> a = best(runA);
        Map<String, Best> b = best(runB);
        if (a.isEmpty()) {
            throw new IllegalArgumentException("no run " + runA + " in the store");
        }
        if (b.isEmpty()) {
            throw new IllegalArgumentException("no run " + runB + " in the store");
        }
        int common = 0, same = 0, changed = 0, nowLabelled = 0, nowAbstained = 0, inputChanged = 0;
        Map<String, Integer> transitions = new HashMap<>();
        for (var e : a.entrySet()) {
            Best y = b.get(e.getKey());
            if (y == null) {
                continue;
            }
            Best x = e.getValue();
            common++;
            if (!x.inputHash().equals(y.inputHash())) {
                inputChanged++;
            }
            if (Objects.equals(x.label(), y.label())) {
                same++;
                continue;
            }
            if (x.label() == null) {
                nowLabelled++;
            } else if (y.label() == null) {
                nowAbstained++;
            } else {
                changed++;
            }
            transitions.merge(name(x.label()) + " -> " + name(y.label()), 1, Integer::sum);
        }
        int onlyA = a.size() - common;
        int onlyB = b.size() - common;
        Map<String, Integer> sorted = new LinkedHashMap<>();
        transitions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new Comparison(runA, runB, common, same, changed, nowLabelled, nowAbstained, inputChanged, onlyA, onlyB,
                sorted, settings(runA), settings(runB));
    }

    private static String name(String label) {
        return label == null ? "(none)" : label;
    }

    private Map<String, Best> best(String run) throws SQLException {
        Map<String, Best> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT card_id, label, input_hash FROM classifications WHERE run_id = ? AND rank = 0")) {
            ps.setString(1, run);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), new Best(r.getString(2), r.getString(3)));
                }
            }
        }
        return out;
    }

    private String settings(String run) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT method, model, model_version, prompt_version, "
                + "label_set, label_set_version FROM classifications WHERE run_id = ? LIMIT 1")) {
            ps.setString(1, run);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getString(1) + " " + r.getString(2) + (r.getString(3) == null ? "" : "@" + r.getString(3))
                        + " prompt " + r.getString(4) + " labels " + r.getString(5) + "@" + r.getString(6) : "";
            }
        }
    }
}
