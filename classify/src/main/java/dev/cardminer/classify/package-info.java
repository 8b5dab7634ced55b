/**
 * Zero-shot classification of model cards into label sets nobody trained a model for (seed 004): the
 * Hub's task ({@code pipeline_tag}), the application domain, the modality, or a user's labels. Methods:
 * {@link dev.cardminer.classify.RuleClassifier} (patterns and lexicons, explainable),
 * {@link dev.cardminer.classify.EmbeddingClassifier} (hypothesis texts against card text with a
 * {@link dev.cardminer.classify.TextEmbedder}), {@link dev.cardminer.classify.LlmClassifier} (an
 * OpenAI-compatible server), combined by {@link dev.cardminer.classify.EnsembleClassifier}, which abstains
 * rather than guess. {@link dev.cardminer.classify.ClassificationLog} stores every output for later
 * comparison; {@link dev.cardminer.classify.Evaluation} scores methods against known labels.
 * Entry point: {@link dev.cardminer.classify.CardText#of} then {@link dev.cardminer.classify.Classifier#classify}.
 */
package dev.cardminer.classify;
