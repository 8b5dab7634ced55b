package dev.cardminer.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The LLM annotator's prompt: an optional system message and a user message with an {@code {input}}
 * placeholder for the sentence. In a template file, a line {@code [system]} starts the system message and
 * a line {@code [user]} the user message; without them the whole file is the user message. The version is
 * a hash of the template text, so the LLM cache never mixes answers to different prompts.
 *
 * @param system  the system message, or null for none
 * @param user    the user message, with the {@code {input}} placeholder
 * @param version the first 12 hex digits of the template text's SHA-256 (part of the cache key)
 */
public record PromptTemplate(String system, String user, String version) {

    /** The placeholder the user message holds for the sentence. */
    public static final String PLACEHOLDER = "{input}";

    /** Seed 000's open annotation prompt (NuMind's, as adapted for OpenHermes 2.5). */
    public static PromptTemplate bundled() {
        try (InputStream in = PromptTemplate.class.getResourceAsStream("llm-prompt.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing bundled llm-prompt.txt");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a template; throws IllegalArgumentException when it has no {@code {input}} placeholder. */
    public static PromptTemplate parse(String template) {
        String text = template.replace("\r\n", "\n");
        String system = null;
        String user = text;
        int s = text.indexOf("[system]\n");
        int u = text.indexOf("[user]\n");
        if (u >= 0) {
            user = text.substring(u + 7);
            if (s >= 0 && s < u) {
                system = text.substring(s + 9, u).strip();
            }
        }
        user = user.strip();
        if (!user.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the prompt template has no " + PLACEHOLDER + " placeholder");
        }
        return new PromptTemplate(system == null || system.isEmpty() ? null : system, user, hash(text).substring(0, 12));
    }

    /** The user message for one sentence. */
    public String render(String sentence) {
        return user.replace(PLACEHOLDER, sentence);
    }

    /** SHA-256 of UTF-8 text, hex. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
