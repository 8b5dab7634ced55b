package dev.cardminer.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cardminer.core.ModelCard;
import dev.cardminer.testkit.CardShapes;
import dev.cardminer.testkit.CpuTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shape of {@link CardShapes}, parsed and split at two sizes 4x apart: the larger may cost at most
 * {@value #MAX_RATIO} times the smaller (linear is 4, quadratic 16). Sizes are small enough for CI. Costs
 * are the test thread's CPU time, which leaves out the time it waited for a core on a loaded machine
 * (and the GC and compiler threads); the best of a few runs, after a warm-up, leaves out the rest of the
 * noise, and a shape is only called superlinear when it is so in three measurements. A ratio is only
 * judged when the large run takes long enough to measure.
 */
class ShapeScalingTest {

    private static final int SMALL = 32 * 1024;
    private static final int LARGE = 4 * SMALL;
    private static final double MAX_RATIO = 10;
    private static final long MEASURABLE_NANOS = 20_000_000;

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
            double ratio = 0;
            long s = 0;
            long l = 0;
            for (int attempt = 0; attempt < 3; attempt++) {
                s = bestOf(small, 3);
                l = bestOf(large, 2);
                ratio = (double) l / Math.max(1, s);
                if (l <= MEASURABLE_NANOS || ratio <= MAX_RATIO) {
                    break;
                }
            }
            figures.append(String.format("%-19s %6.1f ms -> %7.1f ms CPU  x%.1f%n", shape.name(), s / 1e6, l / 1e6, ratio));
            if (l > MEASURABLE_NANOS && ratio > MAX_RATIO) {
                superlinear.add(shape.name() + " x" + String.format("%.1f", ratio));
            }
        }
        System.out.print(figures);
        assertThat(superlinear).as("shapes whose time grows faster than linear:\n" + figures).isEmpty();
    }
}
