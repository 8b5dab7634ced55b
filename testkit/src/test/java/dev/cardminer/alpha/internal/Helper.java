package dev.cardminer.alpha.internal;

/** Fixture: an internal class of the made-up module {@code alpha}. */
public final class Helper {
    public static int twice(int x) {
        return 2 * x;
    }
}
