/**
 * Concepts in card text: {@link dev.cardminer.annotate.SentenceSplitter} cuts a card into sentences,
 * an {@link dev.cardminer.annotate.Annotator} ({@link dev.cardminer.annotate.RuleAnnotator} offline,
 * {@link dev.cardminer.annotate.LlmAnnotator} against an OpenAI-compatible server) finds
 * {@link dev.cardminer.annotate.Annotation}s, {@link dev.cardminer.annotate.ConceptNormaliser} merges
 * surface variants, {@link dev.cardminer.annotate.Agreement} compares two annotators.
 */
package dev.cardminer.annotate;
