package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The rules annotator's precision per category on hand-labelled sentences written for this test
 * ({@code precision/metric-sentences.tsv}: ordinary card language, and the traps of issue 9 — German and
 * Dutch "der", Portuguese "em", "map" as a word, the language code "mos", "float16 precision"). A prediction
 * is right when the sentence has a label of the same category whose subject equals it or contains it (or
 * the other way round), ignoring case: this measures whether the concept is right, not its exact span.
 * Prints the figures, the wrong predictions and the labels no prediction matched (for recall); fails when
 * a category falls below its floor.
 */
class RulePrecisionTest {

    static final Set<String> MEASURED = Set.of("metric", "language", "hardware", "license", "task", "library");

    record Labelled(String text, List<String[]> gold) {
    }

    static List<Labelled> sentences() throws IOException {
        List<Labelled> out = new ArrayList<>();
        try (InputStream in = RulePrecisionTest.class.getResourceAsStream("/precision/metric-sentences.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                List<String[]> gold = new ArrayList<>();
                if (!cols[1].equals("-")) {
                    for (String label : cols[1].split(";")) {
                        String[] sc = label.split("\\|");
                        if (!sc[1].equals("-")) {
                            gold.add(sc);
                        }
                    }
                }
                out.add(new Labelled(cols[0], gold));
            }
        }
        return out;
    }

    static boolean right(Annotation a, List<String[]> gold) {
        String subject = a.subject().toLowerCase(Locale.ROOT);
        for (String[] g : gold) {
            String want = g[0].toLowerCase(Locale.ROOT);
            if (g[1].equals(a.category()) && (want.equals(subject) || want.contains(subject) || subject.contains(want))) {
                return true;
            }
        }
        return false;
    }

    /** Category to {predicted, right}, and the wrong predictions. */
    static Map<String, long[]> measure(Annotator annotator, List<Labelled> data, List<String> wrong) {
        Map<String, long[]> counts = new TreeMap<>();
        MEASURED.forEach(c -> counts.put(c, new long[2]));
        int i = 0;
        for (Labelled l : data) {
            Sentence s = new Sentence("test/" + i, i, null, null, 0, l.text().length(), l.text());
            i++;
            List<Annotation> found = annotator.annotate(List.of(s));
            for (String[] g : l.gold()) {
                if (MEASURED.contains(g[1]) && found.stream().noneMatch(a -> right(a, List.<String[]>of(g)))) {
                    wrong.add("missed " + g[1] + ": \"" + g[0] + "\" in: " + l.text());
                }
            }
            for (Annotation a : found) {
                long[] c = counts.get(a.category());
                if (c == null) {
                    continue;
                }
                c[0]++;
                if (right(a, l.gold())) {
                    c[1]++;
                } else {
                    wrong.add("wrong " + a.category() + ": \"" + a.subject() + "\" in: " + l.text());
                }
            }
        }
        return counts;
    }

    @Test
    void precisionPerCategoryOnHandLabelledSentences() throws IOException {
        List<Labelled> data = sentences();
        assertThat(data).hasSizeGreaterThanOrEqualTo(300);
        List<String> wrong = new ArrayList<>();
        Map<String, long[]> counts = measure(new RuleAnnotator(), data, wrong);
        Map<String, Double> precision = new LinkedHashMap<>();
        System.out.printf("rules precision on %d hand-labelled sentences:%n", data.size());
        counts.forEach((category, c) -> {
            double p = c[0] == 0 ? 1.0 : (double) c[1] / c[0];
            precision.put(category, p);
            System.out.printf(Locale.ROOT, "  %-9s %3d predicted, %3d right, precision %.3f%n", category, c[0], c[1], p);
        });
        wrong.forEach(w -> System.out.println("  " + w));
        assertThat(precision.get("metric")).as("metric precision").isGreaterThanOrEqualTo(0.97);
        assertThat(precision.get("language")).as("language precision").isGreaterThanOrEqualTo(0.95);
        assertThat(precision.get("hardware")).as("hardware precision").isGreaterThanOrEqualTo(0.90);
        assertThat(precision.get("license")).as("license precision").isGreaterThanOrEqualTo(0.90);
        assertThat(precision.get("task")).as("task precision").isGreaterThanOrEqualTo(0.90);
        assertThat(precision.get("library")).as("library precision").isGreaterThanOrEqualTo(0.90);
    }
}
