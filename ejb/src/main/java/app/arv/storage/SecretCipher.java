package app.arv.storage;

import app.arv.shared.KeptSecret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets ARV keeps and must use again (S3 secrets of storage connections, webhook signing secrets) at
 * rest with AES-256-GCM, under the installation's one key. The ciphertext is
 * {@code base64(12-byte nonce || ciphertext+tag)}; the {@link SecretOwner} — kind of secret, organization and row — is
 * bound in as associated data, so a ciphertext copied into another row, of the same kind or another, in the same
 * organization or another, does not decrypt.
 */
public final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretCipher(byte[] key) {
        if (key.length != 32 && key.length != 16) {
            throw new IllegalStateException("The storage encryption key must be 16 or 32 bytes (base64), not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public static SecretCipher fromBase64(String key) {
        try {
            return new SecretCipher(Base64.getDecoder().decode(key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The storage encryption key is not base64", e);
        }
    }

    /**
     * The configured key (base64) when set, otherwise the one kept in {@code file}, made (owner-only) at the first start
     * ({@link KeptSecret#configuredOrKept}).
     */
    public static SecretCipher configuredOrKept(Optional<String> configured, Path file) {
        return fromBase64(KeptSecret.configuredOrKept(configured, file, () -> Base64.getEncoder().encodeToString(generateKey())));
    }

    static byte[] generateKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is required of every Java runtime", e);
        }
    }

    /**
     * An HMAC-SHA256 of a fixed text under the key, in hex: tells keys apart without revealing them (whoever reads it
     * learns nothing that decrypts a secret).
     */
    public String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("arv storage encryption key check".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required of every Java runtime", e);
        }
    }

    /** The secret sealed for its owner's row. */
    public String seal(String secret, SecretOwner owner) {
        return encrypt(secret, owner.context());
    }

    /**
     * The secret sealed for this owner — or, until the fallback goes ({@link SecretOwner#legacyContext}), sealed before
     * the contexts named their row (by a node of an older release during a rolling upgrade, say).
     *
     * @throws IllegalStateException when it was sealed for another owner, with another key, or tampered with
     */
    public String open(String ciphertext, SecretOwner owner) {
        try {
            return decrypt(ciphertext, owner.context());
        } catch (IllegalStateException e) {
            try {
                return decrypt(ciphertext, owner.legacyContext());
            } catch (IllegalStateException legacy) {
                throw e;
            }
        }
    }

    /** Whether the ciphertext is sealed for this owner as this release seals (not with the legacy context). */
    public boolean isSealedFor(String ciphertext, SecretOwner owner) {
        try {
            decrypt(ciphertext, owner.context());
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The ciphertext sealed anew for its owner when it was sealed with the legacy context; empty when it is sealed for
     * the owner already.
     *
     * @throws IllegalStateException when it opens for neither (another owner's, another key's, tampered with)
     */
    public Optional<String> resealed(String ciphertext, SecretOwner owner) {
        return isSealedFor(ciphertext, owner) ? Optional.empty() : Optional.of(seal(decrypt(ciphertext, owner.legacyContext()), owner));
    }

    String encrypt(String secret, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /** @throws IllegalStateException when the ciphertext was tampered with, or made with another key or context */
    String decrypt(String ciphertext, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted with the configured key", e);
        }
    }
}
