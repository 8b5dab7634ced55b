package dev.cardminer.alpha.nested;

import dev.cardminer.alpha.internal.Helper;

/** Fixture: a module whose packages sit under another's (as classify.embedding under classify) using its internal. */
public class UsesParentInternal {
    public int use() {
        return Helper.twice(2);
    }
}
