package dev.cardminer.facts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's architecture as its config.json states it (the language model's part, {@code text_config},
 * for multimodal configs). Every field is null when config.json does not say it; nothing is guessed
 * except what follows from stated fields (the MLP ratio, the attention variant).
 *
 * @param dimension             hidden size ({@code hidden_size}, {@code n_embd}, {@code d_model}, {@code dim})
 * @param numKvHeads            key/value heads ({@code num_key_value_heads}; 1 for {@code multi_query})
 * @param mlpRatio              intermediate size / hidden size
 * @param sequenceLength        maximum positions ({@code max_position_embeddings}, {@code n_positions}, ...)
 * @param weightTying           {@code tie_word_embeddings} / {@code tie_embeddings} when stated
 * @param positionalEmbeddings  {@code rope}, {@code alibi}, {@code learned}/{@code absolute}, {@code relative}
 * @param attentionVariant      {@code mha}, {@code gqa} or {@code mqa} from the head counts
 * @param quantization          config.json's {@code quantization_config} (or MLX {@code quantization}), or null
 * @param source                {@code config.json} or {@code config.json text_config}
 * @param architectures    {@code architectures}, such as {@code LlamaForCausalLM}; empty when not stated
 * @param modelType        {@code model_type}, such as {@code llama}
 * @param numLayers        hidden layers ({@code num_hidden_layers}, {@code n_layer}, ...)
 * @param numHeads         attention heads ({@code num_attention_heads}, {@code n_head}, ...)
 * @param intermediateSize the MLP's inner size ({@code intermediate_size}, {@code n_inner}, {@code ffn_dim}, ...)
 * @param activation       the activation function ({@code hidden_act}, {@code activation_function}, ...)
 * @param vocabSize        {@code vocab_size} (or {@code padded_vocab_size})
 * @param ropeTheta        the RoPE base ({@code rope_theta}, {@code rotary_emb_base})
 * @param mlpExperts       mixture-of-experts experts ({@code num_local_experts}, {@code num_experts}, ...)
 * @param mlpExpertsTopK   experts per token ({@code num_experts_per_tok}, ...)
 */
public record Architecture(List<String> architectures, String modelType, Integer numLayers, Integer dimension,
                           Integer numHeads, Integer numKvHeads, Integer intermediateSize, Double mlpRatio,
                           String activation, Long sequenceLength, Integer vocabSize, Boolean weightTying,
                           String positionalEmbeddings, Double ropeTheta, Integer mlpExperts, Integer mlpExpertsTopK,
                           String attentionVariant, JsonNode quantization, String source) {

    /** Copies {@code architectures}; null becomes empty. */
    public Architecture {
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
    }

    /** Reads a config.json; {@code text_config} (or {@code llm_config}) fills what the top level lacks. */
    public static Architecture fromConfig(JsonNode config) {
        JsonNode text = config.has("text_config") && config.get("text_config").isObject() ? config.get("text_config")
                : config.has("llm_config") && config.get("llm_config").isObject() ? config.get("llm_config") : null;
        Fields f = new Fields(config, text);
        List<String> archs = new ArrayList<>();
        config.path("architectures").forEach(a -> archs.add(a.asText()));
        Integer hidden = f.integer("hidden_size", "n_embd", "d_model", "dim", "model_dim");
        Integer heads = f.integer("num_attention_heads", "n_head", "num_heads", "n_heads", "encoder_attention_heads");
        Integer kv = f.integer("num_key_value_heads", "num_kv_heads", "n_head_kv", "n_kv_heads", "num_kv");
        if (kv == null && f.bool("multi_query") == Boolean.TRUE) {
            kv = 1;
        }
        Integer inner = f.integer("intermediate_size", "n_inner", "ffn_dim", "d_ff", "ffn_hidden_size",
                "encoder_ffn_dim", "hidden_dim");
        Double ratio = inner != null && hidden != null && hidden > 0 ? Math.round(inner * 1000.0 / hidden) / 1000.0 : null;
        String variant = null;
        if (heads != null && heads > 0) {
            int k = kv == null ? heads : kv;
            variant = k == heads ? "mha" : k == 1 ? "mqa" : "gqa";
        }
        JsonNode quant = config.has("quantization_config") ? config.get("quantization_config")
                : config.has("quantization") ? config.get("quantization") : text != null ? text.get("quantization_config") : null;
        return new Architecture(archs, f.text("model_type"),
                f.integer("num_hidden_layers", "n_layer", "num_layers", "n_layers", "encoder_layers"),
                hidden, heads, kv, inner, ratio,
                f.text("hidden_act", "activation_function", "hidden_activation", "activation", "hidden_activation_function"),
                f.longValue("max_position_embeddings", "n_positions", "n_ctx", "max_sequence_length", "seq_length",
                        "max_seq_len"),
                f.integer("vocab_size", "padded_vocab_size"),
                f.bool("tie_word_embeddings", "tie_embeddings", "tie_embeddings_and_output_weights"),
                positional(f), f.decimal("rope_theta", "rotary_emb_base"),
                f.integer("num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts", "num_experts_total"),
                f.integer("num_experts_per_tok", "num_experts_per_token", "moe_top_k", "top_k", "moe_k"),
                variant, quant == null || quant.isNull() ? null : quant,
                text == null ? "config.json" : "config.json (text_config for what the top level lacks)");
    }

    private static String positional(Fields f) {
        String type = f.text("position_embedding_type", "positional_embedding_type", "pos_emb");
        if (f.bool("alibi", "use_alibi") == Boolean.TRUE || "alibi".equalsIgnoreCase(type)) {
            return "alibi";
        }
        if (f.has("rope_theta") || f.has("rope_scaling") || f.has("rotary_dim") || f.has("rotary_pct")
                || f.has("rotary_emb_base") || f.has("partial_rotary_factor") || f.has("rope_parameters")
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("rot"))) {
            return "rope";
        }
        if (type != null) {
            return type.toLowerCase(java.util.Locale.ROOT).startsWith("relative") ? "relative" : type;
        }
        return null;
    }

    /** Looks a field up by its aliases, at the top level first, then in the text config. */
    private record Fields(JsonNode top, JsonNode text) {
        JsonNode find(String... names) {
            for (JsonNode n : text == null ? new JsonNode[] {top} : new JsonNode[] {top, text}) {
                for (String name : names) {
                    JsonNode v = n.get(name);
                    if (v != null && !v.isNull()) {
                        return v;
                    }
                }
            }
            return null;
        }

        boolean has(String name) {
            return find(name) != null;
        }

        Integer integer(String... names) {
            JsonNode v = find(names);
            return v != null && v.canConvertToInt() && v.isIntegralNumber() ? v.intValue() : null;
        }

        Long longValue(String... names) {
            JsonNode v = find(names);
            return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
        }

        Double decimal(String... names) {
            JsonNode v = find(names);
            return v != null && v.isNumber() ? v.doubleValue() : null;
        }

        String text(String... names) {
            JsonNode v = find(names);
            return v != null && v.isTextual() ? v.asText() : null;
        }

        Boolean bool(String... names) {
            JsonNode v = find(names);
            return v != null && v.isBoolean() ? v.booleanValue() : null;
        }
    }
}
