package dev.cardminer.suggest;

import java.util.Map;
import java.util.Optional;

/**
 * The rules whose value a card implies rather than states (a base model's licence, the language its prose is
 * written in, ...). Such a value may be proposed where the YAML lacks the key, marked so in the pull request;
 * it is never a {@link Conflict} with what the YAML says, since the YAML's value is as likely to be right.
 */
public final class Inferences {

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("trainer-base-license", "the card names its base model, and this is the base model's licence; "
                    + "a fine-tune usually keeps it, but the card does not say so"),
            Map.entry("stable-diffusion-v1-derivative", "the card describes a Stable Diffusion v1 derivative, and the "
                    + "CreativeML OpenRAIL-M licence of v1 binds its derivatives; the card does not name the licence"),
            Map.entry("english-base-model", "the base model is an English model; the card does not name the language"),
            Map.entry("prose-english", "the card is written in English; it does not say which language the model handles"),
            Map.entry("prose-language", "the card is written in this language; it does not say which language the "
                    + "model handles"),
            Map.entry("language-model-family-in-id", "the repository's name names a model family made for this language"),
            Map.entry("speech-corpus-in-id", "the repository's name names a speech corpus in this language"),
            Map.entry("dataset-language-config", "the evaluation dataset's configuration is in this language"),
            Map.entry("pretraining-data-languages", "the training data also held text in this language; the card does "
                    + "not say the model handles it"));

    private Inferences() {
    }

    /** Why a value of rule {@code method} is implied rather than stated, or empty for a rule that reads a statement. */
    public static Optional<String> why(String method) {
        return Optional.ofNullable(WHY.get(method));
    }

    /** Whether {@code s} was inferred rather than read from a statement. */
    public static boolean inferred(Suggestion s) {
        return WHY.containsKey(s.method());
    }
}
