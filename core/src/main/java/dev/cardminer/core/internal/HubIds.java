package dev.cardminer.core.internal;

import java.util.regex.Pattern;

/**
 * The syntax of Hub repository ids ({@code name} or {@code org/name}), after huggingface_hub's
 * {@code validate_repo_id}: word characters, '-' and '.', each part starting and ending with a word
 * character, the name at most 96 characters, no "--" or "..". Ids are not looked up on the Hub.
 */
public final class HubIds {

    private static final Pattern ID = Pattern.compile(
            "(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/)?[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?");
    private static final Pattern WINDOWS_PATH = Pattern.compile("[A-Za-z]:[\\\\/].*");

    private HubIds() {
    }

    /** Why {@code id} is no Hub repo id, or null when it is one. */
    public static String problem(String id) {
        if (id.isBlank()) {
            return "is empty";
        }
        if (ID.matcher(id).matches() && !id.contains("--") && !id.contains("..")) {
            return null;
        }
        if (id.startsWith("http://") || id.startsWith("https://")) {
            return "is a URL, not a Hub id (name or org/name)";
        }
        if (id.startsWith("/") || id.startsWith("./") || id.startsWith("../") || id.startsWith("~")
                || id.indexOf('\\') >= 0 || WINDOWS_PATH.matcher(id).matches()
                || id.chars().filter(c -> c == '/').count() > 1) {
            return "looks like a local path, not a Hub id (name or org/name)";
        }
        if (id.chars().anyMatch(Character::isWhitespace)) {
            return "looks like prose, not a Hub id (name or org/name)";
        }
        return "is not a valid Hub id (name or org/name of letters, digits, '-', '_' and '.')";
    }
}
