package dev.cardminer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.io.CardStore;
import dev.cardminer.testkit.store.SyntheticStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    static final List<String> SECTION_IDS = List.of("corpus", "metadata", "template", "completeness", "licenses",
            "pipeline-tags", "libraries", "languages", "evaluation", "trends", "popularity", "problems", "concepts");
    static final List<String> CHARTS = List.of("metadata-keys", "template-sections", "completeness", "licenses",
            "pipeline-tags", "libraries", "languages", "eval-metrics", "eval-datasets", "trends-documentation",
            "trends-cards", "popularity", "problems", "concept-subjects-cloud", "concept-categories-cloud");

    static final String HOSTILE = "<script>alert(1)</script>";
    static final String HOSTILE_LINK = "javascript:alert(2)";

    @TempDir
    static Path dir;
    static SyntheticStore data;
    static Path out;
    static String html;

    @BeforeAll
    static void writeReport() throws Exception {
        data = varied(true);
        out = dir.resolve("report");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            data.writeTo(c);
            Path index = new ReportWriter().write(c, out);
            assertThat(index).isEqualTo(out.resolve("index.html"));
        }
        html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void everySectionIsThereWithTableOfContents() {
        for (String id : SECTION_IDS) {
            assertThat(html).contains("<section id=\"" + id + "\">").contains("<li><a href=\"#" + id + "\">");
        }
        assertThat(html).startsWith("<!DOCTYPE html>").contains("12 Hugging Face model cards")
                .contains("as analysed up to 2026-01-02 03:05");
    }

    @Test
    void everyTableLinksAnExistingCsv() {
        Matcher tables = Pattern.compile("<div class=\"table\">\\n<div class=\"caption\">[^\\n]*?<a class=\"csv\" "
                + "href=\"(data/[a-z0-9-]+\\.csv)\">CSV</a>").matcher(html);
        Set<String> csvs = new HashSet<>();
        int count = 0;
        while (tables.find()) {
            count++;
            csvs.add(tables.group(1));
            assertThat(out.resolve(tables.group(1))).isRegularFile();
        }
        assertThat(count).isEqualTo(html.split("<div class=\"table\">", -1).length - 1).isGreaterThan(20);
        assertThat(csvs).hasSize(count).contains("data/licenses.csv", "data/template-sections.csv",
                "data/liang-comparison.csv", "data/problems.csv", "data/concept-metric-subjects.csv",
                "data/trends.csv", "data/popularity.csv", "data/eval-metrics.csv", "data/completeness.csv");
    }

    @Test
    void chartsAreDecodablePngsShownInThePage() throws IOException {
        for (String chart : CHARTS) {
            Path png = out.resolve("img/" + chart + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).as(chart).isGreaterThanOrEqualTo(600);
            assertThat(image.getHeight()).as(chart).isGreaterThanOrEqualTo(200);
            assertThat(colours(image)).as(chart + " draws something").isGreaterThan(8);
            assertThat(html).contains("<img src=\"img/" + chart + ".png\"");
        }
    }

    @Test
    void corpusAndMetadataCountsMatchTheCards() throws IOException {
        Map<String, String> corpus = CsvReader.column(out.resolve("data/corpus.csv"), 0, 1);
        assertThat(corpus).containsEntry("cards", "12")
                .containsEntry("cards with a metadata block", count(c -> c.hasMetadata()))
                .containsEntry("problems found", String.valueOf(data.cards().stream()
                        .mapToLong(c -> c.problems().size()).sum()));
        Map<String, String> keys = CsvReader.column(out.resolve("data/metadata-keys.csv"), 0, 1);
        Map<String, Long> expected = data.cards().stream().flatMap(c -> c.metadata().keySet().stream())
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        assertThat(keys).hasSize(expected.size());
        expected.forEach((k, n) -> assertThat(keys).containsEntry(k, String.valueOf(n)));
    }

    @Test
    void vocabularyTablesCountValuesAndFlagWhatTheHubRejects() throws IOException {
        assertValues("licenses", "license");
        assertValues("languages", "language");
        assertValues("pipeline-tags", "pipeline_tag");
        assertValues("libraries", "library_name");
        Map<String, String> license = CsvReader.column(out.resolve("data/licenses.csv"), 0, 3);
        assertThat(license).containsEntry("apache-2.0", "accepted").containsEntry("other", "accepted")
                .containsEntry("Apache 2.0", "rejected").containsEntry(HOSTILE, "rejected")
                .containsEntry(HOSTILE_LINK, "rejected");
        assertThat(CsvReader.column(out.resolve("data/languages.csv"), 0, 3)).containsEntry("en", "accepted")
                .containsEntry("jp", "rejected").containsEntry("es-ES", "rejected").containsEntry("eng", "accepted");
        assertThat(CsvReader.column(out.resolve("data/libraries.csv"), 0, 3))
                .containsEntry("transformers", "accepted").containsEntry("Transformers", "rejected");
        assertThat(CsvReader.column(out.resolve("data/pipeline-tags.csv"), 0, 3))
                .containsEntry("not-a-task", "rejected").containsEntry("fill-mask", "accepted");
        // Cards with at least one rejected licence: "Apache 2.0", the script and the javascript: one.
        assertThat(html).contains("<div class=\"value\">3 (25.0%)</div><div class=\"label\">cards with a value the "
                + "Hub would reject</div>");
    }

    @Test
    void templateSectionsCountPresenceContentAndPlaceholders() throws IOException {
        List<List<String>> rows = CsvReader.read(out.resolve("data/template-sections.csv"));
        assertThat(rows.get(0)).containsExactly("section", "part of", "cards with it", "present (%)",
                "with content (%)", "placeholder only (%)", "empty (%)");
        assertThat(rows).hasSize(1 + dev.cardminer.core.CanonicalSection.values().length);
        Map<String, List<String>> bySection = rows.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r));
        long trainingData = sections(s -> s.canonical() != null && s.canonical().equals("Training Data"));
        assertThat(bySection.get("Training Data").get(2)).isEqualTo(String.valueOf(trainingData));
        assertThat(bySection.get("Training Data").get(4)).isEqualTo(pct(trainingData));
        long environmental = sections(s -> "Environmental Impact".equals(s.canonical()));
        assertThat(bySection.get("Environmental Impact").get(5)).isEqualTo(pct(environmental));
        assertThat(bySection.get("Environmental Impact").get(4)).isEqualTo("0.00");
        long evaluation = sections(s -> "Evaluation".equals(s.canonical()));
        assertThat(bySection.get("Evaluation").get(6)).isEqualTo(pct(evaluation));
        assertThat(bySection.get("Model Examination").get(2)).isEqualTo("0");

        // Groups count sub-sections: Training Details is empty itself but its Training Data has content.
        Map<String, String> groups = CsvReader.column(out.resolve("data/template-groups.csv"), 0, 3);
        assertThat(groups).containsEntry("Training Details", pct(trainingData)).containsEntry("Evaluation", "0.00");
        List<List<String>> liang = CsvReader.read(out.resolve("data/liang-comparison.csv"));
        assertThat(liang).hasSize(4);
        assertThat(liang.get(1).get(0)).contains("44.2%");
        assertThat(liang.get(2).get(1)).contains("Training Details: " + pct1(trainingData) + " with content, rank 1 of 14");
        assertThat(html).contains("quotes Liang et al. 2024").contains("not recomputed");
        assertThat(CsvReader.column(out.resolve("data/other-headings.csv"), 0, 1))
                .containsEntry("acknowledgements", "10").containsEntry(HOSTILE, "1");
    }

    @Test
    void completenessHistogramBinsEveryCard() throws IOException {
        Map<String, String> bins = CsvReader.column(out.resolve("data/completeness.csv"), 0, 1);
        assertThat(bins).hasSize(10);
        long[] expected = new long[10];
        data.cards().forEach(c -> expected[Math.min(9, (int) Math.floor(c.completeness() * 10))]++);
        int i = 0;
        for (String n : bins.values()) {
            assertThat(n).as("bin " + i).isEqualTo(String.valueOf(expected[i++]));
        }
    }

    @Test
    void evaluationTablesCountMetricsAndDatasets() throws IOException {
        Map<String, String> metrics = CsvReader.column(out.resolve("data/eval-metrics.csv"), 0, 1);
        // Metric variants are merged and named as the concept tables name them ("accuracy" -> "Accuracy").
        dev.cardminer.annotate.ConceptNormaliser names = new dev.cardminer.annotate.ConceptNormaliser();
        Map<String, Long> expected = data.cards().stream()
                .flatMap(c -> c.evals().stream().map(SyntheticStore.EvalRow::metric).distinct())
                .collect(Collectors.groupingBy(m -> names.canonicalSubject(m) == null ? m : names.canonicalSubject(m),
                        Collectors.counting()));
        assertThat(metrics).hasSize(expected.size());
        expected.forEach((m, n) -> assertThat(metrics).containsEntry(m, String.valueOf(n)));
        assertThat(CsvReader.column(out.resolve("data/eval-datasets.csv"), 0, 3))
                .containsEntry("imdb", String.valueOf(data.cards().stream().mapToLong(c -> c.evals().stream()
                        .filter(e -> e.dataset().equals("imdb")).count()).sum()));
    }

    @Test
    void trendsAndPopularityGroupTheCards() throws IOException {
        Map<String, String> months = CsvReader.column(out.resolve("data/trends.csv"), 0, 1);
        Map<String, Long> expected = data.cards().stream().collect(Collectors.groupingBy(
                c -> c.created().format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT)), TreeMap::new,
                Collectors.counting()));
        assertThat(months).hasSize(expected.size());
        expected.forEach((m, n) -> assertThat(months).containsEntry(m, String.valueOf(n)));

        Map<String, String> buckets = CsvReader.column(out.resolve("data/popularity.csv"), 0, 1);
        Map<String, Long> byBucket = data.cards().stream().collect(Collectors.groupingBy(
                c -> bucket(c.downloads()), Collectors.counting()));
        assertThat(buckets).hasSize(byBucket.size());
        byBucket.forEach((b, n) -> assertThat(buckets).containsEntry(b, String.valueOf(n)));
        List<List<String>> top = CsvReader.read(out.resolve("data/most-downloaded.csv"));
        assertThat(top.get(1).get(0)).isEqualTo(HOSTILE);
        assertThat(top.get(2).get(0)).isEqualTo("org-c/model-6");
    }

    @Test
    void problemsAreCountedByCodeWithExampleCards() throws IOException {
        List<List<String>> rows = CsvReader.read(out.resolve("data/problems.csv"));
        Map<String, List<String>> byCode = rows.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r));
        for (String code : List.of("unknown-license", "yaml-syntax", "no-card-body")) {
            long cards = data.cards().stream().filter(c -> c.problems().stream().anyMatch(p -> p.code().equals(code)))
                    .count();
            long occurrences = data.cards().stream().mapToLong(c -> c.problems().stream()
                    .filter(p -> p.code().equals(code)).count()).sum();
            assertThat(byCode.get(code).get(2)).as(code).isEqualTo(String.valueOf(cards));
            assertThat(byCode.get(code).get(4)).as(code).isEqualTo(String.valueOf(occurrences));
        }
        assertThat(byCode.get("yaml-syntax").get(1)).isEqualTo("error");
        assertThat(byCode.get("yaml-syntax").get(5)).isEqualTo("org-a/model-0 org-c/model-5 org-e/model-10");
        assertThat(rows.get(1).get(0)).isEqualTo("unknown-license");
    }

    @Test
    void conceptTablesFollowSeed000() throws IOException {
        long total = data.cards().stream().mapToLong(c -> c.annotations().size()).sum();
        assertThat(html).contains("<div class=\"value\">" + total + "</div><div class=\"label\">total annotations");
        Map<String, String> subjects = CsvReader.column(out.resolve("data/concept-subjects.csv"), 1, 2);
        Map<String, Long> expected = data.cards().stream().flatMap(c -> c.annotations().stream())
                .collect(Collectors.groupingBy(SyntheticStore.AnnotationRow::subject, Collectors.counting()));
        // Plain subjects with a single raw form: merging may show them under a canonical spelling
        // ("Accuracy"), so the row is found ignoring case, and its count must be the raw count.
        for (String subject : List.of("accuracy", "training", "perplexity")) {
            assertThat(ignoringCase(subjects, subject)).as(subject).isEqualTo(String.valueOf(expected.get(subject)));
        }
        Map<String, String> metric = CsvReader.column(out.resolve("data/concept-metric-subjects.csv"), 1, 3);
        long metricTotal = data.cards().stream().flatMap(c -> c.annotations().stream())
                .filter(a -> a.category().equals("metric")).count();
        long accuracy = expected.get("accuracy");
        assertThat(ignoringCase(metric, "accuracy"))
                .isEqualTo(String.format(Locale.ROOT, "%.2f", 100.0 * accuracy / metricTotal));
        assertThat(CsvReader.read(out.resolve("data/concept-categories.csv")).get(0))
                .containsExactly("rank", "category", "count", "proportion (%)", "merged forms");
    }

    @Test
    void cardTextIsEscapedAndNothingRunsOrLoads() {
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("<iframe").doesNotContain("<object")
                .doesNotContain("<link").doesNotContain("<embed").doesNotContain("url(");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(3)&gt;").contains("&lt;b&gt;bold-key&lt;/b&gt;");
        // Only the report's own tags, each in the shape the report writes.
        Set<String> allowed = Set.of("html", "head", "meta", "title", "style", "body", "header", "div", "h1", "h2",
                "h3", "p", "nav", "ol", "li", "a", "main", "section", "figure", "img", "table", "thead", "tbody",
                "tr", "th", "td", "code", "footer");
        Matcher tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>").matcher(html);
        Pattern anchor = Pattern.compile(" href=\"#[a-z-]+\"| class=\"csv\" href=\"data/[a-z0-9-]+\\.csv\""
                + "| href=\"https://huggingface\\.co/[A-Za-z0-9._-]+/[A-Za-z0-9._-]+\" rel=\"noopener noreferrer\"");
        Pattern image = Pattern.compile(" src=\"img/[a-z0-9-]+\\.png\" alt=\"[^\"<>]*\" loading=\"lazy\"");
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            assertThat(allowed).as(tag.group()).contains(name);
            if (name.equals("a")) {
                assertThat(tag.group(2)).matches(anchor);
            } else if (name.equals("img")) {
                assertThat(tag.group(2)).matches(image);
            } else if (!name.equals("meta") && !name.equals("html")) {
                assertThat(tag.group(2)).as(tag.group()).matches("( (id|class|colspan)=\"[a-z0-9 -]+\")?");
            }
        }
        assertThat(html).contains("<a href=\"https://huggingface.co/org-c/model-6\" rel=\"noopener noreferrer\">")
                .doesNotContain("href=\"javascript").doesNotContain("href=\"https://huggingface.co/<");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertThat(src.group(1)).doesNotContain(":").doesNotStartWith("/");
            assertThat(out.resolve(src.group(1))).isRegularFile();
        }
    }

    @Test
    void theSameStoreGivesTheSameFiles() throws Exception {
        Path again = dir.resolve("again");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            data.writeTo(c);
            new ReportWriter().write(c, again);
        }
        Map<Path, byte[]> first = files(out);
        Map<Path, byte[]> second = files(again);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        first.forEach((p, bytes) -> assertThat(second.get(p)).as(p.toString()).isEqualTo(bytes));
    }

    @Test
    void withoutDatesOrDownloadsThoseSectionsSayWhy(@TempDir Path tmp) throws Exception {
        SyntheticStore undated = varied(false);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            undated.writeTo(c);
            new ReportWriter().write(c, tmp);
        }
        String page = Files.readString(tmp.resolve("index.html"));
        assertThat(page).contains("gives no creation dates").contains("gives no download counts")
                .contains("<section id=\"trends\">").contains("<section id=\"popularity\">");
        assertThat(tmp.resolve("img/trends-cards.png")).doesNotExist();
        assertThat(tmp.resolve("data/popularity.csv")).doesNotExist();
        assertThat(tmp.resolve("data/licenses.csv")).isRegularFile();
    }

    @Test
    void anEmptyStoreGivesAReportSayingThereAreNoCards(@TempDir Path tmp) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            SyntheticStore.builder().schema(CardStore.schema()).build().writeTo(c);
            new ReportWriter().write(c, tmp.resolve("schema-only"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            new ReportWriter().write(c, tmp.resolve("no-tables"));
        }
        for (String kind : List.of("schema-only", "no-tables")) {
            String page = Files.readString(tmp.resolve(kind).resolve("index.html"));
            assertThat(page).as(kind).contains("The store has no cards").contains("<section id=\"corpus\">")
                    .doesNotContain("<section id=\"licenses\">").endsWith("</html>\n");
            assertThat(CsvReader.column(tmp.resolve(kind).resolve("data/corpus.csv"), 0, 1))
                    .containsEntry("cards", "0");
        }
    }

    private static void assertValues(String table, String key) throws IOException {
        Map<String, String> values = CsvReader.column(out.resolve("data/" + table + ".csv"), 0, 1);
        Map<String, Long> expected = data.cards().stream()
                .flatMap(c -> c.metadata().getOrDefault(key, List.of()).stream().distinct())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(values).as(table).hasSize(expected.size());
        expected.forEach((v, n) -> assertThat(values).as(table + " " + v).containsEntry(v, String.valueOf(n)));
    }

    /**
     * A varied corpus with hostile text in ids, titles, licences, keys, messages and subjects, written as rows:
     * the tests compute what the report should say from these cards, not from the report's own SQL.
     */
    static SyntheticStore varied(boolean withDatesAndDownloads) throws IOException {
        String[] licenses = {"apache-2.0", "apache-2.0", "mit", "apache-2.0", "Apache 2.0", "mit", "other",
                HOSTILE, "apache-2.0", HOSTILE_LINK, null, null};
        String[][] languages = {{"en"}, {"en", "fr"}, {"jp"}, {"eng"}, {"es-ES"}, {"de"}, {}, {"en"}, {}, {"zh"},
                {}, {}};
        String[] pipelines = {"text-classification", "text-generation", "text-generation", "fill-mask",
                "not-a-task", null, "text-generation", null, null, null, null, null};
        String[] libraries = {"transformers", "transformers", "peft", "Transformers", null, "diffusers", null, null,
                null, null, null, null};
        String[] ids = {"org-a/model-0", "org-a/model-1", "org-b/model-2", "org-b/model-3", "solo-4",
                "org-c/model-5", "org-c/model-6", HOSTILE, "org-d/model-8", HOSTILE_LINK, "org-e/model-10",
                "org-e/model-11"};
        long[] downloads = {0, 5, 50, 500, 5000, 50000, 500000, 5000000, 12, 7, 0, 3};
        List<SyntheticStore.Card> cards = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            boolean meta = i < 10;
            SyntheticStore.CardBuilder card = SyntheticStore.card(ids[i]).hasMetadata(meta).completeness((i % 11) / 10.0);
            if (withDatesAndDownloads) {
                card.downloads(downloads[i]).likes(downloads[i] / 10).created(LocalDateTime.of(2023, 1 + i % 3, 10, 12, 0));
            }
            if (meta) {
                if (licenses[i] != null) {
                    card.metadata("license", List.of(licenses[i]));
                }
                if (languages[i].length > 0) {
                    card.metadata("language", List.of(languages[i]));
                }
                if (pipelines[i] != null) {
                    card.metadata("pipeline_tag", List.of(pipelines[i]));
                }
                if (libraries[i] != null) {
                    card.metadata("library_name", List.of(libraries[i]));
                }
                if (i % 3 == 0) {
                    card.metadata("model-index", List.of());
                }
                if (i == 7) {
                    card.metadata("<b>bold-key</b>", List.of("x"));
                }
                card.metadata("tags", List.of("tag-" + (i % 2)));
            }
            // Training Details with content in most cards; Environmental Impact placeholder-only in a few.
            if (i % 4 != 3) {
                card.section(new SyntheticStore.SectionRow("Training", "Training Details", false, true));
                card.section(new SyntheticStore.SectionRow("Training data", "Training Data", false, false));
            }
            if (i % 3 == 1) {
                card.section(new SyntheticStore.SectionRow("Environmental Impact", "Environmental Impact", true, false));
            }
            if (i % 2 == 0) {
                card.section(new SyntheticStore.SectionRow("Uses", "Uses", false, false));
                card.section(new SyntheticStore.SectionRow("Evaluation", "Evaluation", false, true));
            }
            card.section(new SyntheticStore.SectionRow(i == 7 ? HOSTILE : i == 9 ? "<img src=x onerror=alert(3)>"
                    : "Acknowledgements", null, false, false));
            if (i % 2 == 1) {
                card.problem(new SyntheticStore.ProblemRow("warning", "unknown-license", "license " + HOSTILE + " is not a Hub id"));
            }
            if (i % 5 == 0) {
                card.problem(new SyntheticStore.ProblemRow("error", "yaml-syntax", "bad YAML"));
                card.problem(new SyntheticStore.ProblemRow("error", "yaml-syntax", "bad YAML again"));
            }
            if (i == 7) {
                card.problem(new SyntheticStore.ProblemRow("info", "no-card-body", "empty body"));
            }
            if (i % 3 == 0) {
                card.eval(new SyntheticStore.EvalRow("text-classification", "imdb", "accuracy", 0.9, i == 0));
                card.eval(new SyntheticStore.EvalRow("text-classification", "imdb", "f1", 0.8, false));
                if (i == 9) {
                    card.eval(new SyntheticStore.EvalRow("text-generation", "glue", HOSTILE, null, false));
                }
            }
            if (i < 6) {
                card.annotation(new SyntheticStore.AnnotationRow("accuracy", "metric"));
                card.annotation(new SyntheticStore.AnnotationRow("training", "process"));
                if (i % 2 == 0) {
                    card.annotation(new SyntheticStore.AnnotationRow("perplexity", "metric"));
                    card.annotation(new SyntheticStore.AnnotationRow(HOSTILE, "dataset"));
                }
            }
            cards.add(card.build());
        }
        return SyntheticStore.builder().schema(CardStore.schema()).cards(cards)
                .run(new SyntheticStore.RunRow("run-1", "synthetic", LocalDateTime.of(2026, 1, 2, 3, 4, 5),
                        LocalDateTime.of(2026, 1, 2, 3, 5, 0)))
                .build();
    }

    private static String count(Predicate<SyntheticStore.Card> p) {
        return String.valueOf(data.cards().stream().filter(p).count());
    }

    private static long sections(Predicate<SyntheticStore.SectionRow> p) {
        return data.cards().stream().filter(c -> c.sections().stream().anyMatch(p)).count();
    }

    private static String pct(long n) {
        return String.format(Locale.ROOT, "%.2f", 100.0 * n / data.cards().size());
    }

    private static String pct1(long n) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * n / data.cards().size());
    }

    private static String bucket(long downloads) {
        String[] names = {"0", "1–9", "10–99", "100–999", "1k–10k", "10k–100k", "100k–1M", "1M and more"};
        int b = downloads <= 0 ? 0 : (int) Math.min(7, 1 + Math.floor(Math.log10(downloads)));
        return names[b];
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static Map<Path, byte[]> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            Map<Path, byte[]> out = new TreeMap<>();
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p), Files.readAllBytes(p));
            }
            return out;
        }
    }


    private static String ignoringCase(Map<String, String> rows, String name) {
        List<String> matches = rows.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).toList();
        assertThat(matches).as("rows named %s in any case", name).hasSize(1);
        return matches.get(0);
    }
}
