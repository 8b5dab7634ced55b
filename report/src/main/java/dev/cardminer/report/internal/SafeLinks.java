package dev.cardminer.report.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The only links the report emits to the outside: a model's page on the Hub, built from a card id
 * that has the shape of a Hub repo id ({@code org/name}). Anything else is shown as text.
 */
public final class SafeLinks {

    private static final Pattern HUB_REPO_ID =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

    /** The model's Hub page, or empty when the id is not a Hub repo id (file stems, hostile text). */
    public Optional<String> hubModelPage(String cardId) {
        if (cardId == null || !HUB_REPO_ID.matcher(cardId).matches() || cardId.contains("..")) {
            return Optional.empty();
        }
        return Optional.of("https://huggingface.co/" + cardId);
    }
}
