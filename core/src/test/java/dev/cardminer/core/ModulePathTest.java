package dev.cardminer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * core on the module path, as an application with a {@code module-info} uses it: commonmark's module does not export
 * the inline parser that the deferred inline parsing uses, and a parse must neither throw there nor read the card
 * differently. A JVM started with core as a jar (named as the build names it) and its dependencies as modules.
 */
class ModulePathTest {

    /**
     * Inline markup in a heading (an escape, an image and a link title: more than the simple inlines that core reads
     * itself), links, emphasis, code spans, a table, a link reference definition.
     */
    private static final String CARD = """
            ---
            license: mit
            ---
            # Model \\* `x` _y_ ![logo](logo.png) [z](https://huggingface.co/org/z "title")

            A paragraph with **bold**, `code` and [a link][ref], and <https://huggingface.co/datasets/org/auto>.

            ## Training

            | metric | value |
            |---|---|
            | *accuracy* | [0.91](https://huggingface.co/spaces/org/run) |

            [ref]: https://huggingface.co/datasets/squad "SQuAD"
            """;

    private static final String PROBE = """
            import dev.cardminer.core.ModelCard;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class Probe {
                public static void main(String[] args) throws Exception {
                    ModelCard card = ModelCard.parse("probe", Files.readString(Path.of(args[0])));
                    System.out.print(Probe.class.getModule().isNamed() + "|" + ModelCard.class.getModule().getName()
                            + "|" + summary(card));
                }

                static String summary(ModelCard card) {
                    return card.sections() + "|" + card.links() + "|" + card.problems() + "|" + card.completeness();
                }
            }
            """;

    @TempDir
    Path dir;

    /** The name the pom gives core's jar; the README's --add-exports line names it, so it must stay this one. */
    private static String moduleNameInPom() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<cardminer\\.module>([^<]+)</cardminer\\.module>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).as("core's pom names its module").isTrue();
        assertThat(m.group(1)).as("the name README.md and docs/architecture.md give").isEqualTo("dev.cardminer.core");
        return m.group(1);
    }

    @Test
    void parsesOnTheModulePathAsOnTheClassPath() throws Exception {
        Path cardFile = Files.writeString(dir.resolve("card.md"), CARD);
        ModelCard here = ModelCard.parse("probe", CARD);
        String expected = "false|dev.cardminer.core|" + here.sections() + "|" + here.links() + "|" + here.problems()
                + "|" + here.completeness();
        assertThat(here.links()).as("the card's inline links are read").hasSize(4);

        Path modules = Files.createDirectories(dir.resolve("modules"));
        coreJar(modules.resolve("cardminer-core.jar"));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("commonmark") || name.startsWith("snakeyaml-engine")
                    || name.startsWith("jackson-"))) {
                Files.copy(Path.of(entry), modules.resolve(name));
            }
        }
        Path probe = compileProbe(modules);

        // as is: commonmark's internal package is not exported to core
        assertThat(run(modules, probe, cardFile)).isEqualTo(expected);
        // with the export that lets core defer the inline parsing: the same card
        assertThat(run(modules, probe, cardFile, "--add-exports",
                "org.commonmark/org.commonmark.internal=dev.cardminer.core")).isEqualTo(expected);
    }

    /** core's classes as the build jars them: the module name from the manifest, as the pom writes it. */
    private static void coreJar(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(ModelCard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), moduleNameInPom());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jarOut);
                jarOut.closeEntry();
            }
        }
    }

    private Path compileProbe(Path modules) throws IOException {
        Path src = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Probe.java"), PROBE);
        Path out = Files.createDirectories(dir.resolve("probe"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--module-path", modules.toString(), "--add-modules",
                "dev.cardminer.core", "-d", out.toString(), src.toString());
        assertThat(rc).as("the probe compiles against core as a module").isZero();
        return out;
    }

    private static String run(Path modules, Path probe, Path card, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--module-path", modules.toString(), "--add-modules", "ALL-MODULE-PATH"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", probe.toString(), "Probe", card.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
