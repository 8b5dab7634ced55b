package dev.cardminer.testkit;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The module boundary: code of one cardminer module never uses another module's {@code internal}
 * package. {@link #check()} knows the module it runs in by its name ({@code cardminer.module} in its
 * {@code pom.xml}, the jar's {@code Automatic-Module-Name}, e.g. {@code dev.cardminer.classify.embedding}):
 * only {@code <that name>.internal..} is its own, so a module whose packages sit under another's
 * ({@code classify.embedding} under {@code classify}) cannot use the other's internals either. Without a
 * name ({@link #rule()}), a module is the third segment of a package name ({@code dev.cardminer.io.concepts}
 * belongs to {@code io}).
 *
 * <p>It also asks for a {@code package-info.java} in every main source package.
 *
 * <p>Every module runs it from a one-line test, {@code ModuleBoundary.check()}, over its own compiled
 * main and test classes; {@code mvn verify} then fails on the first import across the line.
 * (JPMS exports would say the same, but DuckDB's native loader, JFreeChart and kumo are not usable
 * as named modules; docs/architecture.md explains the choice.)
 */
public final class ModuleBoundary {

    private static final Pattern MODULE = Pattern.compile("dev\\.cardminer\\.([a-z0-9_]+)(\\..*)?");
    /** An internal package and, as group 1, the module it belongs to (everything before {@code .internal}). */
    private static final Pattern INTERNAL = Pattern.compile("(dev\\.cardminer\\.[a-z0-9_.]+?)\\.internal(\\..*)?");
    private static final Pattern MODULE_NAME = Pattern.compile("<cardminer\\.module>([^<]+)</cardminer\\.module>");

    private ModuleBoundary() {
    }

    /** The rule: no class may depend on a class in another module's {@code internal} package. */
    public static ArchRule rule() {
        return rule(origin -> "dev.cardminer." + moduleOf(origin.getPackageName()));
    }

    /** The rule for the classes of one module named {@code module}: only {@code module.internal..} is theirs. */
    public static ArchRule rule(String module) {
        return rule(origin -> module);
    }

    private static ArchRule rule(Function<JavaClass, String> moduleOfClass) {
        return classes().that().resideInAPackage("dev.cardminer..")
                .should(new ArchCondition<JavaClass>("not use another module's internal package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = moduleOfClass.apply(origin);
                        for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                            Matcher m = INTERNAL.matcher(d.getTargetClass().getPackageName());
                            if (m.matches() && !m.group(1).equals(own)) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** The violations among the given classes, one line each; empty when the boundary holds. */
    public static List<String> violations(JavaClasses classes) {
        return new ArrayList<>(rule().evaluate(classes).getFailureReport().getDetails());
    }

    /** The violations among the given classes of the module named {@code module}. */
    public static List<String> violations(JavaClasses classes, String module) {
        EvaluationResult result = rule(module).evaluate(classes);
        return new ArrayList<>(result.getFailureReport().getDetails());
    }

    /**
     * Checks the compiled classes of the module whose tests are running (its {@code target/classes}
     * and {@code target/test-classes}, relative to the working directory Maven gives the tests).
     *
     * @throws AssertionError naming each offending dependency
     */
    public static void check() {
        List<Path> roots = new ArrayList<>();
        for (String dir : List.of("target/classes", "target/test-classes")) {
            Path p = Path.of(dir);
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        if (roots.isEmpty()) {
            throw new AssertionError("no compiled classes under " + Path.of("").toAbsolutePath() + "/target");
        }
        String module = moduleName(Path.of("pom.xml"));
        (module == null ? rule() : rule(module)).check(new ClassFileImporter().importPaths(roots));
        List<String> undocumented = packagesWithoutInfo(Path.of("src/main/java"));
        if (!undocumented.isEmpty()) {
            throw new AssertionError("packages without a package-info.java saying what lives there: " + undocumented);
        }
    }

    /** The source folders under {@code root} that hold Java files but no {@code package-info.java}. */
    static List<String> packagesWithoutInfo(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isDirectory)
                    .filter(dir -> hasJava(dir) && !Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> root.relativize(dir).toString().replace(java.io.File.separatorChar, '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's name as its pom gives it to the jar's manifest, or null where the pom sets none. */
    static String moduleName(Path pom) {
        try {
            if (!Files.isRegularFile(pom)) {
                return null;
            }
            Matcher m = MODULE_NAME.matcher(Files.readString(pom));
            return m.find() ? m.group(1).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String moduleOf(String packageName) {
        Matcher m = MODULE.matcher(packageName);
        return m.matches() ? m.group(1) : "";
    }
}
