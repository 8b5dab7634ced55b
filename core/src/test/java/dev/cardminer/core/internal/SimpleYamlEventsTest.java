package dev.cardminer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.Problem;
import dev.cardminer.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simple-block path ({@link SimpleYamlEvents}) gives exactly what snakeyaml's path gives: the same data
 * (values and their types), top-level entries, positions of every value and problems (YAML 1.1 notes
 * included), on every metadata block of the corpus cards and of hub-2023.parquet, and on made-up blocks at
 * the edges of the simple shape.
 */
class SimpleYamlEventsTest {

    private final YamlBlockReader simple = new YamlBlockReader(true);
    private final YamlBlockReader snakeyaml = new YamlBlockReader(false);
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();

    /** Blocks compared, and how many of them the simple path read. */
    private int blocks;
    private int simpleBlocks;

    @Test
    void corpusCardsReadAlikeBothWays() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SharedData.corpusCards())) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(400);
        for (Path f : files) {
            compareCard(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        System.out.printf("SimpleYamlEventsTest: corpus: %d blocks, %d read by the simple path%n", blocks, simpleBlocks);
        assertThat(simpleBlocks).as("the simple path reads most real blocks").isGreaterThan(blocks / 2);
    }

    @Test
    void hubCardsReadAlikeBothWays() throws SQLException {
        Path parquet = SharedData.hub2023Parquet();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement q = c.prepareStatement("SELECT modelId, card FROM read_parquet(?)")) {
            q.setString(1, parquet.toString());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String card = rs.getString(2);
                    if (card != null) {
                        compareCard(rs.getString(1), card);
                    }
                }
            }
        }
        System.out.printf("SimpleYamlEventsTest: hub-2023: %d blocks, %d read by the simple path%n", blocks, simpleBlocks);
        assertThat(blocks).isGreaterThan(15_000);
        assertThat(simpleBlocks).as("the simple path reads most real blocks").isGreaterThan(blocks / 2);
    }

    @Test
    void edgesOfTheSimpleShapeReadAlike() {
        String[] cases = {
            "a: 1\nb: yes\nc: no\nd: ~\ne: 0o17\nf: 1_000\ng: .5\ni: 2023-02-30\nj: null\nk:\nl: 'q'\nm: \"q\"",
            "a: b # comment\n# whole line\n\nc:   d   \ne: 'x'  # c\ng: C#\nh: a#b",
            "f: \"y\"#z",
            "h: -.5e3",
            "tags:\n- a\n- b\nlanguage:\n  - en\n  - no\nx: y",
            "model-index:\n- name: m\n  results:\n  - task:\n      type: t\n    metrics:\n    - type: acc\n      value: 0.5\n    - value: -1",
            "a:\n  b:\n    c: d\n  e: f\ng: h",
            "a: b\na: c\nb: d\nb: e",
            "a: b\n  continued",
            "a:\n  plain on its own line",
            "- a\n- b",
            "a: b\n- c",
            "a:\n- b\n  c: d",
            "a:\n  - b\n  c: d",
            "a:\n   - b\n  - c",
            "a: [1, 2]\nb: {c: d}",
            "a: [ 1 ,2 ]  # c\nb: {c: d, e: f g}\nc: []\nd: {}\ne:\n- [x]\n- {k: v}\nf: [yes, no, ~, 0x1F]",
            "a: [1, [2]]", "a: [1, ]", "a: {b: c", "a: {b}", "a: {b:c}", "a: [x]y", "a: [x]#c", "a: [a b: c]",
            "a: {b: c, b: d}", "a: [http://x]", "a: [-1, .5, -x]",
            // snakeyaml rejects implicit keys over 1024 chars
            "k".repeat(1100) + ": v", "k".repeat(1000) + ": v", "x:\n  " + "c".repeat(1030) + ": d",
            "a: {" + "f".repeat(1030) + ": g}", "a: [" + "e".repeat(1030) + "]", "k: " + "b".repeat(2000),
            "a: 'it''s'\nb: \"q\" x",
            "a: b: c",
            "a: b:",
            "a:b",
            "key :  v",
            "\"q\": v",
            "a: &x 1\nb: *x",
            "a: !!str 1",
            "a: |\n  text",
            "  a: b",
            "a: http://x.y/z:8080\nb: x, y\nc: '#'\nd: -1",
            "e: -x",
            "a:\n-\n- b",
            "a:\n- - b",
            "a:\n  - b: c\n    d: e\n  - f\n  -   g: h\n      i: j",
            "été: ünïcödé\n名前: 値\nx: \u00a0y",
            "a: 1\n...\nb: 2",
            "a: 1\n---\nb: 2",
            "# only a comment",
            "",
            "a: <<\n<<: b\nc: =\nd: on\ne: Off",
            "a:\n\n  b: c\n\n  # x\n  d: e\n",
        };
        for (String yaml : cases) {
            compareBlock(yaml, yaml, 2);
        }
        assertThat(simpleBlocks).as("cases the simple path reads").isGreaterThanOrEqualTo(13);
    }

    @Test
    void aBlockThatLeavesTheSimpleShapeLateGivesNoEventsAndALargeOneIsReadInTwoPasses() {
        List<Object> seen = new ArrayList<>();
        assertThat(SimpleYamlEvents.readIfSimple("license: mit\ntags:\n- a\n- b\nlate: &anchor x\n", seen::add)).isFalse();
        assertThat(seen).isEmpty();
        assertThat(SimpleYamlEvents.readIfSimple("license: mit\n", seen::add)).isTrue();
        assertThat(seen).hasToString("[+DOC, +MAP, =VAL :license, =VAL :mit, -MAP]");
        StringBuilder large = new StringBuilder("tags:\n");
        while (large.length() <= 1 << 16) {
            large.append("- tag").append(large.length()).append('\n');
        }
        compareBlock("large", large.toString(), 2);
        seen.clear();
        assertThat(SimpleYamlEvents.readIfSimple(large + "late: !tag x\n", seen::add)).isFalse();
        assertThat(seen).isEmpty();
    }

    private void compareCard(String id, String text) {
        FrontMatterSplitter.Split split = splitter.split(text);
        if (!split.found()) {
            return;
        }
        String yaml = text.substring(split.yamlStart(), split.yamlEnd());
        int firstLine = 1 + (int) text.substring(0, split.yamlStart()).chars().filter(ch -> ch == '\n').count();
        compareBlock(id, yaml, firstLine);
    }

    private void compareBlock(String id, String yaml, int firstLine) {
        blocks++;
        if (SimpleYamlEvents.isSimple(yaml)) {
            simpleBlocks++;
        }
        List<Problem> p1 = new ArrayList<>();
        List<Problem> p2 = new ArrayList<>();
        YamlDocument d1 = simple.read(yaml, firstLine, p1);
        YamlDocument d2 = snakeyaml.read(yaml, firstLine, p2);
        assertThat(typed(d1.mapping())).as(id + ": data").isEqualTo(typed(d2.mapping()));
        assertThat(d1.entries()).as(id + ": entries").isEqualTo(d2.entries());
        assertThat(d1.flowRoot()).as(id).isEqualTo(d2.flowRoot());
        assertThat(d1.rootLine()).as(id + ": root line").isEqualTo(d2.rootLine());
        assertThat(p1).as(id + ": problems").isEqualTo(p2);
        if (d1.mapping() != null) {
            List<String> l1 = new ArrayList<>();
            List<String> l2 = new ArrayList<>();
            positions(d1.mapping(), d1.mapping(), new ArrayList<>(), d1.locations(), l1);
            positions(d2.mapping(), d2.mapping(), new ArrayList<>(), d2.locations(), l2);
            assertThat(l1).as(id + ": positions").isEqualTo(l2);
        }
    }

    /** The position of every value, by path. */
    private static void positions(Object root, Object node, List<Object> path, YamlLocations at, List<String> out) {
        if (out.size() > 100_000) {
            return;
        }
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                path.add(e.getKey());
                out.add(path + " " + at.locate(root, path));
                positions(root, e.getValue(), path, at, out);
                path.removeLast();
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                path.add(i);
                out.add(path + " " + at.locate(root, path));
                positions(root, l.get(i), path, at, out);
                path.removeLast();
            }
        }
    }

    /** The data with the class of every scalar, so that 1 and "1" or 1 and 1.0 differ. */
    private static String typed(Object v) {
        StringBuilder b = new StringBuilder();
        typed(v, b);
        return b.toString();
    }

    private static void typed(Object v, StringBuilder b) {
        if (v instanceof Map<?, ?> m) {
            b.append('{');
            m.forEach((k, x) -> {
                b.append(k).append('=');
                typed(x, b);
                b.append(',');
            });
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            l.forEach(x -> {
                typed(x, b);
                b.append(',');
            });
            b.append(']');
        } else {
            b.append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v);
        }
    }
}
