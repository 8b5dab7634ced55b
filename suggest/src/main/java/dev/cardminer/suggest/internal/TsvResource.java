package dev.cardminer.suggest.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rows of a bundled two-column table (tab-separated; blank lines and # comments skipped). */
final class TsvResource {

    private TsvResource() {
    }

    static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TsvResource.class.getResourceAsStream("/dev/cardminer/suggest/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException(name + ": not two columns: " + line);
                }
                out.add(new String[]{parts[0].strip(), parts[1].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
