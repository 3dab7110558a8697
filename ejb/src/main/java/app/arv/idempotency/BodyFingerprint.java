package app.arv.idempotency;

import app.arv.shared.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SHA-256 of a request body, fed while the body streams past (multipart bodies reach ~250 MB: never
 * held in memory). A multipart body is hashed with its boundary replaced by a fixed token: a client
 * library picks a new random boundary for every send, so a retried upload is byte-for-byte different
 * while being the same request.
 */
public final class BodyFingerprint {

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]*)\"|[^;\\s]+)");
    private static final byte[] TOKEN = "--<boundary>".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest sha256;
    /** {@code --boundary}, the delimiter as it appears in the body; empty for other bodies. */
    private final byte[] delimiter;
    /** KMP failure function of the delimiter. */
    private final int[] fallback;
    /** How many bytes of the delimiter the bytes seen last match. */
    private int matched;

    private BodyFingerprint(byte[] delimiter) {
        this.sha256 = Sha256.digest();
        this.delimiter = delimiter;
        this.fallback = failureFunction(delimiter);
    }

    /** For a body of this {@code Content-Type} (its multipart boundary, if any, is normalized). */
    public static BodyFingerprint of(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Matcher boundary = BOUNDARY.matcher(contentType);
            if (boundary.find()) {
                String value = boundary.group(2) != null ? boundary.group(2) : boundary.group(1);
                if (!value.isEmpty()) {
                    return new BodyFingerprint(("--" + value).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        return new BodyFingerprint(new byte[0]);
    }

    public void update(byte[] bytes, int offset, int length) {
        if (delimiter.length == 0) {
            sha256.update(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            update(bytes[i]);
        }
    }

    public void update(byte b) {
        if (delimiter.length == 0) {
            sha256.update(b);
            return;
        }
        while (matched > 0 && delimiter[matched] != b) {
            // The first matched - fallback bytes can no longer start a delimiter: they are body.
            int keep = fallback[matched - 1];
            sha256.update(delimiter, 0, matched - keep);
            matched = keep;
        }
        if (delimiter[matched] == b) {
            matched++;
            if (matched == delimiter.length) {
                sha256.update(TOKEN);
                matched = 0;
            }
        } else {
            sha256.update(b);
        }
    }

    /** The hash; the fingerprint is used up. */
    public byte[] finish() {
        sha256.update(delimiter, 0, matched);
        matched = 0;
        return sha256.digest();
    }

    private static int[] failureFunction(byte[] pattern) {
        int[] table = new int[pattern.length];
        int k = 0;
        for (int i = 1; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = table[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }
}
