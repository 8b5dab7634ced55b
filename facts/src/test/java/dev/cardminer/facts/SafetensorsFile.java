package dev.cardminer.facts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes real safetensors files for tests: 8-byte little-endian header length, the JSON header, zero bytes. */
final class SafetensorsFile {

    private final Map<String, String> dtypes = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    SafetensorsFile tensor(String name, String dtype, long... shape) {
        dtypes.put(name, dtype);
        shapes.put(name, shape);
        return this;
    }

    SafetensorsFile metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    byte[] bytes() {
        StringBuilder header = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            header.append("\"__metadata__\":{");
            int i = 0;
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                header.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":\"").append(e.getValue()).append('"');
            }
            header.append("},");
        }
        long offset = 0;
        int i = 0;
        for (Map.Entry<String, String> e : dtypes.entrySet()) {
            long[] shape = shapes.get(e.getKey());
            long elements = 1;
            StringBuilder s = new StringBuilder("[");
            for (int k = 0; k < shape.length; k++) {
                elements *= shape[k];
                s.append(k > 0 ? "," : "").append(shape[k]);
            }
            long size = elements * width(e.getValue());
            header.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":{\"dtype\":\"").append(e.getValue())
                    .append("\",\"shape\":").append(s).append("],\"data_offsets\":[").append(offset).append(',')
                    .append(offset + size).append("]}");
            offset += size;
        }
        header.append('}');
        // The format pads the header with spaces to a multiple of 8.
        while ((header.length() + 8) % 8 != 0) {
            header.append(' ');
        }
        byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }

    static int width(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            default -> 1;
        };
    }
}
