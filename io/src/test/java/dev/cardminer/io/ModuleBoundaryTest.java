package dev.cardminer.io;

import dev.cardminer.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

/** {@code io} stays out of the other modules' internal packages (docs/architecture.md). */
class ModuleBoundaryTest {

    @Test
    void usesNoOtherModulesInternals() {
        ModuleBoundary.check();
    }
}
