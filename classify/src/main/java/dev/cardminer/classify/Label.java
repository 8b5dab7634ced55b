package dev.cardminer.classify;

import java.util.Objects;

/**
 * One label of a label set.
 *
 * @param id          the label as it is stored and printed (a Hub task id, a domain name, a user's label)
 * @param description a short description for hypotheses and prompts; the id when none was given
 */
public record Label(String id, String description) {

    /**
     * Strips the id and the description; a blank description becomes the id.
     *
     * @throws NullPointerException when id is null
     * @throws IllegalArgumentException when id is blank
     */
    public Label {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a label must not be blank");
        }
        id = id.strip();
        description = description == null || description.isBlank() ? id : description.strip();
    }
}
