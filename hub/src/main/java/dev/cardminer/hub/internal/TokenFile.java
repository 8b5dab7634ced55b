package dev.cardminer.hub.internal;

import dev.cardminer.hub.HubOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token file that {@code hf auth login} (and {@code huggingface-cli login}) writes, found and read as
 * huggingface_hub does ({@code constants.HF_TOKEN_PATH}, {@code utils/_auth.py} {@code _get_token_from_file}), so that
 * a librarian logged in with the Hub's CLI need not export {@code HF_TOKEN}. Its content is never put in a message.
 */
public final class TokenFile {

    /** A token is a few dozen characters; a larger file is no token file (and is not read into memory whole). */
    private static final int MAX_BYTES = 64 * 1024;
    /** huggingface_hub's {@code constants.ENV_VARS_TRUE_VALUES}, compared upper-cased. */
    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private TokenFile() {
    }

    /**
     * The token in the file these environment variables point to, cleaned as {@code HF_TOKEN} is; null when
     * {@code HF_HUB_DISABLE_IMPLICIT_TOKEN} is true, when there is no home to find the default file in, when the file
     * does not exist, or when it holds only blanks.
     *
     * @throws IllegalArgumentException when the file exists and cannot be read, is too large, or holds a character no
     *                                  token has: one line with the file's path and never its content
     */
    public static String read(Map<String, String> env) {
        if (isTrue(env.get("HF_HUB_DISABLE_IMPLICIT_TOKEN"))) {
            return null;
        }
        String home = nonBlank(env.get("HOME")) != null ? env.get("HOME") : nonBlank(env.get("USERPROFILE"));
        String configured = nonBlank(env.get("HF_TOKEN_PATH"));
        String where;
        String raw;
        if (configured != null) {
            where = "HF_TOKEN_PATH";
            raw = configured;
        } else {
            String hfHome = nonBlank(env.get("HF_HOME"));
            if (hfHome == null) {
                String cache = nonBlank(env.get("XDG_CACHE_HOME"));
                hfHome = (cache != null ? cache : "~/.cache") + "/huggingface";
            }
            where = "the token file of hf auth login";
            raw = expand(hfHome, home, env) + "/token";
        }
        String expanded = expand(raw, home, env);
        if (expanded.startsWith("~")) {
            return null;   // no home to put the default file in: nobody logged in here
        }
        Path path = Path.of(expanded);
        String what = "the Hub token file " + path + " (" + where + ")";
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;   // as huggingface_hub: no file, not logged in
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(what + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " cannot be read" + (Files.isDirectory(path) ? ": it is a directory"
                    : " (" + e.getClass().getSimpleName() + ")"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " is larger than " + MAX_BYTES + " bytes: it holds no token");
        }
        return HubOptions.token(what, new String(bytes, StandardCharsets.UTF_8));
    }

    private static boolean isTrue(String value) {
        return value != null && TRUE_VALUES.contains(value.toUpperCase(Locale.ROOT));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Python's {@code os.path.expandvars(os.path.expanduser(p))}: a leading {@code ~} becomes the home (kept when
     * there is none), then {@code $NAME} and {@code ${NAME}} the variable's value (kept when it is not set).
     */
    static String expand(String p, String home, Map<String, String> env) {
        String s = p;
        if (home != null && (s.equals("~") || s.startsWith("~/") || s.startsWith("~\\"))) {
            s = home + s.substring(1);
        }
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = env.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        return m.appendTail(out).toString();
    }
}
