package app.arv.web.media;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of every answer that hands out a file (a stored object, a ZIP of them, a print kit): the
 * name as RFC 6266 wants it, an ASCII {@code filename} for old clients beside the real name as {@code filename*}
 * (RFC 5987, UTF-8, percent-encoded), so that {@code Müller.glb} or a Cyrillic name is saved as it is.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** A download, saved under the (already sanitized) name. */
    public static String attachment(String name) {
        return of("attachment", name);
    }

    /** Shown in place, under the (already sanitized) name. */
    public static String inline(String name) {
        return of("inline", name);
    }

    private static String of(String type, String name) {
        return type + "; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Each character outside printable ASCII, and the quote and backslash a quoted string would need escaped, as {@code _}. */
    private static String ascii(String name) {
        return name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
    }
}
