package app.arv.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest ARV uses: of stored content (deduplication), of secrets kept only as their hash (API keys,
 * link tokens), of counters' keys, of key fingerprints. Every Java runtime has it, so its absence is no failure a
 * caller could handle.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest, for content that arrives in pieces. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** Of the text's UTF-8 bytes. */
    public static byte[] of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** In lower-case hex. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(of(bytes));
    }

    /** Of the text's UTF-8 bytes, in lower-case hex. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(of(text));
    }
}
