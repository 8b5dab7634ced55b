package dev.cardminer.classify;

import java.util.List;

/**
 * A sentence-embedding model that runs in-process. The all-MiniLM-L6-v2 one lives in the
 * {@code cardminer-classify-embedding} module, so that this module stays free of ONNX Runtime.
 */
public interface TextEmbedder {

    /** The model name and version, as logged with each output. */
    String model();

    /** The model's input window in characters; longer texts are cut by the caller. */
    int maxChars();

    /** Unit-length embeddings, one per text, in order. */
    List<float[]> embed(List<String> texts);
}
