package dev.cardminer.core;

import dev.cardminer.core.internal.DefaultCardParser;

/**
 * Reads model cards. Implementations are thread-safe and never throw on bad input: problems are
 * recorded in the returned card.
 */
public interface CardParser {

    /** Parses the card text. */
    ModelCard parse(String id, String text);

    /** Parses the raw bytes of a card file, decoding UTF-8; invalid sequences are replaced and reported. */
    ModelCard parse(String id, byte[] utf8);

    /** A parser with the bundled Hub vocabularies. */
    static CardParser defaults() {
        return DefaultCardParser.DEFAULT;
    }

    /** A parser checking values against the given vocabularies. */
    static CardParser withVocabularies(Vocabularies vocabularies) {
        return new DefaultCardParser(vocabularies);
    }

    /** A parser with the bundled vocabularies and other per-card limits than {@link CardLimits#DEFAULTS}. */
    static CardParser withLimits(CardLimits limits) {
        return new DefaultCardParser(Vocabularies.bundled(), limits);
    }
}
