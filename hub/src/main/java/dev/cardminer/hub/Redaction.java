package dev.cardminer.hub;

import java.net.URI;
import java.util.regex.Pattern;

/** Removes credentials from addresses and text before they are shown: user info, token-like query values, Hub tokens. */
public final class Redaction {

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:token|access_token|api_key|apikey|key|signature|x-amz-signature|x-amz-credential)=)[^&#\\s]*");
    private static final Pattern HF_TOKEN = Pattern.compile("\\bhf_[A-Za-z0-9]{6,}");

    private Redaction() {
    }

    /** {@code http://user:secret@host/x?token=y} → {@code http://***@host/x?token=***}. */
    public static String url(URI uri) {
        return uri == null ? "null" : text(uri.toString());
    }

    /** Any text (an exception message, a Location header) with every credential in it masked. */
    public static String text(String s) {
        if (s == null) {
            return null;
        }
        String out = USER_INFO.matcher(s).replaceAll("$1***@");
        out = SECRET_PARAM.matcher(out).replaceAll("$1***");
        return HF_TOKEN.matcher(out).replaceAll("hf_***");
    }
}
