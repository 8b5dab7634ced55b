/**
 * Corpora in and out: {@link dev.cardminer.io.CardSources} opens a {@link dev.cardminer.io.CardSource}
 * (the Hub dataset, Parquet, JSON Lines, a folder of cards, a store's cards rebuilt), {@link dev.cardminer.io.Analyzer} runs the
 * analysis pipeline into the DuckDB store, {@link dev.cardminer.io.CardStore} is the one way into a
 * store (schema, migrations, read-only opening), {@link dev.cardminer.io.StoreStats} its headline figures.
 */
package dev.cardminer.io;
