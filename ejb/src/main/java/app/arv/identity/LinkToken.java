package app.arv.identity;

import app.arv.shared.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A token for a mailed link (password reset, invitation, sign-up verification), a refresh token or the value a browser
 * keeps while it signs in with an identity provider: {@value #BYTES} random bytes, base64url without padding ({@code raw}, what the link
 * carries), and the SHA-256 of that text in hex ({@code hash}, all that is stored). A fast hash is enough: the
 * token has 256 bits of entropy, nothing to guess.
 */
public record LinkToken(String raw, String hash) {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static LinkToken random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new LinkToken(raw, hashOf(raw));
    }

    /** The stored form of a token a link carried (any text: an unknown one simply finds nothing). */
    public static String hashOf(String raw) {
        return Sha256.hex(raw);
    }

    @Override
    public String toString() {
        return "LinkToken[hash=" + hash + "]";
    }
}
