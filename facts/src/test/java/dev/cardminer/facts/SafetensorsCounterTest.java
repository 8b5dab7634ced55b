package dev.cardminer.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SafetensorsCounterTest {

    private final Map<String, byte[]> repo = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    private SafetensorsCounter counter(int firstRead) {
        return new SafetensorsCounter((path, offset, length) -> {
            reads.add(path + "@" + offset + "+" + length);
            byte[] b = repo.get(path);
            if (b == null) {
                throw new IOException("no " + path);
            }
            int from = (int) Math.min(offset, b.length);
            return Arrays.copyOfRange(b, from, (int) Math.min(b.length, offset + length));
        }, path -> Optional.ofNullable(repo.get(path)), firstRead);
    }

    private ParameterCount count(JsonNode config, String... siblings) throws IOException {
        return counter(SafetensorsCounter.DEFAULT_FIRST_READ).count(List.of(siblings), config).orElseThrow();
    }

    private static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void countsASingleFileByDtypeReadingOnlyItsHeader() throws Exception {
        repo.put("model.safetensors", new SafetensorsFile().tensor("embed.weight", "BF16", 1000, 64)
                .tensor("norm.weight", "F32", 64).tensor("head.weight", "BF16", 1000, 64).bytes());

        ParameterCount c = count(null, "config.json", "model.safetensors", "README.md");

        assertThat(c.total()).isEqualTo(128_064);
        assertThat(c.byDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("BF16", 128_000L, "F32", 64L));
        assertThat(c.source()).isEqualTo("safetensors headers: model.safetensors");
        assertThat(reads).containsExactly("model.safetensors@0+100000");
        assertThat(c.quantization()).isNull();
    }

    @Test
    void aHeaderLargerThanTheFirstReadTakesASecondRead() throws Exception {
        SafetensorsFile file = new SafetensorsFile();
        for (int i = 0; i < 200; i++) {
            file.tensor("layers." + i + ".weight", "F16", 8, 8);
        }
        byte[] bytes = file.bytes();
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength).isGreaterThan(1000);
        repo.put("model.safetensors", bytes);

        ParameterCount c = counter(1000).count(List.of("model.safetensors"), null).orElseThrow();

        assertThat(c.total()).isEqualTo(200 * 64);
        assertThat(reads).containsExactly("model.safetensors@0+1000",
                "model.safetensors@1000+" + (headerLength - 992));
    }

    @Test
    void shardedCheckpointsAreReadThroughTheIndexAndTheDeclaredTotalIsChecked() throws Exception {
        repo.put("model-00001-of-00002.safetensors", new SafetensorsFile().tensor("a", "BF16", 300, 10).bytes());
        repo.put("model-00002-of-00002.safetensors", new SafetensorsFile().tensor("b", "BF16", 700, 10)
                .tensor("c", "F32", 5).bytes());
        repo.put("model.safetensors.index.json", ("{\"metadata\":{\"total_size\":20020,\"total_parameters\":10005},"
                + "\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00002-of-00002.safetensors\","
                + "\"c\":\"model-00002-of-00002.safetensors\"}}").getBytes(StandardCharsets.UTF_8));

        ParameterCount c = count(null, "model.safetensors.index.json", "model-00001-of-00002.safetensors",
                "model-00002-of-00002.safetensors");

        assertThat(c.total()).isEqualTo(10_005);
        assertThat(c.byDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("BF16", 10_000L, "F32", 5L));
        assertThat(c.files()).containsExactly("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors");
        assertThat(c.source()).isEqualTo("safetensors headers: model.safetensors.index.json (2 files)");
        assertThat(c.declared()).isEqualTo(10_005L);
        assertThat(c.disagreesWithDeclared()).isFalse();
    }

    @Test
    void gptqPackedWeightsCountAsParametersAndTheirBookkeepingDoesNot() throws Exception {
        // A 64×256 linear layer at 4 bits: qweight holds 8 values per int32 along the input dimension.
        repo.put("gptq_model-4bit-128g.safetensors", new SafetensorsFile()
                .tensor("layer.qweight", "I32", 8, 256).tensor("layer.qzeros", "I32", 1, 32)
                .tensor("layer.scales", "F16", 1, 256).tensor("layer.g_idx", "I32", 64).tensor("layer.bias", "F16", 256)
                .tensor("embed.weight", "F16", 100, 64).bytes());
        JsonNode config = json("{\"quantization_config\":{\"quant_method\":\"gptq\",\"bits\":4,\"group_size\":128}}");

        ParameterCount c = count(config, "gptq_model-4bit-128g.safetensors", "config.json");

        assertThat(c.byDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("INT4", 64L * 256, "F16", 256L + 6400));
        assertThat(c.total()).isEqualTo(64L * 256 + 256 + 6400);
        assertThat(c.quantization()).isEqualTo("gptq 4-bit (qweight × 32/4)");
    }

    @Test
    void bitsandbytesFourBitWeightsCountTwicePerByte() throws Exception {
        // A 16×32 layer (512 parameters) packed two per byte: 256 U8 values.
        repo.put("model.safetensors", new SafetensorsFile()
                .tensor("mlp.weight", "U8", 256, 1).tensor("mlp.weight.absmax", "F32", 8)
                .tensor("mlp.weight.quant_map", "F32", 16).tensor("mlp.weight.nested_absmax", "F32", 1)
                .tensor("mlp.weight.quant_state.bitsandbytes__nf4", "U8", 80).tensor("lm_head.weight", "F16", 10, 32).bytes());
        JsonNode config = json("{\"quantization_config\":{\"quant_method\":\"bitsandbytes\",\"load_in_4bit\":true}}");

        ParameterCount c = count(config, "model.safetensors");

        assertThat(c.byDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("NF4", 512L, "F16", 320L));
        assertThat(c.total()).isEqualTo(832);
    }

    @Test
    void compressedTensorsMxfp4AndMlxPackingsCountTheirParameters() throws Exception {
        repo.put("model.safetensors", new SafetensorsFile()
                .tensor("a.weight_packed", "I32", 16, 4).tensor("a.weight_scale", "BF16", 16, 1)
                .tensor("a.weight_zero_point", "I32", 16, 1).tensor("a.weight_shape", "I64", 2).bytes());
        ParameterCount pack = count(json("{\"quantization_config\":{\"quant_method\":\"compressed-tensors\","
                + "\"config_groups\":{\"group_0\":{\"weights\":{\"num_bits\":4}}}}}"), "model.safetensors");
        assertThat(pack.byDtype()).containsExactlyEntriesOf(Map.of("INT4", 16L * 4 * 8));

        repo.put("model.safetensors", new SafetensorsFile().tensor("experts.gate_up_proj_blocks", "U8", 4, 90, 16)
                .tensor("experts.gate_up_proj_scales", "U8", 4, 90).tensor("norm.weight", "BF16", 64).bytes());
        ParameterCount mxfp4 = count(json("{\"quantization_config\":{\"quant_method\":\"mxfp4\"}}"), "model.safetensors");
        assertThat(mxfp4.byDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("MXFP4", 4L * 90 * 16 * 2, "BF16", 64L));

        repo.put("model.safetensors", new SafetensorsFile().tensor("q.weight", "U32", 64, 8).tensor("q.scales", "F16", 64, 1)
                .tensor("q.biases", "F16", 64, 1).tensor("q.bias", "F16", 64).bytes());
        ParameterCount mlx = count(json("{\"quantization\":{\"group_size\":64,\"bits\":4}}"), "model.safetensors");
        assertThat(mlx.byDtype()).containsExactlyInAnyOrderEntriesOf(Map.of("Q4", 64L * 8 * 8, "F16", 64L));
    }

    @Test
    void diffusersPipelinesAreCountedPerComponent() throws Exception {
        repo.put("unet/diffusion_pytorch_model.safetensors", new SafetensorsFile().tensor("conv", "F32", 10, 10).bytes());
        repo.put("unet/diffusion_pytorch_model.fp16.safetensors", new SafetensorsFile().tensor("conv", "F16", 10, 10).bytes());
        repo.put("text_encoder/model.safetensors", new SafetensorsFile().tensor("emb", "F32", 5, 4).bytes());
        repo.put("vae/diffusion_pytorch_model.safetensors", new SafetensorsFile().tensor("dec", "F32", 7).bytes());

        ParameterCount c = count(null, "model_index.json", "unet/diffusion_pytorch_model.safetensors",
                "unet/diffusion_pytorch_model.fp16.safetensors", "text_encoder/model.safetensors",
                "vae/diffusion_pytorch_model.safetensors", "unet/config.json");

        assertThat(c.components()).containsExactlyInAnyOrderEntriesOf(Map.of("unet", 100L, "text_encoder", 20L, "vae", 7L));
        assertThat(c.total()).isEqualTo(127);
        assertThat(c.files()).doesNotContain("unet/diffusion_pytorch_model.fp16.safetensors");
    }

    @Test
    void aDeclaredTotalThatDisagreesIsReportedAndBadHeadersAreClearErrors() throws Exception {
        repo.put("model.safetensors", new SafetensorsFile().tensor("a", "F32", 10).metadata("total_parameters", "11").bytes());
        ParameterCount c = count(null, "model.safetensors");
        assertThat(c.declared()).isEqualTo(11L);
        assertThat(c.disagreesWithDeclared()).isTrue();

        byte[] huge = new byte[16];
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        repo.put("model.safetensors", huge);
        assertThatThrownBy(() -> count(null, "model.safetensors")).hasMessageContaining("declares a safetensors header of "
                + (1L << 40) + " bytes");

        byte[] truncated = Arrays.copyOf(new SafetensorsFile().tensor("a", "F32", 10).bytes(), 30);
        repo.put("model.safetensors", truncated);
        assertThatThrownBy(() -> counter(16).count(List.of("model.safetensors"), null))
                .hasMessageContaining("ends inside its safetensors header");
    }

    @Test
    void aRepoWithoutSafetensorsHasNoCount() throws Exception {
        assertThat(counter(100).count(List.of("pytorch_model.bin", "config.json"), null)).isEmpty();
    }
}
