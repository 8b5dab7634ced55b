package dev.cardminer.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The class path of an application that depends on the module under test: the module's classes and the runtime
 * dependencies Maven resolved for it, less the optional ones, which Maven does not pass on to a dependent. The module's
 * build lists them (the parent pom's {@code embedder-class-path} execution, {@code dependency:list} into
 * {@code target/runtime-dependencies.txt}). {@link #run} runs a task of the module's tests in a class loader over that
 * path alone, whose parent is the platform class loader: a class the path lacks fails the task as it would fail the
 * application.
 */
public final class EmbedderClassPath {

    /** One resolved artifact, {@code groupId:artifactId}, and its file. */
    private record Entry(String artifact, Path file) {
    }

    private final List<Entry> entries;

    private EmbedderClassPath(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * The class path of the module the test runs in (the working directory), from its
     * {@code target/runtime-dependencies.txt}.
     *
     * @throws IllegalStateException when the build did not write the list (the module's pom does not give the
     *                               execution a phase)
     */
    public static EmbedderClassPath ofThisModule() {
        Path list = Path.of("target", "runtime-dependencies.txt");
        if (!Files.isRegularFile(list)) {
            throw new IllegalStateException(list.toAbsolutePath() + " is missing: the module's pom.xml must bind the"
                    + " maven-dependency-plugin execution 'embedder-class-path' to a phase");
        }
        try {
            return parse(Files.readAllLines(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code dependency:list}'s lines with absolute file names
     * ({@code group:artifact:type[:classifier]:version:scope:/file (optional) -- module name}); optional ones are left
     * out.
     */
    static EmbedderClassPath parse(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            int module = line.indexOf(" -- module ");
            if (module >= 0) {
                line = line.substring(0, module);
            }
            String[] part = line.split(":", 3);
            // the file is everything after the scope: an artifact with a classifier has one field more before it
            int file = line.indexOf(":/");
            if (part.length < 3 || file < 0 || line.endsWith(" (optional)")) {
                continue;   // the header, a blank line, or what a dependent does not get
            }
            out.add(new Entry(part[0] + ":" + part[1], Path.of(line.substring(file + 1))));
        }
        return new EmbedderClassPath(out);
    }

    /** The artifacts on the path, {@code groupId:artifactId}, in Maven's order. */
    public List<String> artifacts() {
        return entries.stream().map(Entry::artifact).toList();
    }

    /** The files on the path (jars, or a module's classes folder), in Maven's order. */
    public List<Path> files() {
        return entries.stream().map(Entry::file).toList();
    }

    /**
     * Runs {@code task} (a class of the module's tests with a public no-argument constructor) in a class loader over
     * the module's main and test classes and this path, and nothing of the test's own class path.
     */
    public String run(Class<? extends Supplier<String>> task) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(Path.of("target", "classes").toAbsolutePath().toUri().toURL());
            urls.add(Path.of("target", "test-classes").toAbsolutePath().toUri().toURL());
            for (Entry e : entries) {
                if (!java.nio.file.Files.exists(e.file())) {
                    // a jar left off would make the isolated run prove less than it claims
                    throw new IllegalStateException(e.artifact() + ": " + e.file() + " is not there");
                }
                urls.add(e.file().toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        // The thread's context class loader stays the test's: JDBC's DriverManager loads the drivers once per JVM through
        // it, and the JVM's other tests need theirs. It still hands a caller only a driver the caller's loader can see.
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Object made = loader.loadClass(task.getName()).getConstructor().newInstance();
            @SuppressWarnings("unchecked")
            Supplier<String> isolated = (Supplier<String>) made;
            return isolated.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(task.getName() + " cannot be made in the embedder's class loader", e);
        }
    }
}
