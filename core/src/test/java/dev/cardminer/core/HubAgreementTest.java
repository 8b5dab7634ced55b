package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.testkit.SharedData;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * cardminer against the Hub's Python client on the 499-card corpus, using what that client made of each
 * card (../shared/corpus/hf_hub_reference). Everything must agree except the deliberate differences,
 * each of which must be flagged by one of our problems at the value concerned; they are counted, and
 * the counts must be those in docs/hub-differences.md.
 */
class HubAgreementTest {

    private static final Path SHARED = SharedData.root();
    private static final Path CORPUS = SHARED.resolve("corpus");
    private static final Path DOC = Path.of("..", "docs", "hub-differences.md");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Counts of deliberate differences (and of agreements worth telling), by category. */
    private final Map<String, Integer> tally = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void agreesWithThePythonClientExceptForCountedDeliberateDifferences() throws IOException {
        List<Path> cards;
        try (Stream<Path> s = Files.walk(CORPUS.resolve("cards"))) {
            cards = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(cards).hasSize(499);
        for (Path card : cards) {
            String stem = card.getFileName().toString().replaceFirst("\\.md$", "");
            Path ref = CORPUS.resolve("hf_hub_reference").resolve(stem + ".json");
            assertThat(ref).as("reference for " + stem).exists();
            compare(stem, ModelCard.parse(stem, Files.readAllBytes(card)), JSON.readTree(ref.toFile()));
            count("cards compared");
        }
        System.out.println("Hub agreement on " + cards.size() + " cards: " + tally);
        assertThat(failures).isEmpty();
        assertThat(tally.get("cards compared")).isEqualTo(499);

        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\| (\\d+) \\|", Pattern.MULTILINE);
        Map<String, Integer> documented = new TreeMap<>();
        for (Matcher m = row.matcher(doc); m.find(); ) {
            documented.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(documented).as("counts in docs/hub-differences.md").isEqualTo(tally);
    }

    private void compare(String card, ModelCard ours, JsonNode ref) {
        if (ours.hasMetadata() != ref.get("has_yaml_block").asBoolean()) {
            fail(card, "has_yaml_block: ours " + ours.hasMetadata());
        }
        JsonNode text = ref.get("text");
        if (text != null) {
            if (!ours.body().equals(text.asText())) {
                fail(card, "body differs");
            }
            count("bodies byte-exact");
        }
        String strictError = ref.path("strict_error").isNull() ? null : ref.path("strict_error").asText();
        compareStrictError(card, ours, strictError);
        JsonNode yaml = ref.get("yaml");
        if (yaml != null && yaml.isObject()) {
            if (!ours.hasMetadata() || has(ours, "yaml-syntax") || has(ours, "yaml-not-mapping")) {
                fail(card, "PyYAML read a mapping, we did not");
            } else {
                compareMapping(card, ours, yaml);
            }
        } else if (yaml != null && !has(ours, "yaml-not-mapping")) {
            fail(card, "PyYAML read a " + yaml.getNodeType() + ", we report no yaml-not-mapping");
        }
        if (ref.has("eval_results")) {
            compareEvalResults(card, ours, ref.get("eval_results"), strictError);
        }
    }

    // ---- strict mode: each error of the Python client is one of our problems

    private void compareStrictError(String card, ModelCard ours, String strictError) {
        if (strictError == null) {
            for (Problem p : ours.problems()) {
                if (p.code().startsWith("yaml") && p.severity() != Problem.Severity.INFO) {
                    fail(card, "the Python client accepts the block but we report " + p);
                }
            }
            return;
        }
        if (strictError.contains("should be a dict")) {
            expect(card, ours, "yaml-not-mapping", Problem.Severity.ERROR);
            count("not a mapping (both)");
        } else if (strictError.matches("^(Scanner|Parser|Composer|Constructor|Reader)Error.*")) {
            if (has(ours, "yaml-syntax")) {
                expect(card, ours, "yaml-syntax", Problem.Severity.ERROR);
                count("invalid YAML (both)");
            } else {
                expect(card, ours, "yaml11-tab", Problem.Severity.WARNING);
                count("yaml11-tab");
            }
        } else if (strictError.contains("Invalid `model_index`")) {
            boolean warned = ours.problems().stream().anyMatch(p -> p.code().startsWith("model-index")
                    && p.severity() == Problem.Severity.WARNING);
            if (!warned) {
                fail(card, "the Python client rejects model-index, we report no model-index warning");
            }
        } else {
            fail(card, "unexpected strict error " + strictError);
        }
    }

    // ---- the mapping: equal as JSON trees, except values PyYAML reads differently (flagged)

    private void compareMapping(String card, ModelCard ours, JsonNode ref) {
        List<String[]> diffs = new ArrayList<>();
        diff(ours.metadata().values(), ref, "", diffs);
        for (String[] d : diffs) {
            String path = d[0];
            boolean flagged = ours.problems().stream().anyMatch(p -> path.equals(p.path())
                    && (p.code().equals("yaml11-scalar") || p.code().equals("yaml11-merge-key")));
            if (d[1].equals("ref-only key")) {
                continue; // matched by the flagged key of ours that PyYAML names differently (checked below)
            }
            if (!flagged) {
                fail(card, "value at " + path + " differs (" + d[1] + ") and is not flagged");
            }
            count("yaml11-scalar");
        }
        long refOnly = diffs.stream().filter(d -> d[1].equals("ref-only key")).count();
        long oursOnly = diffs.stream().filter(d -> d[1].equals("our-only key")).count();
        if (refOnly != oursOnly) {
            fail(card, refOnly + " keys of PyYAML have no flagged counterpart");
        }
    }

    /** Differences between plain data and a JSON tree, as {path, what}. */
    private static void diff(Object ours, JsonNode ref, String path, List<String[]> out) {
        if (ref.isObject()) {
            if (!(ours instanceof Map<?, ?> map)) {
                out.add(new String[]{path, "not a mapping"});
                return;
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = (String) e.getKey();
                String sub = path.isEmpty() ? key : path + "." + key;
                if (ref.has(key)) {
                    diff(e.getValue(), ref.get(key), sub, out);
                } else {
                    out.add(new String[]{sub, "our-only key"});
                }
            }
            for (Iterator<String> it = ref.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!map.containsKey(key)) {
                    out.add(new String[]{path.isEmpty() ? key : path + "." + key, "ref-only key"});
                }
            }
        } else if (ref.isArray()) {
            if (!(ours instanceof List<?> list) || list.size() != ref.size()) {
                out.add(new String[]{path, "not the same list"});
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                diff(list.get(i), ref.get(i), path + "[" + i + "]", out);
            }
        } else if (!sameScalar(ours, ref)) {
            out.add(new String[]{path, "ours " + ours + ", PyYAML " + ref});
        }
    }

    private static boolean sameScalar(Object ours, JsonNode ref) {
        if (ref.isNull()) {
            return ours == null;
        }
        if (ref.isBoolean()) {
            return Boolean.valueOf(ref.booleanValue()).equals(ours);
        }
        if (ref.isTextual()) {
            return ref.textValue().equals(ours);
        }
        if (ref.isNumber()) {
            if (!(ours instanceof Number n)) {
                return false;
            }
            if (ref.isIntegralNumber() && (n instanceof Long || n instanceof BigInteger)) {
                return ref.bigIntegerValue().equals(new BigInteger(n.toString()));
            }
            double a = n.doubleValue();
            double b = ref.doubleValue();
            if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
                return Double.compare(a, b) == 0;
            }
            return new BigDecimal(a).subtract(new BigDecimal(b)).abs()
                    .compareTo(new BigDecimal(Math.max(Math.abs(a), Math.abs(b)) * 1e-12)) <= 0;
        }
        return false;
    }

