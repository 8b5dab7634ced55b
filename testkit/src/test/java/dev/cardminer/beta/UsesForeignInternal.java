package dev.cardminer.beta;

import dev.cardminer.alpha.internal.Helper;

/** Fixture: module {@code beta} reaching into {@code alpha}'s internal package, which the boundary forbids. */
public final class UsesForeignInternal {
    public int six() {
        return Helper.twice(3);
    }
}
