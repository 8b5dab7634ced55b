package dev.cardminer.suggest;

/**
 * Hide-and-recover counts for one field. List fields count values (compared as sets), scalar fields count
 * cards; for scalar fields recall is the accuracy over the cards that have the field.
 *
 * @param support   values (or cards) the truth holds
 * @param predicted values (or cards) the extractor proposed
 * @param correct   proposed values that are in the truth
 */
public record FieldScore(long support, long predicted, long correct) {

    /** No counts. */
    public static final FieldScore ZERO = new FieldScore(0, 0, 0);

    /** These counts with more added. */
    public FieldScore plus(long support, long predicted, long correct) {
        return new FieldScore(this.support + support, this.predicted + predicted, this.correct + correct);
    }

    /** {@code correct / predicted}, 0 to 1; 0 when nothing was proposed. */
    public double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    /** {@code correct / support}, 0 to 1; 0 when the truth holds nothing. */
    public double recall() {
        return support == 0 ? 0 : (double) correct / support;
    }

    /** The harmonic mean of {@link #precision()} and {@link #recall()}; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