    // ---- evaluation results

    private void compareEvalResults(String card, ModelCard ours, JsonNode ref, String strictError) {
        List<EvalResult> evals = ours.evalResults();
        if (strictError != null && strictError.contains("Invalid `model_index`")) {
            if (ref.size() != 0) {
                fail(card, "the Python client kept eval results of an invalid model-index");
            }
            count("model-index kept where the Python client drops it (cards)");
            tally.merge("model-index kept where the Python client drops it (results)", evals.size(), Integer::sum);
            return;
        }
        if (evals.size() != ref.size()) {
            fail(card, "eval results: ours " + evals.size() + ", Python " + ref.size());
            return;
        }
        List<String> paths = metricPaths(ours.metadata());
        for (int i = 0; i < evals.size(); i++) {
            EvalResult e = evals.get(i);
            JsonNode r = ref.get(i);
            String at = i < paths.size() ? paths.get(i) : "?";
            String result = at.replaceFirst("\\.metrics\\[\\d+]$", "");
            field(card, ours, "task_type", e.taskType(), r, result + ".task.type");
            field(card, ours, "task_name", e.taskName(), r, result + ".task.name");
            field(card, ours, "dataset_type", e.datasetType(), r, result + ".dataset.type");
            field(card, ours, "dataset_name", e.datasetName(), r, result + ".dataset.name");
            field(card, ours, "dataset_config", e.datasetConfig(), r, result + ".dataset.config");
            field(card, ours, "dataset_split", e.datasetSplit(), r, result + ".dataset.split");
            field(card, ours, "dataset_revision", e.datasetRevision(), r, result + ".dataset.revision");
            field(card, ours, "dataset_args", e.datasetArgs(), r, result + ".dataset.args");
            field(card, ours, "metric_type", e.metricType(), r, at + ".type");
            field(card, ours, "metric_value", e.metricValue(), r, at + ".value");
            field(card, ours, "metric_name", e.metricName(), r, at + ".name");
            field(card, ours, "metric_config", e.metricConfig(), r, at + ".config");
            field(card, ours, "metric_args", e.metricArgs(), r, at + ".args");
            field(card, ours, "verified", e.verified(), r, at + ".verified");
            field(card, ours, "verify_token", e.verifyToken(), r, at + ".verifyToken");
            field(card, ours, "source_name", e.sourceName(), r, result + ".source.name");
            field(card, ours, "source_url", e.sourceUrl(), r, result + ".source.url");
            count("eval results equal");
        }
    }

