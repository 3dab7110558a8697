package app.arv.security;

import app.arv.shared.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of an API key: {@code arv_} and 43 URL-safe characters (256 random bits). The secret
 * is high-entropy, so a plain SHA-256 is the right stored form (and lets us look it up by hash);
 * slow password hashes are for low-entropy human passwords.
 */
public record ApiKeySecret(String value) {

    public static final String MARK = "arv_";
    private static final int VISIBLE_PREFIX = MARK.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Tells an API key from a JWT in the same {@code Authorization: Bearer} header. */
    public static boolean looksLikeOne(String token) {
        return token.startsWith(MARK) && token.length() == MARK.length() + 43;
    }

    public String prefix() {
        return value.substring(0, VISIBLE_PREFIX);
    }

    public String hash() {
        // An API key is ASCII: its UTF-8 bytes are its ASCII bytes.
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
