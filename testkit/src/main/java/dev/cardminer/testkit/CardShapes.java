package dev.cardminer.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Synthetic card shapes of any size: the ordinary-looking and the hostile shapes that made parsing
 * or sentence splitting superlinear or memory-hungry (pasted logs, big tables, nested lists and
 * quotes, runs of brackets, empty headings, huge YAML blocks, other encodings). Tests parse each
 * shape at two sizes and compare the times; {@code bench shapes} prints the figures.
 */
public final class CardShapes {

    /**
     * A named generator: {@code bytes(n)} gives a card of about {@code n} bytes.
     *
     * @param name      the shape's name, as {@code bench shapes} prints it
     * @param generator makes a card of about the given size in bytes
     */
    public record Shape(String name, IntFunction<byte[]> generator) {
        /** A card of about {@code size} bytes. */
        public byte[] bytes(int size) {
            return generator.apply(size);
        }

        /** A card of about {@code size} bytes, decoded as UTF-8 (invalid bytes replaced). */
        public String text(int size) {
            return new String(bytes(size), StandardCharsets.UTF_8);
        }
    }

    private CardShapes() {
    }

    /** Every shape. */
    public static List<Shape> all() {
        List<Shape> out = new ArrayList<>();
        // Markdown bodies (a small metadata block first, as real cards have).
        body(out, "digit-lines", "1 abc def\n");
        body(out, "dash-lines", "- abc\n");
        body(out, "pipe-rows", "| a | b |\n");
        out.add(new Shape("table", n -> utf8(HEAD + "| a | b |\n|---|---|\n" + repeat("| 1 | x y |\n", n))));
        body(out, "empty-headings", "#\n");
        body(out, "heading-levels", "# a\n## b\n### c\n#### d\n##### e\n###### f\n");
        body(out, "setext-headings", "a\n=\nb\n-\n");
        body(out, "blank-lines", "\n");
        body(out, "paragraphs", "Some words. Another sentence here.\n\n");
        body(out, "one-long-line", "word ");
        body(out, "autolink-open", "<http://a ");
        body(out, "html-open", "<a ");
        body(out, "html-block", "<div>\n");
        body(out, "brackets-open", "[");
        body(out, "brackets-pairs", "[a](");
        body(out, "links", "[a](http://x.y/z) ");
        body(out, "emphasis", "*a _b ");
        body(out, "backticks", "` `` ");
        body(out, "entities", "&amp;&#123;&");
        out.add(new Shape("nested-lists", n -> utf8(HEAD + repeat("- ", n - HEAD.length() - 2) + "a\n")));
        out.add(new Shape("nested-quotes", n -> utf8(HEAD + repeat(">", n - HEAD.length() - 2) + "a\n")));
        out.add(new Shape("nested-emphasis", n -> utf8(HEAD + "# " + repeat("*", n / 2 - 20) + "a"
                + repeat("*", n / 2 - 20) + "\n")));
        out.add(new Shape("nested-images", n -> utf8(HEAD + repeat("![", n / 2 - 20) + "a"
                + repeat("](b)", n / 2 - 20) + "\n")));
        body(out, "code-fences", "```\n");
        body(out, "urls", "see https://huggingface.co/org/model and arXiv:2101.00001 ");
        // Metadata blocks.
        out.add(new Shape("yaml-keys", n -> utf8(block(n, i -> "k" + i + ": v\n"))));
        // Each key about 20 times (k0..k(n/20), repeated): a duplicate-key problem per repeat.
        out.add(new Shape("yaml-duplicate-keys", n -> utf8(block(n, i -> "k" + (i % Math.max(1, n / 20)) + ": v\n"))));
        out.add(new Shape("yaml-list-no", n -> utf8("---\nlanguage:\n" + repeat("- no\n", n) + "---\n# t\n")));
        out.add(new Shape("yaml-numbers", n -> utf8("---\nx:\n" + repeat("- 12345\n", n) + "---\n# t\n")));
        out.add(new Shape("yaml-complex-keys", n -> utf8(block(n, i -> "? [a" + i + "]\n: b\n"))));
        out.add(new Shape("yaml-flow-nesting", n -> utf8("---\nx: " + "[".repeat(n / 2) + "]".repeat(n / 2)
                + "\n---\n# t\n")));
        out.add(new Shape("yaml-aliases", n -> utf8("---\na: &a [x, y]\nb: [" + repeat("*a, ", n) + "*a]\n---\n# t\n")));
        out.add(new Shape("model-index", n -> utf8("---\nmodel-index:\n- name: m\n  results:\n"
                + repeat("  - task: {type: t}\n    dataset: {type: d, name: d}\n    metrics: []\n", n) + "---\n# t\n")));
        // Bytes that are no UTF-8.
        out.add(new Shape("utf16-bom", n -> {
            byte[] text = repeat("1 abc def\n", n / 2).getBytes(StandardCharsets.UTF_16LE);
            byte[] out2 = new byte[text.length + 2];
            out2[0] = (byte) 0xFF;
            out2[1] = (byte) 0xFE;
            System.arraycopy(text, 0, out2, 2, text.length);
            return out2;
        }));
        out.add(new Shape("invalid-bytes", n -> {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) {
                b[i] = (byte) (i % 3 == 0 ? 0xC3 : i % 3 == 1 ? 0x28 : 0x0A);
            }
            return b;
        }));
        return out;
    }

    /** The shape of that name. */
    public static Shape named(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no shape " + name));
    }

    private static final String HEAD = "---\nlicense: mit\n---\n";

    private static void body(List<Shape> out, String name, String unit) {
        out.add(new Shape(name, n -> utf8(HEAD + repeat(unit, n - HEAD.length()))));
    }

    private static String block(int size, IntFunction<String> line) {
        StringBuilder b = new StringBuilder("---\n");
        for (int i = 0; b.length() < size; i++) {
            b.append(line.apply(i));
        }
        return b.append("---\n# t\n").toString();
    }

    /** {@code unit} repeated to about {@code size} chars. */
    public static String repeat(String unit, int size) {
        return unit.repeat(Math.max(1, size / unit.length()));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
