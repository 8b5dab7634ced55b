package dev.cardminer.core;

import dev.cardminer.core.internal.HubIds;

import java.util.Optional;

/**
 * The syntax of Hub repository ids ({@code name} or {@code org/name}), as the metadata checks apply it to
 * {@code base_model} and {@code datasets}. Ids are checked for form only, not looked up on the Hub.
 */
public final class RepoIds {

    private RepoIds() {
    }

    /** Whether {@code id} has the form of a Hub repo id. */
    public static boolean isValid(String id) {
        return id != null && HubIds.problem(id) == null;
    }

    /** Why {@code id} is no Hub repo id (a URL, a local path, prose, ...), or empty when it is one. */
    public static Optional<String> problem(String id) {
        return id == null ? Optional.of("is missing") : Optional.ofNullable(HubIds.problem(id));
    }
}
