package dev.cardminer.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links a dataset to the seed's taxonomy of training-data sources (web/news, books/literary/fiction,
 * reference/encyclopedic, code/source_code, specific_datasets/&lt;focus&gt;, ...): first a curated table of
 * well-known datasets ({@code datasets.tsv}), then the dataset card's own metadata (its tags,
 * {@code task_categories}, {@code source_datasets}), then words of its description. Each link carries its
 * evidence and a confidence; a dataset nothing speaks for gets no link.
 */
public final class TaxonomyLinker {

    /** The seed's taxonomy (leaf and inner paths); specific_datasets/&lt;focus&gt; is open-ended. */
    public static final List<String> CATEGORIES = List.of("web", "web/social_media", "web/news", "web/blogs",
            "web/forums", "books", "books/literary", "books/literary/fiction", "books/literary/nonfiction",
            "books/textbooks", "reference", "reference/encyclopedic", "reference/dictionaries", "academic_papers",
            "academic_papers/sciences", "academic_papers/humanities", "code", "code/source_code",
            "code/documentation", "code/forums", "media", "media/podcasts", "media/subtitles", "specific_datasets");

    private record Rule(Pattern words, String category) {
    }

    /** Description and tag words → category; the first rules are the more specific. */
    private static final List<Rule> RULES = List.of(
            rule("subtitles?|opensubtitles", "media/subtitles"),
            rule("podcasts?", "media/podcasts"),
            rule("stack ?overflow|stack ?exchange", "code/forums"),
            rule("source code|github|programming languages?|code snippets?", "code/source_code"),
            rule("api documentation|software documentation|docstrings?", "code/documentation"),
            rule("arxiv|pubmed|scientific (?:papers?|articles?|literature)|research papers?|s2orc", "academic_papers/sciences"),
            rule("humanities|philosophy papers|history papers", "academic_papers/humanities"),
            rule("wikipedia|encyclopedi[ac]\\w*", "reference/encyclopedic"),
            rule("dictionar(?:y|ies)|wiktionary|lexicon", "reference/dictionaries"),
            rule("textbooks?", "books/textbooks"),
            rule("novels?|fiction|short stories|fanfiction", "books/literary/fiction"),
            rule("books?|project gutenberg|gutenberg", "books/literary"),
            rule("tweets?|twitter|reddit|social media|facebook posts?", "web/social_media"),
            rule("news(?:paper)?s?|news articles?|headlines?", "web/news"),
            rule("blogs?|blog posts?", "web/blogs"),
            rule("forums?|discussion threads?", "web/forums"),
            rule("common ?crawl|web ?crawl\\w*|web pages?|web text|crawled", "web"));

    /** Domain words → specific_datasets/&lt;focus&gt;. */
    private static final Map<String, String> FOCUS = new LinkedHashMap<>();

    static {
        FOCUS.put("financ\\w*|stock market|earnings calls?", "finance");
        FOCUS.put("medic\\w*|clinical|biomedic\\w*|health\\w*|patients?", "health");
        FOCUS.put("legal|law|court|contracts?", "legal");
        FOCUS.put("math\\w*|arithmetic|grade school math", "math");
        FOCUS.put("chemi\\w*|molecul\\w*", "chemistry");
        FOCUS.put("speech|audio|asr", "speech");
        FOCUS.put("reviews?", "reviews");
        FOCUS.put("instructions?|instruction-following|instruction tuning", "instructions");
        FOCUS.put("dialog(?:ue)?s?|conversations?|chat", "dialogue");
    }

    private final Map<String, String[]> curated;

    private TaxonomyLinker(Map<String, String[]> curated) {
        this.curated = curated;
    }

