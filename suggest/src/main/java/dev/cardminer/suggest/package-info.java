/**
 * Metadata a card's YAML lacks, found in its text: one {@link dev.cardminer.suggest.MetadataExtractor} per
 * field, {@link dev.cardminer.suggest.Suggestion}s with their evidence, minimal patches
 * ({@link dev.cardminer.suggest.CardPatcher}), pull-request texts ({@link dev.cardminer.suggest.PullRequestDraft})
 * and the hide-and-recover evaluation ({@link dev.cardminer.suggest.Evaluator}). A task classifier can be plugged
 * into the pipeline_tag suggestion ({@link dev.cardminer.suggest.TaskClassifier}); suggest depends on none.
 * Entry point: {@link dev.cardminer.suggest.Suggester}.
 */
package dev.cardminer.suggest;
