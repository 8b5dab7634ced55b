/**
 * The one synthetic store builder of cardminer's tests: {@link dev.cardminer.testkit.store.SyntheticStore#builder()}
 * takes cards (written field by field, from card text, or from the shared corpus) and writes them as rows into a
 * store made from the schema it is given, or as JSON Lines in the Hub dataset's schema for the real pipeline.
 * {@link dev.cardminer.testkit.store.Queries} reads rows back. Test scope only; depends on core, not on io, so
 * that io's own tests can use it too.
 */
package dev.cardminer.testkit.store;
