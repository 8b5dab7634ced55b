package dev.cardminer.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The values the Hub accepts for {@code license}, {@code pipeline_tag} and {@code library_name}, and
 * the ISO 639 language codes. The bundled lists are those of ../shared/vocab, re-synced by hand.
 */
public record Vocabularies(Set<String> licenses, Set<String> pipelineTags, Set<String> libraries,
                           Set<String> languages) {

    public Vocabularies {
        licenses = Set.copyOf(licenses);
        pipelineTags = Set.copyOf(pipelineTags);
        libraries = Set.copyOf(libraries);
        languages = Set.copyOf(languages);
    }

    /** The lists shipped with cardminer. */
    public static Vocabularies bundled() {
        return new Vocabularies(read("licenses.txt"), read("pipeline_tags.txt"), read("libraries.txt"),
                read("iso639.txt"));
    }

    private static Set<String> read(String name) {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = Vocabularies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled vocabulary " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String v = line.strip();
                if (!v.isEmpty() && !v.startsWith("#")) {
                    out.add(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
