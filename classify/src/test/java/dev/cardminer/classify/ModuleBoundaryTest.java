package dev.cardminer.classify;

import dev.cardminer.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

/** {@code classify} stays out of the other modules' internal packages (docs/architecture.md). */
class ModuleBoundaryTest {

    @Test
    void usesNoOtherModulesInternals() {
        ModuleBoundary.check();
    }
}
