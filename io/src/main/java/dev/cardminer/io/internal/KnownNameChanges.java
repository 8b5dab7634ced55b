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
import java.util.regex.Pattern;

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

    /** What the rules can take for a Hub id: names that cannot be one matter as gazetteer phrases only. */
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*/[\\w.-]*[A-Za-z0-9]");

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
     * Regular expressions (RE2 and Java syntax, each to be matched with {@code (?i)}) that every sentence matches whose
     * rules annotations can differ between two name sets that differ by these names: a Hub id the rules could take
     * for one of them (they are only looked up by the Hub ids a sentence has), or the tokens of a dataset name the
     * gazetteers gain ({@link RuleAnnotator#knownNamesAlternatives}, without its first alternative, any Hub id).
     */
    public static List<String> alternatives(Set<String> models, Set<String> datasets) {
        Set<String> ids = new TreeSet<>();
        for (String name : models) {
            addId(ids, name);
        }
        for (String name : datasets) {
            addId(ids, name);
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            StringBuilder re = new StringBuilder();
            id.codePoints().forEach(cp -> {
                if (Character.isLetterOrDigit(cp)) {
                    re.appendCodePoint(cp);
                } else {
                    re.append("\\x{").append(Integer.toHexString(cp)).append('}');
                }
            });
            out.add(re.toString());
        }
        List<String> phrases = RuleAnnotator.knownNamesAlternatives(KnownNames.none().addDatasets(datasets));
        out.addAll(phrases.subList(1, phrases.size()));
        return out;
    }

    private static void addId(Set<String> ids, String name) {
        String id = name.strip().toLowerCase(Locale.ROOT);
        if (HUB_ID.matcher(id).matches()) {
            ids.add(id);
        }
    }
}
