package dev.cardminer.report;

import java.util.Locale;

/**
 * How a share is written wherever cardminer shows one (the report and the explorer): one decimal, and
 * never rounded to a value that says something else, so that a few cards never read as none, nor most
 * as all.
 */
public final class Shares {

    private Shares() {
    }

    /**
     * A percentage (0 to 100) with one decimal; a share that is not zero never reads as 0.0% ("< 0.1%"), and
     * one that is not all never reads as 100.0% ("> 99.9%").
     */
    public static String percent(double percent) {
        if (percent > 0 && percent < 0.05) {
            return "< 0.1%";
        }
        if (percent < 100 && percent >= 99.95) {
            return "> 99.9%";
        }
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }
}
