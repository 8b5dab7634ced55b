/**
 * The card model and its parser, no I/O: {@link dev.cardminer.core.CardParser#builder()} builds a parser
 * (built-in extractors for metadata checks, {@code model-index}, sections and links; more plug in as
 * {@link dev.cardminer.core.CardExtractor}s), {@link dev.cardminer.core.ModelCard} is what it reads,
 * {@link dev.cardminer.core.CardEditor} edits metadata with a minimal diff and returns an
 * {@link dev.cardminer.core.Edit} ({@link dev.cardminer.core.UnifiedDiff} shows it as a diff). What is wrong with a card is a located {@link dev.cardminer.core.Problem}
 * whose code is one of {@link dev.cardminer.core.ProblemCodes}.
 */
package dev.cardminer.core;
