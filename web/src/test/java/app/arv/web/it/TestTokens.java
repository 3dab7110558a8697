package app.arv.web.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;

/**
 * Access tokens the tests sign themselves, shaped like ARV's own (RS256, issued an hour before they expire):
 * with the key the IT server signs with ({@link ArvServer#signingKey()}), or with a key of their own.
 */
final class TestTokens {

    private TestTokens() {
    }

    /** A token as ARV would issue it, with the IT server's own key. */
    static String signed(String issuer, String subject, Instant expires) {
        return signed(ArvServer.signingKey(), issuer, subject, expires);
    }

    static String signed(RSAPrivateKey key, String issuer, String subject, Instant expires) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject)
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires)).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A new 2048-bit RSA private key. */
    static RSAPrivateCrtKey newRsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every Java runtime", e);
        }
    }
}
