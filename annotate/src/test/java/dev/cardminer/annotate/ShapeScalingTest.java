package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.testkit.CardShapes;
import dev.cardminer.testkit.CpuTime;
import dev.cardminer.testkit.LinearScaling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shape of {@link CardShapes}, parsed and split at two sizes 4x apart: the larger may cost at most
 * {@value LinearScaling#MAX_RATIO} times the smaller (linear is 4, quadratic 16). Sizes are small enough for CI. Costs
 * are the test thread's CPU time, which leaves out the time it waited for a core on a loaded machine
 * (and the GC and compiler threads); the best of a few runs, after a warm-up, leaves out the rest of the
 * noise, and a shape is only called superlinear when it is so in three measurements. A ratio is only
 * judged when the large run takes long enough to measure.
 */
class ShapeScalingTest {

    private static final int SMALL = 32 * 1024;
    private static final int LARGE = 4 * SMALL;

    private final SentenceSplitter splitter = SentenceSplitter.markdown();

    private long bestOf(byte[] card, int runs) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t0 = CpuTime.threadNanos();
            ModelCard parsed = ModelCard.parse("shape", card);
            splitter.splitWithProblems(parsed);
            best = Math.min(best, CpuTime.threadNanos() - t0);
        }
        return best;
    }

    @Test
    void everyShapeScalesLinearly() {
        List<String> superlinear = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        for (CardShapes.Shape shape : CardShapes.all()) {
            byte[] small = shape.bytes(SMALL);
            byte[] large = shape.bytes(LARGE);
            bestOf(small, 2); // warm-up
            LinearScaling.Figure figure = LinearScaling.measure(shape.name(), () -> bestOf(small, 3), () -> bestOf(large, 2));
            figures.append(figure.line());
            if (figure.superlinear()) {
                superlinear.add(shape.name() + " x" + String.format("%.1f", figure.ratio()));
            }
        }
        System.out.print(figures);
        assertThat(superlinear).as("shapes whose time grows faster than linear:\n" + figures).isEmpty();
    }
}
