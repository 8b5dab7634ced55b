package dev.cardminer.annotate.internal;

import dev.cardminer.core.Vocabularies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bundled gazetteers (resources {@code dev/cardminer/annotate/gazetteer/*.txt}) read into a
 * {@link PhraseMatcher}, with the side tables the rules need: the synonyms of each canonical form, the
 * Hub organization ids, and the one-token architecture names.
 */
public final class Gazetteers {

    public static final List<String> FILES = List.of("architectures", "modifications", "metrics", "hyperparameters",
            "hardware", "organizations", "software", "libraries", "tasks", "languages", "licenses", "datasets");

    private final PhraseMatcher matcher = new PhraseMatcher();
    private final Map<String, Map<String, String>> canonicalByCategory = new HashMap<>();
    private final Set<String> organizationIds = new HashSet<>();
    private final Set<String> architectureTokens = new HashSet<>();

    /** Reads every bundled file. */
    public static Gazetteers bundled() {
        Gazetteers g = new Gazetteers();
        Vocabularies vocabularies = Vocabularies.bundled();
        for (String file : FILES) {
            g.read(file, vocabularies);
        }
        return g;
    }

    public PhraseMatcher matcher() {
        return matcher;
    }

    /** Adds a name at run time (corpus datasets, for instance). */
    public void add(String form, String category, boolean exact) {
        addEntry(new PhraseMatcher.Entry(form, form, category, exact, false, false));
    }

    /** form (lower case) to canonical form, for one category; empty when the category has no gazetteer. */
    public Map<String, String> canonicalForms(String category) {
        return canonicalByCategory.getOrDefault(category, Map.of());
    }

    /** Lower-cased Hub organization ids and names without spaces (google, meta-llama, ...). */
    public Set<String> organizationIds() {
        return organizationIds;
    }

    /** Lower-cased architecture names that are a single token (bert, llama, t5, ...). */
    public Set<String> architectureTokens() {
        return architectureTokens;
    }

    private void read(String file, Vocabularies vocabularies) {
        String category = file;
        boolean exactFile = false;
        boolean needsVersion = false;
        boolean idsOnly = false;
        Set<String> excluded = new HashSet<>();
        List<String[]> included = new ArrayList<>();
        for (String raw : lines("gazetteer/" + file + ".txt")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("@category ")) {
                category = line.substring(10).strip();
            } else if (line.startsWith("@case ")) {
                exactFile = line.endsWith("sensitive") && !line.endsWith("insensitive");
            } else if (line.equals("@ids-only")) {
                idsOnly = true;
            } else if (idsOnly) {
                for (String f : line.split("\\s+\\|\\s+")) {
                    organizationIds.add(f.toLowerCase(Locale.ROOT));
                }
            } else if (line.startsWith("@needs ")) {
                needsVersion = line.endsWith("version");
            } else if (line.startsWith("@include core:")) {
                Set<String> values = switch (line.substring(14).strip()) {
                    case "libraries" -> vocabularies.libraries();
                    case "licenses" -> vocabularies.licenses();
                    case "pipeline_tags" -> vocabularies.pipelineTags();
                    default -> throw new IllegalStateException("unknown vocabulary in " + file + ": " + line);
                };
                for (String v : values) {
                    included.add(new String[] {v, category, Boolean.toString(exactFile)});
                }
            } else if (line.startsWith("!")) {
                excluded.add(line.substring(1).strip());
            } else {
                String[] forms = line.split("\\s+\\|\\s+");
                String canonical = stripMarker(forms[0]);
                for (String f : forms) {
                    boolean exact = exactFile || f.startsWith("=");
                    addEntry(new PhraseMatcher.Entry(stripMarker(f), canonical, category, exact,
                            needsValue(category, stripMarker(f)), needsVersion));
                }
            }
        }
        for (String[] inc : included) {
            String v = inc[0];
            if (excluded.contains(v)) {
                continue;
            }
            boolean exact = Boolean.parseBoolean(inc[2]);
            addEntry(new PhraseMatcher.Entry(v, v, inc[1], exact, false, false));
            if (v.indexOf('-') > 0 && inc[1].equals("task")) {
                addEntry(new PhraseMatcher.Entry(v.replace('-', ' '), v, inc[1], exact, false, false));
            }
        }
    }

    private void addEntry(PhraseMatcher.Entry e) {
        matcher.add(e);
        canonicalByCategory.computeIfAbsent(e.category(), k -> new HashMap<>())
                .putIfAbsent(e.form().toLowerCase(Locale.ROOT), e.canonical());
        String lower = e.form().toLowerCase(Locale.ROOT);
        if (e.category().equals("organization") && !lower.contains(" ")) {
            organizationIds.add(lower);
        }
        if (e.category().equals("model") && new Tokens(lower).size() == 1) {
            architectureTokens.add(lower);
        }
    }

    /** Single plain words (seed, epochs, optimizer) are hyperparameters only with a value after them. */
    private static boolean needsValue(String category, String form) {
        return category.equals("hyperparameter") && new Tokens(form).size() == 1;
    }

    private static String stripMarker(String form) {
        return form.startsWith("=") ? form.substring(1) : form;
    }

    static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Gazetteers.class.getResourceAsStream("/dev/cardminer/annotate/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
