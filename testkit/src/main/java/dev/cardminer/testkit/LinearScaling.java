package dev.cardminer.testkit;

import java.util.function.LongSupplier;

/**
 * Whether a cost grows linearly with input size, from two sizes 4x apart: the larger may cost at most
 * {@value #MAX_RATIO} times the smaller (linear is 4, quadratic 16). Costs are CPU nanoseconds that the caller measures
 * (best of a few runs, see {@link CpuTime}); a ratio is judged only when the larger cost is long enough to measure, and
 * a shape is only called superlinear when it is so in three measurements, which leaves out a loaded machine's noise.
 */
public final class LinearScaling {

    /** The most the 4x larger input may cost, as a multiple of the smaller one's cost. */
    public static final double MAX_RATIO = 10;
    private static final long MEASURABLE_NANOS = 20_000_000;

    private LinearScaling() {
    }

    /**
     * One shape's costs at the two sizes.
     *
     * @param name       the shape's name
     * @param smallNanos CPU nanoseconds at the smaller size
     * @param largeNanos CPU nanoseconds at the 4x larger size
     */
    public record Figure(String name, long smallNanos, long largeNanos) {

        /** The larger cost over the smaller (which counts as at least 1 ns). */
        public double ratio() {
            return (double) largeNanos / Math.max(1, smallNanos);
        }

        /**
         * Whether the larger cost is long enough to measure (over 20 ms) and more than {@value #MAX_RATIO} times
         * the smaller.
         */
        public boolean superlinear() {
            return largeNanos > MEASURABLE_NANOS && ratio() > MAX_RATIO;
        }

        /** A line for the test's output: name, both costs, ratio. */
        public String line() {
            return String.format("%-22s %6.1f ms -> %7.1f ms CPU  x%.1f%n", name, smallNanos / 1e6, largeNanos / 1e6, ratio());
        }
    }

    /** Measures a shape with the two suppliers (each gives a best-of CPU cost), up to three times while it looks superlinear. */
    public static Figure measure(String name, LongSupplier small, LongSupplier large) {
        Figure figure = null;
        for (int attempt = 0; attempt < 3 && (figure == null || figure.superlinear()); attempt++) {
            figure = new Figure(name, small.getAsLong(), large.getAsLong());
        }
        return figure;
    }
}
