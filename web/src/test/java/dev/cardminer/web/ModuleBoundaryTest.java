package dev.cardminer.web;

import dev.cardminer.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

/** {@code web} stays out of the other modules' internal packages (docs/architecture.md). */
class ModuleBoundaryTest {

    @Test
    void usesNoOtherModulesInternals() {
        ModuleBoundary.check();
    }
}
