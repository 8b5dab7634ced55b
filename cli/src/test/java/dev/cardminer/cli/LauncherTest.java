package dev.cardminer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./cardminer} launcher's build lock: launchers started together on a tree whose jar is stale build once, the
 * others wait and then run the jar built. The launcher runs as users run it, on a copy of the checkout whose Maven is a
 * script that builds slowly (a jar whose main prints its arguments) and records each build and any two at once.
 */
class LauncherTest {

    private static final String MAIN = "public class Hello { public static void main(String[] a) {"
            + " System.out.println(\"ran \" + String.join(\" \", a)); } }";

    @TempDir
    Path dir;

    private Path root;
    private Path bin;

    @BeforeEach
    void checkout() throws Exception {
        root = Files.createDirectories(dir.resolve("checkout"));
        Files.createDirectories(root.resolve(".ci"));
        Files.createDirectories(root.resolve("cli/src/main/java"));
        copyExecutable(Path.of("..", "cardminer"), root.resolve("cardminer"));
        copyExecutable(Path.of("..", ".ci", "find-jdk"), root.resolve(".ci/find-jdk"));
        Path jar = helloJar();
        bin = Files.createDirectories(dir.resolve("bin"));
        // a build of three seconds: a second build while one runs is an overlap, as two mvn runs in one tree were
        Files.writeString(bin.resolve("mvn"), "#!/usr/bin/env bash\n"
                + "mkdir building 2>/dev/null || echo overlap >> builds.log\n"
                + "echo build >> builds.log\n"
                + "sleep 3\n"
                + "mkdir -p cli/target && cp '" + jar + "' cli/target/cardminer.jar\n"
                + "rmdir building 2>/dev/null\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void launchersStartedTogetherOnAStaleTreeBuildOnceWithFlock() throws Exception {
        twoAtOnce(Map.of());
    }

    @Test
    void launchersStartedTogetherBuildOnceWithTheMkdirLockWhereFlockIsMissing() throws Exception {
        twoAtOnce(Map.of("CARDMINER_NO_FLOCK", "1"));
        assertThat(root.resolve("target/.cardminer-build.lock.d")).doesNotExist();
    }

    @Test
    void aLockLeftByALauncherThatDiedIsTakenOver() throws Exception {
        Path left = lockOfADeadOwner();
        Launched run = launcher(Map.of("CARDMINER_NO_FLOCK", "1"), "x.md").finish();
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("ran check x.md\n");
        assertThat(Files.readAllLines(root.resolve("builds.log"))).containsExactly("build");
        assertThat(left).doesNotExist();
    }

    /**
     * Waiters that all find a dead owner's lock take it over once: one that judged the old owner dead must not rename
     * away the lock another has just taken (it did, and two or three built at once).
     */
    @Test
    void aLockLeftByALauncherThatDiedIsTakenOverOnceByManyWaiters() throws Exception {
        lockOfADeadOwner();
        java.util.List<Running> running = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            running.add(launcher(Map.of("CARDMINER_NO_FLOCK", "1"), "m" + i + ".md"));
        }
        for (int i = 0; i < running.size(); i++) {
            Launched run = running.get(i).finish();
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("ran check m" + i + ".md\n");
        }
        assertThat(Files.readAllLines(root.resolve("builds.log"))).containsExactly("build");
        assertThat(root.resolve("target/.cardminer-build.lock.d")).doesNotExist();
        assertThat(root.resolve("target/.cardminer-build.lock.takeover")).doesNotExist();
    }

    /** The mkdir lock as a launcher killed while it built leaves it: the folder, naming a process that has ended. */
    private Path lockOfADeadOwner() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = Files.createDirectories(root.resolve("target/.cardminer-build.lock.d"));
        Files.writeString(left.resolve("pid"), gone.pid() + "\n");
        return left;
    }

    private void twoAtOnce(Map<String, String> env) throws Exception {
        Running first = launcher(env, "a.md");
        Running second = launcher(env, "b.md");
        Launched a = first.finish();
        Launched b = second.finish();
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(a.out()).isEqualTo("ran check a.md\n");
        assertThat(b.out()).isEqualTo("ran check b.md\n");
        // one build, none overlapping; the launcher that did not build said it waited
        assertThat(Files.readAllLines(root.resolve("builds.log"))).containsExactly("build");
        assertThat(a.err() + b.err()).contains("cardminer: waiting for another cardminer's build...");
    }

    /** {@code ./cardminer check CARD} started in the copy, its output going to files. */
    private Running launcher(Map<String, String> env, String card) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(root.resolve("cardminer").toString(), "check", card).directory(root.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CARDMINER_CDS", "off");
        pb.environment().putAll(env);
        Path out = dir.resolve(card + ".out");
        Path err = dir.resolve(card + ".err");
        return new Running(pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    private record Running(Process process, Path out, Path err) {
        Launched finish() throws Exception {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
            return new Launched(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    private record Launched(int exit, String out, String err) {
    }

    private static void copyExecutable(Path from, Path to) throws IOException {
        Files.copy(from, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A jar whose main class prints {@code ran} and its arguments. */
    private Path helloJar() throws IOException {
        Path src = Files.writeString(Files.createDirectories(dir.resolve("src")).resolve("Hello.java"), MAIN);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
        assertThat(compiled).isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        Path jar = dir.resolve("hello.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Hello.class"));
            out.write(Files.readAllBytes(classes.resolve("Hello.class")));
            out.closeEntry();
        }
        return jar;
    }
}