    /** The linker with the curated table shipped as a resource. */
    public static TaxonomyLinker defaults() {
        Map<String, String[]> table = new LinkedHashMap<>();
        try (InputStream in = TaxonomyLinker.class.getResourceAsStream("datasets.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                table.put(f[0].toLowerCase(Locale.ROOT), new String[] {f[1], f.length > 2 ? f[2] : ""});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TaxonomyLinker(Map.copyOf(table));
    }

    /** Links from the curated table only (no card needed). */
    public List<TaxonomyLink> curated(String dataset) {
        String key = dataset.toLowerCase(Locale.ROOT);
        String[] hit = curated.get(key);
        if (hit == null && key.contains("/")) {
            hit = curated.get(key.substring(key.indexOf('/') + 1));
        }
        if (hit == null) {
            return List.of();
        }
        List<TaxonomyLink> links = new ArrayList<>();
        for (String category : hit[0].split(",")) {
            links.add(new TaxonomyLink(dataset, category.strip(), 0.95,
                    "curated table" + (hit[1].isEmpty() ? "" : ": " + hit[1])));
        }
        return links;
    }

    /**
     * Links for a dataset: curated when known, else from its card.
     *
     * @param cardData    the dataset card's metadata as the Hub parsed it (tags, task_categories,
     *                    source_datasets), or null
     * @param tags        the Hub's tags of the dataset repo
     * @param description the card's text (or its first part), or null
     */
    public List<TaxonomyLink> link(String dataset, JsonNode cardData, List<String> tags, String description) {
        List<TaxonomyLink> known = curated(dataset);
        if (!known.isEmpty()) {
            return known;
        }
        Map<String, TaxonomyLink> links = new LinkedHashMap<>();
        if (cardData != null) {
            for (JsonNode source : cardData.path("source_datasets")) {
                String s = source.asText().replaceFirst("^(?:extended|original)\\|", "");
                for (TaxonomyLink l : curated(s)) {
                    links.putIfAbsent(l.category(), new TaxonomyLink(dataset, l.category(), 0.8,
                            "source_datasets names " + s + " (" + l.category() + " in the curated table)"));
                }
            }
        }
        List<String> metaWords = new ArrayList<>(tags == null ? List.of() : tags);
        if (cardData != null) {
            cardData.path("task_categories").forEach(t -> metaWords.add(t.asText()));
            cardData.path("tags").forEach(t -> metaWords.add(t.asText()));
        }
        String meta = String.join(" ", metaWords).replace('-', ' ').replace('_', ' ');
        match(dataset, meta, 0.8, "the card's tags/task_categories", links);
        if (description != null) {
            String text = description.length() > 4000 ? description.substring(0, 4000) : description;
            match(dataset, text, 0.6, "the card's description", links);
        }
        return List.copyOf(links.values());
    }

    private static void match(String dataset, String text, double confidence, String where,
                              Map<String, TaxonomyLink> links) {
        if (text.isBlank()) {
            return;
        }
        for (Rule r : RULES) {
            Matcher m = r.words().matcher(text);
            if (m.find() && !covered(links, r.category())) {
                int hits = 1;
                while (m.find()) {
                    hits++;
                }
                double c = Math.min(confidence + 0.05 * (hits - 1), confidence + 0.1);
                links.put(r.category(), new TaxonomyLink(dataset, r.category(), round(c),
                        where + " says \"" + clean(text.substring(Math.max(0, start(r, text)), end(r, text))) + "\""
                                + (hits > 1 ? " (" + hits + " times)" : "")));
            }
        }
        for (Map.Entry<String, String> f : FOCUS.entrySet()) {
            Matcher m = Pattern.compile("(?i)\\b(?:" + f.getKey() + ")\\b").matcher(text);
            String category = "specific_datasets/" + f.getValue();
            if (m.find() && !links.containsKey(category)) {
                links.put(category, new TaxonomyLink(dataset, category, round(confidence - 0.1),
                        where + " says \"" + clean(m.group()) + "\""));
            }
        }
    }

    /** A more specific category already linked covers its parent ({@code web/news} covers {@code web}). */
    private static boolean covered(Map<String, TaxonomyLink> links, String category) {
        return links.keySet().stream().anyMatch(k -> k.equals(category) || k.startsWith(category + "/"));
    }

    private static int start(Rule r, String text) {
        Matcher m = r.words().matcher(text);
        return m.find() ? m.start() : 0;
    }

    private static int end(Rule r, String text) {
        Matcher m = r.words().matcher(text);
        return m.find() ? m.end() : 0;
    }

    private static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static Rule rule(String words, String category) {
        return new Rule(Pattern.compile("(?i)\\b(?:" + words + ")\\b"), category);
    }
}
