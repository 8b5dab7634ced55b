package dev.cardminer.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a checkpoint's parameters exactly from its safetensors headers, reading only byte ranges: the
 * 8-byte little-endian header length, then the JSON header (a second read when it is longer than the first).
 * Weights are never downloaded. Sharded checkpoints are read through {@code model.safetensors.index.json},
 * diffusers pipelines component by component ({@code unet/}, {@code transformer/}, {@code text_encoder/}, ...).
 *
 * <p>Quantised checkpoints are counted as parameters, not storage: GPTQ/AWQ {@code qweight} (32-bit words)
 * as {@code elements × 32 / bits}, bitsandbytes 4-bit {@code U8} weights as {@code elements × 2},
 * compressed-tensors {@code weight_packed} as {@code elements × 32 / num_bits}, MXFP4 {@code *_blocks} as
 * {@code elements × 2}, MLX packed {@code U32} weights as {@code elements × 32 / bits}. Scales, zero points,
 * {@code g_idx}, absmax, quant maps and quant states are bookkeeping, not parameters.
 */
public final class SafetensorsCounter {

    /** Reads {@code length} bytes of a repo file from {@code offset} (fewer at its end). */
    @FunctionalInterface
    public interface RangeReader {
        /**
         * The bytes read.
         *
         * @throws IOException when the file cannot be read
         */
        byte[] read(String path, long offset, int length) throws IOException;
    }

    /** Reads a small repo file whole (an index), empty when the repo has no such file. */
    @FunctionalInterface
    public interface FileReader {
        /**
         * The file's bytes, empty when there is no such file.
         *
         * @throws IOException when it exists but cannot be read
         */
        Optional<byte[]> read(String path) throws IOException;
    }

    /** The Hub's own limit for a safetensors header; a longer one is refused rather than read. */
    public static final int MAX_HEADER_BYTES = 25_000_000;
    /** Bytes of the first read of each file's header (100,000), enough for most headers. */
    public static final int DEFAULT_FIRST_READ = 100_000;

    private static final Pattern DIFFUSERS_WEIGHTS = Pattern.compile(
            "([^/]+)/(?:diffusion_pytorch_model|model)(\\.[A-Za-z0-9_]+)?\\.safetensors");
    private static final Pattern SHARD = Pattern.compile(".*-\\d{5}-of-\\d{5}\\.safetensors");
    private static final List<String> AUX_SUFFIXES = List.of(".qzeros", ".scales", ".g_idx", ".absmax",
            ".quant_map", ".nested_absmax", ".nested_quant_map", ".SCB", ".weight_format", "_scale", "_scale_inv",
            "_zero_point", "weight_shape", "weight_g_idx", ".biases", "_scales");

    private final RangeReader ranges;
    private final FileReader files;
    private final int firstRead;
    private final ObjectMapper json = new ObjectMapper();

    /** A counter whose first read of each file is {@value #DEFAULT_FIRST_READ} bytes. */
    public SafetensorsCounter(RangeReader ranges, FileReader files) {
        this(ranges, files, DEFAULT_FIRST_READ);
    }

    /**
     * A counter with its own size of first read.
     *
     * @param firstRead bytes asked for in the first read of each file (a header larger needs a second read); at
     *                  least 16 are asked for
     */
    public SafetensorsCounter(RangeReader ranges, FileReader files, int firstRead) {
        this.ranges = ranges;
        this.files = files;
        this.firstRead = Math.max(16, firstRead);
    }

    /**
     * The count for a repo with these files, or empty when it has no safetensors weights.
     *
     * @param config the repo's config.json (for quantisation bits), or null
     */
    public Optional<ParameterCount> count(List<String> siblings, JsonNode config) throws IOException {
        Set<String> all = new LinkedHashSet<>(siblings);
        Quantisation q = Quantisation.of(config);
        if (all.contains("model_index.json")) {
            return countDiffusers(all, q);
        }
        Optional<Layout> root = rootLayout(all, "");
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Tally tally = new Tally();
        Long declared = read(root.get(), q, tally);
        return Optional.of(new ParameterCount(tally.total(), tally.byDtype, root.get().describe(), root.get().files,
                Map.of(), tally.quantization(q), declared));
    }

    private Optional<ParameterCount> countDiffusers(Set<String> all, Quantisation q) throws IOException {
        Map<String, Layout> components = new TreeMap<>();
        Set<String> folders = new TreeSet<>();
        for (String s : all) {
            Matcher m = DIFFUSERS_WEIGHTS.matcher(s);
            if (m.matches() || s.matches("[^/]+/[^/]+\\.safetensors\\.index\\.json")) {
                folders.add(s.substring(0, s.indexOf('/')));
            }
        }
        for (String folder : folders) {
            rootLayout(all, folder + "/").ifPresent(l -> components.put(folder, l));
        }
        if (components.isEmpty()) {
            return Optional.empty();
        }
        Tally tally = new Tally();
        Map<String, Long> perComponent = new TreeMap<>();
        List<String> read = new ArrayList<>();
        Long declared = null;
        for (Map.Entry<String, Layout> c : components.entrySet()) {
            long before = tally.total();
            Long d = read(c.getValue(), q, tally);
            if (d != null) {
                declared = declared == null ? d : Long.valueOf(declared + d);
            }
            perComponent.put(c.getKey(), tally.total() - before);
            read.addAll(c.getValue().files);
        }
        return Optional.of(new ParameterCount(tally.total(), tally.byDtype, "diffusers components "
                + String.join(", ", components.keySet()), read, perComponent, tally.quantization(q), declared));
    }

