package dev.cardminer.facts;

import java.util.List;
import java.util.Map;

/**
 * A model's exact parameter count, read from its safetensors headers.
 *
 * @param total       all parameters; quantised weights counted as the parameters they stand for, not storage
 * @param byDtype     the total split by element type ({@code BF16}, {@code F32}; quantised: {@code INT4}, {@code NF4}, {@code MXFP4})
 * @param source      the files read, in words ({@code model.safetensors.index.json (4 shards)})
 * @param files       the safetensors files whose headers were read
 * @param components  for diffusers pipelines: the count per component folder ({@code unet}, {@code text_encoder}); else empty
 * @param quantization how quantised weights were counted ({@code gptq 4-bit}), or null
 * @param declared    a total the checkpoint states itself ({@code total_parameters}), or null
 */
public record ParameterCount(long total, Map<String, Long> byDtype, String source, List<String> files,
                             Map<String, Long> components, String quantization, Long declared) {

    /** Copies the maps and the list. */
    public ParameterCount {
        byDtype = Map.copyOf(byDtype);
        files = List.copyOf(files);
        components = Map.copyOf(components);
    }

    /** True when the checkpoint declares a total that differs from the count. */
    public boolean disagreesWithDeclared() {
        return declared != null && declared != total;
    }
}
