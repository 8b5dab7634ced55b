/**
 * Model facts from the Hub: {@link dev.cardminer.facts.FactsCollector} gathers one model's facts
 * (architecture from config.json via {@link dev.cardminer.facts.Architecture}, exact parameter counts from
 * safetensors headers via {@link dev.cardminer.facts.SafetensorsCounter}, training data placed in the seed's
 * taxonomy by {@link dev.cardminer.facts.TaxonomyLinker}, {@link dev.cardminer.facts.Leaderboard} scores);
 * {@link dev.cardminer.facts.FactsValidator} checks the files against the shipped JSON Schemas;
 * {@link dev.cardminer.facts.FactsStore} keeps them in a store's {@code model_facts} table.
 */
package dev.cardminer.facts;
