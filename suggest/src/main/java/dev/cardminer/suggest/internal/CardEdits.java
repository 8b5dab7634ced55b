package dev.cardminer.suggest.internal;

import dev.cardminer.core.CardEditor;
import dev.cardminer.core.Edit;

import java.util.List;
import java.util.Map;

/**
 * The one place where this module edits card text (through core's {@link CardEditor}), so that a change of
 * the editor's API is adapted here only. Failures are values: the block cannot always be edited line by
 * line (invalid YAML, a flow mapping).
 */
public final class CardEdits {

    /** The edited text, or why the card could not be edited, located in the card (then {@code text} is null). */
    public record Result(String text, String failure) {
        public boolean ok() {
            return text != null;
        }
    }

    private CardEdits() {
    }

    /** The card without {@code key}. */
    public static Result remove(String cardText, String key) {
        return run(CardEditor.of(cardText).remove(key));
    }

    /**
     * The card with these keys set (scalars, maps, whole lists) and these list items added (items already held
     * are skipped).
     */
    public static Result apply(String cardText, Map<String, Object> set, Map<String, List<Object>> add) {
        CardEditor editor = CardEditor.of(cardText);
        for (Map.Entry<String, Object> e : set.entrySet()) {
            editor = editor.set(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, List<Object>> e : add.entrySet()) {
            editor = editor.add(e.getKey(), e.getValue().toArray());
        }
        return run(editor);
    }

    private static Result run(CardEditor editor) {
        Edit edit = editor.apply();
        // located as check says it (line:column: severity code message): the author is told where to fix
        return edit.ok() ? new Result(edit.text(), null)
                : new Result(null, edit.problems().get(0).located());
    }
}
