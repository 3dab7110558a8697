package app.arv.security;

import app.arv.shared.KeptSecret;
import app.arv.shared.Sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair that signs ARV's JWTs. Operators give it as a PKCS#8 PEM (all nodes of a cluster
 * share it); a single node without one makes its own and keeps it in the data directory so tokens
 * survive restarts.
 */
public record SigningKey(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    public static SigningKey fromPem(String pem) {
        try {
            String body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            var publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new SigningKey(privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("The JWT signing key is not an RSA private key in PKCS#8 PEM form", e);
        }
    }

    /** The configured key (PEM) when set, otherwise the one kept in {@code file}, made at the first start. */
    public static SigningKey configuredOrKept(Optional<String> configured, Path file) {
        return fromPem(KeptSecret.configuredOrKept(configured, file, () -> generate().toPem()));
    }

    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey((RSAPrivateCrtKey) pair.getPrivate(), (RSAPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
    }

    /** The SHA-256 of the public key, in hex: tells keys apart and reveals nothing of the private one. */
    public String fingerprint() {
        return Sha256.hex(publicKey.getEncoded());
    }

    public String toPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(privateKey.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }
}
