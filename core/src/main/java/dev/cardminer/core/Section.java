package dev.cardminer.core;

/**
 * A heading of the card body and the text it governs, up to the next heading of the same or a
 * higher level. Offsets are UTF-16 indexes into {@link ModelCard#body()}.
 *
 * @param level       heading level, 1 to 6
 * @param title       the heading's plain text
 * @param canonical   the template section this heading maps to, or null when it maps to none
 * @param start       offset of the heading's first character
 * @param end         offset just past the section's last character (the next same-or-higher heading, or the body end)
 * @param line        1-based line of the heading in the card file
 * @param placeholder the section's own text holds only template placeholders ("[More Information Needed]", italic instructions)
 * @param empty       the section has no text of its own (subsections aside)
 */
public record Section(int level, String title, CanonicalSection canonical, int start, int end, int line,
                      boolean placeholder, boolean empty) {

    /** Has real content: neither empty nor placeholder-only. */
    public boolean hasContent() {
        return !empty && !placeholder;
    }
}