    private void field(String card, ModelCard ours, String name, Object value, JsonNode ref, String path) {
        List<String[]> d = new ArrayList<>();
        diff(value, ref.get(name), path, d);
        if (d.isEmpty()) {
            return;
        }
        for (Problem p : ours.problems()) {
            if (path.equals(p.path()) && p.code().equals("model-index-type")) {
                count("model-index value kept as text");
                return;
            }
            if (path.equals(p.path()) && p.code().equals("yaml11-scalar")) {
                count("yaml11-scalar in model-index");
                return;
            }
        }
        fail(card, name + " differs at " + path + ": ours " + value + ", Python " + ref.get(name));
    }

    /** The path of each metric of model-index, in the order both clients flatten them. */
    private static List<String> metricPaths(Metadata m) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> entries = m.modelIndex();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i).get("results") instanceof List<?> results)) {
                continue;
            }
            for (int j = 0; j < results.size(); j++) {
                if (results.get(j) instanceof Map<?, ?> r && r.get("metrics") instanceof List<?> metrics) {
                    for (int k = 0; k < metrics.size(); k++) {
                        out.add("model-index[" + i + "].results[" + j + "].metrics[" + k + "]");
                    }
                }
            }
        }
        return out;
    }

    // ---- helpers

    private static boolean has(ModelCard card, String code) {
        return card.problems().stream().anyMatch(p -> p.code().equals(code));
    }

    private void expect(String card, ModelCard ours, String code, Problem.Severity severity) {
        boolean found = ours.problems().stream()
                .anyMatch(p -> p.code().equals(code) && p.severity() == severity && p.line() > 0);
        if (!found) {
            fail(card, "expected a located " + severity + " " + code + ", got " + ours.problems());
        }
    }

    private void count(String category) {
        tally.merge(category, 1, Integer::sum);
    }

    private void fail(String card, String what) {
        failures.add(card + ": " + what);
        Objects.requireNonNull(card);
    }
}
