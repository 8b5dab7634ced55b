/**
 * Concepts in the store: {@link dev.cardminer.io.concepts.AnnotationPhase} annotates the stored
 * sentences (resumably, LLM answers cached by {@link dev.cardminer.io.concepts.StoreLlmCache}),
 * {@link dev.cardminer.io.concepts.ConceptQueries} and {@link dev.cardminer.io.concepts.ConceptExport}
 * read the results back.
 */
package dev.cardminer.io.concepts;
