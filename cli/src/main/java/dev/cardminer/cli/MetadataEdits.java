package dev.cardminer.cli;

import dev.cardminer.core.CardEditor;
import dev.cardminer.core.Edit;
import dev.cardminer.core.Problem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

/**
 * The one place the command line calls {@link CardEditor}: edits given as {@code key=value} text, the
 * values read as YAML 1.2 (a scalar, {@code [en, de]}, {@code {a: 1}}), and the outcome as a value.
 */
final class MetadataEdits {

    /** One edit from the command line. */
    sealed interface Op permits Set, Add, Remove {
        /** The key edited. */
        String key();
    }

    record Set(String key, Object value) implements Op {
    }

    record Add(String key, List<Object> items) implements Op {
    }

    record Remove(String key) implements Op {
    }

    /** The edited text, or why the block could not be edited, located (then text is null). */
    record Outcome(String text, Problem failure) {
    }

    private MetadataEdits() {
    }

    /** {@code key=value} with the value read as YAML; a key alone or an empty key is refused. */
    static Map.Entry<String, Object> parse(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key=value, got '" + assignment + "'");
        }
        String key = assignment.substring(0, eq).strip();
        String text = assignment.substring(eq + 1);
        Object value;
        try {
            value = text.isBlank() ? "" : new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(CardFiles.oneLine("the value of '" + key + "' is not YAML: " + why(e, text)), e);
        }
        Optional<String> other = notMetadata(value);
        if (other.isPresent()) {
            throw new IllegalArgumentException(CardFiles.oneLine("the value of '" + key + "' cannot be written as card "
                    + "metadata: it is " + other.get() + " (metadata holds strings, numbers, true/false, null, lists "
                    + "and mappings with string keys)"));
        }
        return new java.util.AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    /**
     * What in a loaded value the card's metadata cannot hold (YAML tags such as !!binary and !!set load as other
     * Java types), in YAML's words; empty when it is all metadata data.
     */
    private static Optional<String> notMetadata(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Number) {
            return Optional.empty();
        }
        if (v instanceof byte[]) {
            return Optional.of("a YAML binary (!!binary)");
        }
        if (v instanceof java.util.Set<?>) {
            return Optional.of("a YAML set (!!set)");
        }
        if (v instanceof Object[] array) {
            return notMetadata(Arrays.asList(array));
        }
        if (v instanceof List<?> list) {
            return list.stream().map(MetadataEdits::notMetadata).flatMap(Optional::stream).findFirst();
        }
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    return Optional.of("a mapping with a key that is not a string (" + e.getKey() + ")");
                }
                Optional<String> inside = notMetadata(e.getValue());
                if (inside.isPresent()) {
                    return inside;
                }
            }
            return Optional.empty();
        }
        return Optional.of("a YAML value of type " + v.getClass().getSimpleName());
    }

    /** snakeyaml's reason in one line: what it was reading, what it expected, and where within the value. */
    private static String why(RuntimeException e, String text) {
        if (e instanceof MarkedYamlEngineException m) {
            String context = m.getContext() == null || m.getContext().isEmpty() ? "" : m.getContext() + ": ";
            String where = m.getProblemMark().or(m::getContextMark).map(MetadataEdits::where).orElse("");
            return context + String.join(" ", m.getProblem().strip().split("\\s*\\R\\s*")) + where;
        }
        if (e instanceof ReaderException r) {
            // its position counts code points from the value's start
            int at = text.offsetByCodePoints(0, Math.min(Math.max(r.getPosition(), 0), text.codePointCount(0, text.length())));
            int lineStart = Math.max(text.lastIndexOf('\n', at - 1) + 1, 0);
            int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            return String.format("the character U+%04X is not allowed in YAML", r.getCodePoint()) + where(line,
                    text.codePointCount(lineStart, at));
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : String.join(" ", e.getMessage().strip().split("\\s*\\R\\s*"));
    }

    private static String where(Mark mark) {
        return where(mark.getLine(), mark.getColumn());
    }

    /** A place within the value, from 0-based line and column: the column alone on a one-line value. */
    private static String where(int line, int column) {
        return line == 0 ? " at column " + (column + 1) : " at line " + (line + 1) + ", column " + (column + 1);
    }

    static Outcome apply(String card, List<Op> ops) {
        CardEditor editor = CardEditor.of(card);
        for (Op op : ops) {
            editor = switch (op) {
                case Set s -> editor.set(s.key(), s.value());
                case Add a -> editor.add(a.key(), a.items().toArray());
                case Remove r -> editor.remove(r.key());
            };
        }
        Edit edit = editor.apply();
        if (edit.ok()) {
            return new Outcome(edit.text(), null);
        }
        return new Outcome(null, edit.problems().get(0));
    }
}
