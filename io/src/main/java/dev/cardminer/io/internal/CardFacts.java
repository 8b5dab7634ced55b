package dev.cardminer.io.internal;

import dev.cardminer.io.RepoFacts;

/**
 * A card the store has with this very text whose repo facts changed (the Hub's downloads and likes change daily):
 * what its {@code cards} row gets instead of a new analysis. No other row derives from the facts.
 *
 * @param source      where the card came from this time, as a fresh run stores it
 * @param factsHash   {@link Fingerprints#facts} of {@code facts}
 */
public record CardFacts(String id, String source, RepoFacts facts, long factsHash) {
}
