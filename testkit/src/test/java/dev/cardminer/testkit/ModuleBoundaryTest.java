package dev.cardminer.testkit;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cardminer.alpha.UsesOwnInternal;
import dev.cardminer.alpha.internal.Helper;
import dev.cardminer.alpha.nested.UsesParentInternal;
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

    @Test
    void aModuleNamedByItsPomOwnsOnlyItsOwnInternalPackage() {
        // alpha.nested as a module of its own (as classify.embedding beside classify) may not use alpha.internal,
        // which the package's third segment alone took for its own
        var classes = new ClassFileImporter().importClasses(UsesParentInternal.class, Helper.class);
        assertThat(ModuleBoundary.violations(classes)).isEmpty();
        assertThat(ModuleBoundary.violations(classes, "dev.cardminer.alpha.nested")).isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("UsesParentInternal").contains("alpha.internal.Helper"));
        assertThat(ModuleBoundary.violations(new ClassFileImporter().importClasses(UsesOwnInternal.class, Helper.class),
                "dev.cardminer.alpha")).isEmpty();
    }

    @Test
    void theModuleNameComesFromThePom(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pom = java.nio.file.Files.writeString(dir.resolve("pom.xml"), "<project><properties>"
                + "<cardminer.module>dev.cardminer.classify.embedding</cardminer.module></properties></project>");
        assertThat(ModuleBoundary.moduleName(pom)).isEqualTo("dev.cardminer.classify.embedding");
        assertThat(ModuleBoundary.moduleName(dir.resolve("none.xml"))).isNull();
        // this module's own pom names it
        assertThat(ModuleBoundary.moduleName(java.nio.file.Path.of("pom.xml"))).isEqualTo("dev.cardminer.testkit");
    }
}