    /** The weights of one folder: its index, else {@code model.safetensors}, else its shards, else its only file. */
    private Optional<Layout> rootLayout(Set<String> all, String folder) {
        List<String> here = all.stream().filter(s -> s.startsWith(folder) && !s.substring(folder.length()).contains("/"))
                .toList();
        for (String index : List.of("model.safetensors.index.json", "diffusion_pytorch_model.safetensors.index.json")) {
            if (here.contains(folder + index)) {
                return Optional.of(new Layout(folder + index, List.of()));
            }
        }
        for (String single : List.of("model.safetensors", "diffusion_pytorch_model.safetensors")) {
            if (here.contains(folder + single)) {
                return Optional.of(new Layout(null, List.of(folder + single)));
            }
        }
        List<String> weights = here.stream().filter(s -> s.endsWith(".safetensors")).sorted().toList();
        List<String> shards = weights.stream().filter(s -> SHARD.matcher(s).matches()).toList();
        if (!shards.isEmpty()) {
            return Optional.of(new Layout(null, shards));
        }
        // One file of another name (gptq_model-4bit-128g.safetensors), or a variant (model.fp16.safetensors):
        // the first by name, since several would be copies of one model.
        return weights.isEmpty() ? Optional.empty() : Optional.of(new Layout(null, List.of(weights.get(0))));
    }

