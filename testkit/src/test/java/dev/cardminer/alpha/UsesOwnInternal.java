package dev.cardminer.alpha;

import dev.cardminer.alpha.internal.Helper;

/** Fixture: a module may use its own internal package. */
public final class UsesOwnInternal {
    public int four() {
        return Helper.twice(2);
    }
}
