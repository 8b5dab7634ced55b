package dev.cardminer.core;

import dev.cardminer.core.internal.MetadataBlockEditor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Edits a card's metadata as a reviewer of a metadata pull request wants it: only the lines of the keys
 * changed are rewritten, everything else (other keys, comments, quoting, the body) stays byte for byte,
 * new lines use the card's line ending, and a card without a block gets one at the top.
 *
 * <pre>{@code
 * Edit edit = CardEditor.of(cardText)
 *         .set("license", "mit")
 *         .add("tags", "text-classification")
 *         .remove("co2_eq_emissions")
 *         .apply();
 * if (edit.ok()) {
 *     write(edit.text());
 * } else {
 *     edit.problems().forEach(System.err::println);   // located: line, column, what
 * }
 * }</pre>
 *
 * <p>Values are plain data: String, Boolean, integer types, Float/Double/BigDecimal (written as
 * floats), List, Map with String keys, and null. Editors are immutable; each call returns a new one.
 */
public final class CardEditor {

    // Stateless and thread-safe; private, so no caller shares it.
    private static final MetadataBlockEditor EDITOR = new MetadataBlockEditor();

    private final String text;
    private final Map<String, MetadataBlockEditor.Change> changes;

    private CardEditor(String text, Map<String, MetadataBlockEditor.Change> changes) {
        this.text = text;
        this.changes = changes;
    }

    /** An editor for this card text. */
    public static CardEditor of(String cardText) {
        if (cardText == null) {
            throw new NullPointerException("cardText");
        }
        return new CardEditor(cardText, Map.of());
    }

    /** Gives {@code key} this value, replacing the key's lines or adding the key after the last one. */
    public CardEditor set(String key, Object value) {
        return with(key, new MetadataBlockEditor.Put(plain(value)));
    }

    /**
     * Adds items to a list-valued key such as {@code tags}, {@code datasets} or {@code base_model}, skipping
     * those it already holds; a single value becomes a list, a missing key is created. Where the list is
     * written as a block, the new items are added after its last item and its other lines stay.
     *
     * @throws IllegalArgumentException when an item is null
     */
    public CardEditor add(String key, Object... items) {
        if (items == null) {
            throw new IllegalArgumentException("add '" + key + "': no items given");
        }
        List<Object> plainItems = new ArrayList<>();
        for (Object item : items) {
            if (item == null) {
                // A null list item reads back as YAML null: never a tag, dataset or model; set(key, null) writes null.
                throw new IllegalArgumentException("add '" + key + "': a list item must not be null");
            }
            plainItems.add(plain(item));
        }
        MetadataBlockEditor.Change before = changes.get(key);
        MetadataBlockEditor.Change change;
        if (before instanceof MetadataBlockEditor.Append a) {
            List<Object> all = new ArrayList<>(a.items());
            all.addAll(plainItems);
            change = new MetadataBlockEditor.Append(all);
        } else if (before instanceof MetadataBlockEditor.Put p) {
            List<Object> all = new ArrayList<>();
            if (p.value() instanceof List<?> l) {
                all.addAll(l);
            } else if (p.value() != null) {
                all.add(p.value());
            }
            plainItems.stream().filter(i -> !all.contains(i)).forEach(all::add);
            change = new MetadataBlockEditor.Put(Collections.unmodifiableList(all));
        } else if (before instanceof MetadataBlockEditor.Remove) {
            change = new MetadataBlockEditor.Put(Collections.unmodifiableList(
                    new ArrayList<>(new LinkedHashSet<>(plainItems))));
        } else {
            change = new MetadataBlockEditor.Append(List.copyOf(plainItems));
        }
        return with(key, change);
    }

    /** Removes {@code key} and its lines. */
    public CardEditor remove(String key) {
        return with(key, new MetadataBlockEditor.Remove());
    }

    /**
     * Applies the changes. A block that cannot be edited line by line (invalid YAML, not a mapping, a
     * list item added to a mapping) leaves the card as it is, with the located problem in the {@link Edit}.
     */
    public Edit apply() {
        return EDITOR.apply(text, changes);
    }

    /**
     * Applies the changes and reads the card before and after with {@code parser}, as {@code cardminer edit}
     * does: an edit that gives the card an error it did not have ({@code add("license", ...)} making a list of
     * a one-value key, a value of the wrong type) is refused, the card unchanged and the {@link Edit}'s problems
     * those errors (lines and columns of the edited text); an edit that only adds warnings ({@code unknown-license})
     * is applied, with those warnings in its problems. {@link #apply()} writes what it is told and checks
     * only that the block still reads as YAML.
     */
    public Edit apply(CardParser parser) {
        Edit edit = apply();
        if (!edit.ok() || !edit.changed()) {
            return edit;
        }
        ModelCard before = parser.parse("edit", text);
        ModelCard after = parser.parse("edit", edit.text());
        List<Problem> added = Problem.added(before.problems(), after.problems());
        List<Problem> errors = added.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            return new Edit(text, false, errors);
        }
        return new Edit(edit.text(), true, added.stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList());
    }

    private CardEditor with(String key, MetadataBlockEditor.Change change) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a metadata key must not be empty");
        }
        Map<String, MetadataBlockEditor.Change> next = new LinkedHashMap<>(changes);
        next.put(key, change);
        return new CardEditor(text, Collections.unmodifiableMap(next));
    }

    /** The value as the parser's plain data, so that edits compare equal to what is read back. */
    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (v instanceof Float || v instanceof BigDecimal) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Object[] array) {
            return plain(Arrays.asList(array));
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(plain(item)));
            return Collections.unmodifiableList(out);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, val) -> {
                if (!(k instanceof String s)) {
                    throw new IllegalArgumentException("metadata mapping keys must be strings, not " + k);
                }
                out.put(s, plain(val));
            });
            return Collections.unmodifiableMap(out);
        }
        throw new IllegalArgumentException("not metadata data: " + v.getClass().getName());
    }
}
