package dev.cardminer.io.internal;

import dev.cardminer.annotate.KnownNames;
import dev.cardminer.annotate.RuleAnnotator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The corpus's own names (every card id and {@code base_model} value: models; every {@code datasets} value), and the
 * names a batch of cards brings into the corpus or may take out of it, kept in {@code known_names_changed} in the
 * batch's transaction. The rules annotate with these names, so when they change, sentences of cards that did not
 * change can need another look ({@code AnnotationPhase.reviseKnownNames}); without this, a re-run that added a
 * dataset name left the other cards' sentences naming it as they were, unlike a fresh run.
 */
public final class KnownNameChanges {

    /** The {@code metadata_values} keys that name models or datasets, as an SQL list. */
    public static final String KEYS = "('datasets', 'base_model')";

    /** A kind of name: the table's {@code kind} column. */
    public static final String MODEL = "model";
    public static final String DATASET = "dataset";

    private KnownNameChanges() {
    }

    /** The kind of name a {@code metadata_values} key gives ({@link #KEYS}), null for other keys. */
    public static String kind(String key) {
        return switch (key) {
            case "datasets" -> DATASET;
            case "base_model" -> MODEL;
            default -> null;
        };
    }

    /** The names (kind, tab, value) a card's metadata gives. */
    static Set<String> names(CardRows card) {
        Set<String> out = new HashSet<>();
        for (CardRows.ValueRow v : card.values()) {
            String kind = kind(v.key());
            if (kind != null && v.value() != null) {
                out.add(kind + '\t' + v.value());
            }
        }
        return out;
    }

    /**
     * The names the replaced cards had (card id to kind, tab, value), read before their rows go; {@code replacedIds} is
     * an SQL expression for their ids.
     */
    static Map<String, Set<String>> oldNames(Statement st, String replacedIds) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT card_id, key, value FROM main.metadata_values WHERE key IN " + KEYS
                + " AND value IS NOT NULL AND card_id IN " + replacedIds)) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(kind(rs.getString(2)) + '\t' + rs.getString(3));
            }
        }
        return out;
    }

    /**
     * The names whose place in the corpus this card can change: a new card's id and names; of a replaced card, the
     * names only its old or only its new version has (a name both have stays, whatever other cards do).
     */
    static List<String[]> changed(CardRows card, Set<String> oldNames) {
        Set<String> now = names(card);
        Set<String> diff = new TreeSet<>();
        if (card.replaces()) {
            for (String n : now) {
                if (!oldNames.contains(n)) {
                    diff.add(n);
                }
            }
            for (String n : oldNames) {
                if (!now.contains(n)) {
                    diff.add(n);
                }
            }
        } else {
            diff.addAll(now);
            diff.add(MODEL + '\t' + card.id());
        }
        return split(diff);
    }

    /** The names a card that leaves the corpus takes with it (those it may take out): its id and its old names. */
    static List<String[]> removed(String id, Set<String> oldNames) {
        Set<String> diff = new TreeSet<>(oldNames);
        diff.add(MODEL + '\t' + id);
        return split(diff);
    }

    /** Names as kind, tab, value, split into kind and value. */
    private static List<String[]> split(Set<String> diff) {
        List<String[]> out = new ArrayList<>(diff.size());
        for (String n : diff) {
            int tab = n.indexOf('\t');
            out.add(new String[] {n.substring(0, tab), n.substring(tab + 1)});
        }
        return out;
    }

    /**
     * The names, lower case as {@link KnownNames} keeps them, whose place in the corpus may have changed since the last
     * revision.
     *
     * @param models   model names (card ids, {@code base_model} values)
     * @param datasets dataset names
     */
    public record Changed(Set<String> models, Set<String> datasets) {

        /** Every name of either kind: a sentence with a Hub id equal to one may be annotated otherwise now. */
        public Set<String> all() {
            Set<String> out = new TreeSet<>(models);
            out.addAll(datasets);
            return out;
        }

        /**
         * Regular expressions (RE2 and Java syntax, each to be matched with {@code (?i)}) of the tokens of the dataset
         * names the gazetteers gain or lose ({@link RuleAnnotator#knownNamesAlternatives} without its first
         * alternative, any Hub id): every sentence these names can change otherwise than by its Hub ids matches one.
         */
        public List<String> phraseAlternatives() {
            List<String> phrases = RuleAnnotator.knownNamesAlternatives(KnownNames.none().addDatasets(datasets));
            return phrases.subList(1, phrases.size());
        }
    }

    /**
     * The names of {@code known_names_changed} less those some card still has that is not listed with the name (nor is
     * any row without its card, from before schema 7): that card had the name at the last revision too (a card written
     * since then either is listed with the names it brought or took, or kept them), so the name was known then and is
     * now, and changes no sentence. A new card naming a popular dataset or base model revises nothing else.
     */
    public static Changed read(Statement st) throws SQLException {
        Map<String, Set<String>> listed = new HashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT kind, name, by_card FROM known_names_changed")) {
            while (rs.next()) {
                String key = key(rs.getString(1), rs.getString(2));
                if (key != null) {
                    listed.computeIfAbsent(key, k -> new HashSet<>()).add(rs.getString(3));
                }
            }
        }
        Set<String> kept = new HashSet<>();
        if (!listed.isEmpty()) {
            // The cards that have such a name now; SQL's lower() and trim() only narrow the rows (where they differ
            // from Java's, a holder is missed and the name revised: more work, the same result).
            String names = "(SELECT lower(trim(name)) FROM known_names_changed)";
            try (ResultSet rs = st.executeQuery("SELECT '" + MODEL + "', id, id FROM main.cards WHERE lower(trim(id)) IN "
                    + names + " UNION ALL SELECT key, value, card_id FROM main.metadata_values WHERE key IN " + KEYS
                    + " AND value IS NOT NULL AND lower(trim(value)) IN " + names)) {
                while (rs.next()) {
                    String kind = MODEL.equals(rs.getString(1)) ? MODEL : kind(rs.getString(1));
                    String key = key(kind, rs.getString(2));
                    Set<String> by = listed.get(key);
                    if (by != null && !by.contains(null) && !by.contains(rs.getString(3))) {
                        kept.add(key);
                    }
                }
            }
        }
        Set<String> models = new TreeSet<>();
        Set<String> datasets = new TreeSet<>();
        for (String key : listed.keySet()) {
            if (!kept.contains(key)) {
                int tab = key.indexOf('\t');
                (key.substring(0, tab).equals(DATASET) ? datasets : models).add(key.substring(tab + 1));
            }
        }
        return new Changed(models, datasets);
    }

    /** Kind, tab, the name as {@link KnownNames} keeps it; null for a name it ignores. */
    private static String key(String kind, String name) {
        if (kind == null || name == null || name.isBlank()) {
            return null;
        }
        return kind + '\t' + name.strip().toLowerCase(Locale.ROOT);
    }
}
