package dev.cardminer.testkit.store;

import dev.cardminer.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

/** {@code testkit-store} stays out of the other modules' internal packages (docs/architecture.md). */
class ModuleBoundaryTest {

    @Test
    void usesNoOtherModulesInternals() {
        ModuleBoundary.check();
    }
}
