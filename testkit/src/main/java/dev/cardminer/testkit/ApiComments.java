package dev.cardminer.testkit;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The public API keeps its comments: every public or protected type, constructor, method, field and enum
 * constant outside {@code internal} packages has a javadoc comment, a class has an explicit (commented)
 * constructor instead of the default one, and a record's comment has an {@code @param} for each component.
 * Methods marked {@code @Override} inherit their comment and are left out.
 *
 * <p>Why not javac's own {@code -Xdoclint:missing}: its group also asks for {@code @param}, {@code @return} and
 * {@code @throws} on every method, which this project's prose comments do not use (over 1,000 warnings), and it
 * cannot be told to fail on missing comments only. This reads the sources with javac's parser (no classpath, no
 * attribution, so it takes a second), with the same rule for what is public.
 *
 * <p>Every library module runs it from a one-line test, {@code ApiComments.check()}, over its own
 * {@code src/main/java}; {@code mvn verify} then fails with the list of what lacks a comment.
 */
public final class ApiComments {

    private static final Pattern INTERNAL = Pattern.compile("(^|.*\\.)internal(\\..*)?");

    private ApiComments() {
    }

    /**
     * Fails with one line per undocumented member of the module's public API, read from {@code src/main/java} of
     * the working directory (the module's, under Maven).
     *
     * @throws AssertionError listing what lacks a comment, or when the working directory has no {@code src/main/java}
     *                        (run from elsewhere, e.g. an IDE's repository root, it would check nothing)
     */
    public static void check() {
        Path sources = Path.of("src/main/java");
        if (!Files.isDirectory(sources)) {
            throw new AssertionError("no " + sources + " under " + Path.of("").toAbsolutePath()
                    + ": run the module's test with the module as working directory (as Maven does)");
        }
        List<String> missing = missing(sources);
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " public API member(s) without a javadoc comment (see "
                    + ApiComments.class.getSimpleName() + "):\n  " + String.join("\n  ", missing));
        }
    }

    /**
     * What lacks a comment among the {@code .java} files under {@code sourceRoot}, one line each
     * ({@code dev/x/A.java:12: method run}), in file and line order; empty when nothing does or there are no sources.
     *
     * @throws UncheckedIOException when the sources cannot be read
     * @throws IllegalStateException when a file does not parse, or the JDK has no compiler
     */
    public static List<String> missing(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the tests on a JDK");
        }
        List<String> out = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            List<String> errors = new ArrayList<>();
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> {
                if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
                    errors.add(d.toString());
                }
            }, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                if (INTERNAL.matcher(pkg).matches()) {
                    continue;
                }
                String file = sourceRoot.toAbsolutePath().relativize(Path.of(unit.getSourceFile().toUri())).toString();
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c && c.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                        type(new Unit(unit, file, docs), c, out);
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the sources do not parse: " + String.join("; ", errors));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private record Unit(CompilationUnitTree tree, String file, DocTrees docs) {

        DocCommentTree comment(Tree t) {
            return docs.getDocCommentTree(TreePath.getPath(tree, t));
        }

        String at(Tree t) {
            long pos = docs.getSourcePositions().getStartPosition(tree, t);
            return file + ":" + tree.getLineMap().getLineNumber(pos);
        }
    }

    /** A visible type: its own comment, then its visible members. */
    private static void type(Unit unit, ClassTree c, List<String> out) {
        DocCommentTree comment = unit.comment(c);
        String kind = c.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (comment == null) {
            out.add(unit.at(c) + ": " + kind + " " + c.getSimpleName());
        } else if (c.getKind() == Tree.Kind.RECORD) {
            Set<String> params = new HashSet<>();
            for (DocTree tag : comment.getBlockTags()) {
                if (tag instanceof ParamTree p && !p.isTypeParameter()) {
                    params.add(p.getName().getName().toString());
                }
            }
            for (Tree m : c.getMembers()) {
                if (m instanceof VariableTree v && !v.getModifiers().getFlags().contains(Modifier.STATIC)
                        && !params.contains(v.getName().toString())) {
                    out.add(unit.at(c) + ": record " + c.getSimpleName() + ": no @param for component " + v.getName());
                }
            }
        }
        boolean inInterface = c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
        boolean hasConstructor = false;
        for (Tree m : c.getMembers()) {
            switch (m) {
                case ClassTree nested when visible(nested.getModifiers(), inInterface) -> type(unit, nested, out);
                case MethodTree method -> {
                    boolean constructor = method.getName().contentEquals("<init>");
                    hasConstructor |= constructor;
                    if (visible(method.getModifiers(), inInterface) && !overrides(method)
                            && unit.comment(method) == null) {
                        out.add(unit.at(method) + ": " + (constructor ? "constructor " + c.getSimpleName()
                                : "method " + method.getName()));
                    }
                }
                case VariableTree field when c.getKind() != Tree.Kind.RECORD || isStatic(field) -> {
                    if (visible(field.getModifiers(), inInterface) && unit.comment(field) == null) {
                        out.add(unit.at(field) + ": " + (c.getKind() == Tree.Kind.ENUM ? "constant or field "
                                : "field ") + field.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (!hasConstructor && c.getKind() == Tree.Kind.CLASS) {
            out.add(unit.at(c) + ": class " + c.getSimpleName() + " has the default constructor, which has no comment:"
                    + " declare it");
        }
    }

    /** Public or protected; in an interface, anything not private. Enum constants are public. */
    private static boolean visible(ModifiersTree modifiers, boolean inInterface) {
        Set<Modifier> flags = modifiers.getFlags();
        return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
                || inInterface && !flags.contains(Modifier.PRIVATE);
    }

    private static boolean isStatic(VariableTree field) {
        return field.getModifiers().getFlags().contains(Modifier.STATIC);
    }

    private static boolean overrides(MethodTree method) {
        return method.getModifiers().getAnnotations().stream()
                .anyMatch(a -> a.getAnnotationType().toString().equals("Override")
                        || a.getAnnotationType().toString().equals("java.lang.Override"));
    }
}
