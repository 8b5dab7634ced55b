package dev.cardminer.testkit;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cardminer.alpha.UsesOwnInternal;
import dev.cardminer.alpha.internal.Helper;
import dev.cardminer.beta.UsesForeignInternal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleBoundaryTest {

    @Test
    void aModuleMayUseItsOwnInternals() {
        assertThat(ModuleBoundary.violations(new ClassFileImporter().importClasses(UsesOwnInternal.class, Helper.class)))
                .isEmpty();
    }

    @Test
    void importingAnotherModulesInternalIsAViolation() {
        assertThat(ModuleBoundary.violations(new ClassFileImporter().importClasses(UsesForeignInternal.class, Helper.class)))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("UsesForeignInternal").contains("alpha.internal.Helper"));
    }

    @Test
    void checkFailsTheBuildOnTheseFixtures() {
        // testkit's own test classes hold the forbidden fixture, so check() over them must throw.
        assertThatThrownBy(ModuleBoundary::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("UsesForeignInternal");
    }

    @Test
    void packagesWithoutPackageInfoAreFound(@org.junit.jupiter.api.io.TempDir java.nio.file.Path src) throws Exception {
        java.nio.file.Files.createDirectories(src.resolve("dev/x/internal"));
        java.nio.file.Files.writeString(src.resolve("dev/x/A.java"), "package dev.x;");
        java.nio.file.Files.writeString(src.resolve("dev/x/package-info.java"), "package dev.x;");
        java.nio.file.Files.writeString(src.resolve("dev/x/internal/B.java"), "package dev.x.internal;");
        assertThat(ModuleBoundary.packagesWithoutInfo(src)).containsExactly("dev.x.internal");
    }

    @Test
    void theModuleIsThePackagesThirdSegment() {
        assertThat(ModuleBoundary.moduleOf("dev.cardminer.io.concepts")).isEqualTo("io");
        assertThat(ModuleBoundary.moduleOf("dev.cardminer.core")).isEqualTo("core");
        assertThat(ModuleBoundary.moduleOf("org.example")).isEmpty();
    }
}
