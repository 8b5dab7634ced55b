package dev.cardminer.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.testkit.CardShapes;
import dev.cardminer.testkit.CpuTime;
import dev.cardminer.testkit.LinearScaling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Card text is hostile input: every card must cost the extractors time linear in its size. Each shape below is one a
 * rule once spent super-linear time on (a run of blanks between links, a heading of blanks, a language name in every
 * line of a citation section, an adapter sentence per line, one long line of "on the x dataset"), and the parser's
 * hostile shapes ({@link CardShapes}), built at two sizes
 * 4x apart; the larger may cost at most {@value LinearScaling#MAX_RATIO} times the smaller (linear is 4, quadratic 16), by the test
 * thread's CPU time, best of a few runs, judged only when the larger run is long enough to measure. Each run is also
 * bounded, so a rule that backtracks exponentially fails the test instead of hanging it.
 */
class SuggesterScalingTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final Suggester suggester = Suggester.builder().build();

    private static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> shapes = new LinkedHashMap<>();
        shapes.put("blanks between links", n -> "Fine-tuned on [a](https://huggingface.co/datasets/o/a)"
                + (" ".repeat(n / 8) + "[n](u)").repeat(3) + " ".repeat(n / 8)
                + "# [b](https://huggingface.co/datasets/o/b)\n");
        shapes.put("heading of blanks", n -> "# " + " ".repeat(n) + "x\n");
        shapes.put("names in a citation", n -> "## Citation\n" + "English\n".repeat(n / 8));
        shapes.put("adapter sentences", n -> "# LoRA text2image fine-tuning - org/own\n" + "LoRA for org/base\n".repeat(n / 18));
        shapes.put("one line of datasets", n -> "Results " + "on the a-b dataset ".repeat(n / 19) + "\n");
        shapes.put("one line of languages", n -> "A model for " + "English and ".repeat(n / 12) + "French.\n");
        // each rule's trigger words repeated, and constructs left open
        shapes.put("open templates", n -> "{{ ".repeat(n / 3) + "\n");
        shapes.put("open link targets", n -> "](".repeat(n / 2) + "\n");
        shapes.put("training phrases", n -> "Trained on ".repeat(n / 11) + "\n");
        shapes.put("trainer openings", n -> "fine-tuned version of [".repeat(n / 23) + "\n");
        shapes.put("based on", n -> "based on ".repeat(n / 9) + "\n");
        shapes.put("trainer results", n -> "It achieves the following results on the evaluation set:\n"
                + "- Loss: 0.1\n".repeat(n / 12));
        shapes.put("result table rows", n -> "| Epoch | Loss | Accuracy |\n|---|---|---|\n" + "| 1 | 0.1 | 0.9 |\n".repeat(n / 19));
        shapes.put("open language list", n -> "languages: [" + "en, ".repeat(n / 4) + "\n");
        shapes.put("licence words", n -> "Released under the Apache ".repeat(n / 26) + "\n");
        shapes.put("usage snippets", n -> "```python\n" + "pipeline(\"".repeat(n / 10) + "\n```\n");
        shapes.put("hub ids", n -> "org/name ".repeat(n / 9) + "\n");
        shapes.put("capital words", n -> "German French Dutch ".repeat(n / 20) + "\n");
        // the older rules' shapes (a line-by-line read of suggest/src/main): adjacent runs of blanks or stars that a
        // pattern could split in many ways, a search of the text before each match, a copy of the line for each
        // match's evidence, a scan of every code block for each match
        shapes.put("data line of blanks", n -> "https://huggingface.co/datasets/o/x\nTraining data" + " ".repeat(n) + "x\n");
        shapes.put("base model of blanks", n -> "Base model" + " ".repeat(n) + "x\n");
        shapes.put("base model: blanks", n -> "Base model:" + " ".repeat(n) + "!\n");
        shapes.put("line of stars", n -> "*".repeat(n) + "\nlanguage\n");
        shapes.put("stars before a word", n -> "*".repeat(n) + "x\n");
        shapes.put("blanks before a name", n -> " ".repeat(n) + "English\n");
        shapes.put("languages: blanks", n -> "languages:" + " ".repeat(n));
        shapes.put("training list of links", n -> "## Training data\n\n" + "- [x](https://huggingface.co/datasets/o/x)\n".repeat(n / 44));
        shapes.put("lone links", n -> "## Training data\n\n" + "[x](https://huggingface.co/datasets/o/x)\n".repeat(n / 42));
        shapes.put("line of dataset links", n -> "- a " + "https://huggingface.co/datasets/o/x ".repeat(n / 37) + "\n");
        shapes.put("link after blanks", n -> "[a](" + " ".repeat(n / 2) + "https://huggingface.co/datasets/o/x"
                + " https://huggingface.co/datasets/o/y".repeat(n / 72) + "\n");
        shapes.put("merge list", n -> "a merge of " + "a/b, ".repeat(n / 5) + "\n");
        shapes.put("tested UD line", n -> "upos " + "tested universal dependencies ".repeat(n / 30) + "\n");
        shapes.put("code blocks and links", n -> "```\n```\nhttps://huggingface.co/datasets/o/x\n".repeat(n / 44));
        shapes.put("code blocks and names", n -> "```\n```\nfor English\n".repeat(n / 20));
        shapes.put("adapter loads", n -> "```python\n" + "m = f(x)\nPeftModel.from_pretrained(m, \"./a\")\n".repeat(n / 45) + "```\n");
        shapes.put("task tags", n -> "---\ntags: [" + "text-classification, ".repeat(n / 21) + "x]\n---\n# t\n");
        // and the parser's hostile shapes, whose text the extractors read too
        CardShapes.all().forEach(shape -> shapes.put(shape.name(), shape::text));
        return shapes;
    }

    private long bestOf(String card, int runs) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            best = Math.min(best, CpuTime.limit(BOUND, BOUND.multipliedBy(3), () -> {
                long t0 = CpuTime.threadNanos();
                suggester.suggest(ModelCard.parse("org/model", card));
                return CpuTime.threadNanos() - t0;
            }));
        }
        return best;
    }

    @Test
    void everyHostileShapeCostsTimeLinearInItsSize() {
        int small = 16 * 1024;
        List<String> superlinear = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        shapes().forEach((name, shape) -> {
            String s = shape.apply(small);
            String l = shape.apply(4 * small);
            bestOf(s, 2); // warm-up
            LinearScaling.Figure figure = LinearScaling.measure(name, () -> bestOf(s, 3), () -> bestOf(l, 2));
            figures.append(figure.line());
            if (figure.superlinear()) {
                superlinear.add(name + " x" + String.format("%.1f", figure.ratio()));
            }
        });
        System.out.print(figures);
        assertThat(superlinear).as("shapes whose time grows faster than linear:\n" + figures).isEmpty();
    }
}