    /** Reads the layout's headers into the tally; returns a total the checkpoint declares, or null. */
    private Long read(Layout layout, Quantisation q, Tally tally) throws IOException {
        Long declared = null;
        List<String> shardFiles = layout.files;
        if (layout.index != null) {
            byte[] bytes = files.read(layout.index).orElseThrow(() -> new IOException(layout.index + " is listed but missing"));
            JsonNode index = json.readTree(bytes);
            JsonNode map = index.path("weight_map");
            if (!map.isObject() || map.isEmpty()) {
                throw new IOException(layout.index + " has no weight_map");
            }
            String folder = layout.index.contains("/") ? layout.index.substring(0, layout.index.lastIndexOf('/') + 1) : "";
            Set<String> distinct = new LinkedHashSet<>();
            map.forEach(v -> distinct.add(folder + v.asText()));
            shardFiles = new ArrayList<>(distinct);
            layout.files.addAll(shardFiles);
            declared = declaredTotal(index.path("metadata"));
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (String file : shardFiles) {
            JsonNode header = header(file);
            if (declared == null) {
                declared = declaredTotal(header.path("__metadata__"));
            }
            for (Map.Entry<String, JsonNode> e : header.properties()) {
                if (!e.getKey().equals("__metadata__")) {
                    tensors.put(e.getKey(), Tensor.of(file, e.getKey(), e.getValue()));
                }
            }
        }
        tally.add(tensors, q);
        return declared;
    }

    private static Long declaredTotal(JsonNode metadata) {
        JsonNode t = metadata.path("total_parameters");
        if (t.isNumber()) {
            return t.asLong();
        }
        if (t.isTextual() && t.asText().matches("\\d{1,19}")) {
            return Long.parseLong(t.asText());
        }
        return null;
    }

    /** The JSON header of one file, by one or two range reads. */
    JsonNode header(String file) throws IOException {
        byte[] first = ranges.read(file, 0, firstRead);
        if (first.length < 8) {
            throw new IOException(file + " is too short to be safetensors (" + first.length + " bytes)");
        }
        long length = ByteBuffer.wrap(first, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (length <= 1 || length > MAX_HEADER_BYTES) {
            throw new IOException(file + " declares a safetensors header of " + length + " bytes (at most "
                    + MAX_HEADER_BYTES + " are read)");
        }
        byte[] header = new byte[(int) length];
        int have = Math.min(first.length - 8, (int) length);
        System.arraycopy(first, 8, header, 0, have);
        if (have < length) {
            byte[] rest = ranges.read(file, 8L + have, (int) length - have);
            if (rest.length != length - have) {
                throw new IOException(file + " ends inside its safetensors header");
            }
            System.arraycopy(rest, 0, header, have, rest.length);
        }
        JsonNode node = json.readTree(header);
        if (!node.isObject()) {
            throw new IOException(file + " has a safetensors header that is not a JSON object");
        }
        return node;
    }

    /** What config.json says about quantisation: the method and the bits of packed weights. */
    record Quantisation(String method, int bits) {
        static Quantisation of(JsonNode config) {
            if (config == null) {
                return new Quantisation(null, 4);
            }
            JsonNode qc = config.path("quantization_config");
            if (qc.isMissingNode()) {
                qc = config.path("text_config").path("quantization_config");
            }
            JsonNode mlx = config.path("quantization");
            if (qc.isObject()) {
                int bits = qc.path("bits").asInt(0);
                if (bits == 0) {
                    for (JsonNode group : qc.path("config_groups")) {
                        bits = group.path("weights").path("num_bits").asInt(0);
                        if (bits > 0) {
                            break;
                        }
                    }
                }
                if (bits == 0 && qc.path("load_in_8bit").asBoolean(false)) {
                    bits = 8;
                }
                return new Quantisation(qc.path("quant_method").asText(null), bits == 0 ? 4 : bits);
            }
            if (mlx.isObject()) {
                return new Quantisation("mlx", mlx.path("bits").asInt(4));
            }
            return new Quantisation(null, 4);
        }
    }

    record Tensor(String file, String name, String dtype, long elements) {
        static Tensor of(String file, String name, JsonNode n) throws IOException {
            long elements = 1;
            for (JsonNode d : n.path("shape")) {
                if (!d.canConvertToLong() || d.asLong() < 0) {
                    throw new IOException(file + ": tensor " + name + " has a bad shape " + n.path("shape"));
                }
                elements = Math.multiplyExact(elements, d.asLong());
            }
            String dtype = n.path("dtype").asText("");
            if (dtype.isEmpty()) {
                throw new IOException(file + ": tensor " + name + " has no dtype");
            }
            return new Tensor(file, name, dtype, elements);
        }
    }

    private static final class Tally {
        final Map<String, Long> byDtype = new TreeMap<>();
        final Set<String> methods = new LinkedHashSet<>();

        long total() {
            return byDtype.values().stream().mapToLong(Long::longValue).sum();
        }

        String quantization(Quantisation q) {
            return methods.isEmpty() ? null : String.join(", ", methods);
        }

        void add(Map<String, Tensor> tensors, Quantisation q) {
            Set<String> names = new HashSet<>(tensors.keySet());
            boolean quantised = q.method() != null || names.stream().anyMatch(n -> n.endsWith(".qweight")
                    || n.endsWith("weight_packed") || n.endsWith("_blocks") || n.endsWith(".absmax") || n.endsWith(".SCB"));
            for (Tensor t : tensors.values()) {
                String n = t.name();
                if (n.endsWith(".qweight")) {
                    put("INT" + q.bits(), t.elements() * 32 / q.bits());
                    methods.add((q.method() == null ? "gptq" : q.method()) + " " + q.bits() + "-bit (qweight × 32/" + q.bits() + ")");
                } else if (n.endsWith("weight_packed")) {
                    put("INT" + q.bits(), t.elements() * 32 / q.bits());
                    methods.add("pack-quantized " + q.bits() + "-bit (weight_packed × 32/" + q.bits() + ")");
                } else if (n.endsWith("_blocks") && t.dtype().equals("U8")) {
                    put("MXFP4", t.elements() * 2);
                    methods.add("mxfp4 (blocks × 2)");
                } else if (t.dtype().equals("U8") && n.endsWith(".weight") && (names.contains(n + ".absmax")
                        || names.contains(n + ".quant_state.bitsandbytes__nf4") || names.contains(n + ".quant_state.bitsandbytes__fp4"))) {
                    String type = names.contains(n + ".quant_state.bitsandbytes__fp4") ? "FP4" : "NF4";
                    put(type, t.elements() * 2);
                    methods.add("bitsandbytes 4-bit (U8 × 2)");
                } else if (t.dtype().equals("U32") && n.endsWith(".weight")
                        && names.contains(n.substring(0, n.length() - ".weight".length()) + ".scales")) {
                    put("Q" + q.bits(), t.elements() * 32 / q.bits());
                    methods.add("mlx " + q.bits() + "-bit (U32 × 32/" + q.bits() + ")");
                } else if (quantised && isAux(n)) {
                    continue;
                } else {
                    put(t.dtype(), t.elements());
                }
            }
        }

        private static boolean isAux(String name) {
            if (name.contains(".quant_state.")) {
                return true;
            }
            for (String s : AUX_SUFFIXES) {
                if (name.endsWith(s)) {
                    return true;
                }
            }
            return false;
        }

        private void put(String dtype, long n) {
            byDtype.merge(dtype, n, Long::sum);
        }
    }

    /** An index file to read, or the weight files themselves. */
    private static final class Layout {
        final String index;
        final List<String> files;

        Layout(String index, List<String> files) {
            this.index = index;
            this.files = new ArrayList<>(files);
        }

        String describe() {
            if (index != null) {
                return "safetensors headers: " + index + " (" + files.size() + (files.size() == 1 ? " file)" : " files)");
            }
            return "safetensors headers: " + String.join(", ", files);
        }
    }
}
