package dev.cardminer.classify.embedding;

import dev.cardminer.testkit.ModuleBoundary;
import org.junit.jupiter.api.Test;

/** {@code classify-embedding} stays out of the other modules' internal packages (docs/architecture.md). */
class ModuleBoundaryTest {

    @Test
    void usesNoOtherModulesInternals() {
        ModuleBoundary.check();
    }
}
