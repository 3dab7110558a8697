package app.arv.security;

import app.arv.shared.DomainException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies the RS256 JWTs people sign in with. Claims follow MicroProfile JWT
 * ({@code upn}, {@code groups}) plus {@code org}, the tenant. A signature alone is not trusted for
 * long: verification also demands the issuer and an unexpired {@code exp}.
 */
@ApplicationScoped
public class TokenService {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    /** Tokens whose signature was checked, at most this many at once (a few MB at the most). */
    private static final int VERIFIED_MAX = 10_000;
    /** ARV's own claim: when the token was issued, in epoch milliseconds. */
    static final String ISSUED_AT_MILLIS = "iat_ms";
    /** The session (a sign-in and its refresh tokens) the token belongs to: once it ends, the token is refused. */
    static final String SESSION_ID = "sid";

    @Inject
    @ConfigProperty(name = "arv.jwt.issuer", defaultValue = "arv")
    String issuer;

    @Inject
    @ConfigProperty(name = "arv.jwt.ttl-seconds", defaultValue = "3600")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "arv.jwt.private-key")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "arv.data.dir")
    String dataDir;

    private SigningKey key;
    /** Replaced in tests only. */
    Clock clock = Clock.systemUTC();
    /**
     * Token text → what its verified claims said. Checking the RSA signature (and nimbus's
     * constant-time Base64) was a quarter of an authenticated request's CPU; a token is the same
     * text on every request of its hour. Only this node's own checks are kept, keyed by the whole
     * token, so nothing unverified can enter; expiry is still checked on every use.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** The issue time in milliseconds ({@value #ISSUED_AT_MILLIS}): JWT's own {@code iat} is in whole seconds. */
    private static Instant issuedAt(JWTClaimsSet claims) throws ParseException {
        Long millis = claims.getLongClaim(ISSUED_AT_MILLIS);
        if (millis != null) {
            return Instant.ofEpochMilli(millis);
        }
        return claims.getIssueTime() == null ? Instant.EPOCH : claims.getIssueTime().toInstant();
    }

    /** @param sessionId the token's session, {@code null} for tokens issued before there were sessions */
    public record VerifiedToken(UUID subject, Instant issuedAt, UUID sessionId) {
    }

    private record Verified(UUID subject, Instant issuedAt, UUID sessionId, Instant expires) {
    }

    @PostConstruct
    void loadKey() {
        key = SigningKey.configuredOrKept(privateKeyPem, Path.of(dataDir, "jwt-signing-key.pem"));
    }

    /** The signing key's fingerprint ({@link SigningKey#fingerprint()}), which every node must share. */
    public String keyFingerprint() {
        return key.fingerprint();
    }

    /** An access token for a person, belonging to {@code sessionId} (claim {@value #SESSION_ID}). */
    public IssuedToken issue(UUID userId, String email, UUID organizationId, Iterable<String> groups, UUID sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(ttlSeconds);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(userId.toString())
                .claim("upn", email)
                .claim("groups", groups)
                .claim("org", organizationId.toString())
                .claim(SESSION_ID, sessionId.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .claim(ISSUED_AT_MILLIS, now.toEpochMilli())
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing a JWT failed", e);
        }
        return new IssuedToken(jwt.serialize(), expires, ttlSeconds);
    }

    /** @return the user id the token was issued to */
    public UUID verify(String token) {
        return verifyToken(token).subject();
    }

    /** @return whom the token was issued to, when, and in which session (to the millisecond, for tokens that say; else to the second) */
    public VerifiedToken verifyToken(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            known = verifySignatureAndClaims(token);
            if (verified.size() >= VERIFIED_MAX) {
                verified.clear();
            }
            verified.put(token, known);
        }
        if (known.expires().plus(CLOCK_SKEW).isBefore(clock.instant())) {
            verified.remove(token);
            throw DomainException.unauthenticated("token_expired", "The access token has expired; sign in again");
        }
        return new VerifiedToken(known.subject(), known.issuedAt(), known.sessionId());
    }

    private Verified verifySignatureAndClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(key.publicKey()))) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null || claims.getExpirationTime() == null) {
                throw invalid();
            }
            String session = claims.getStringClaim(SESSION_ID);
            return new Verified(UUID.fromString(claims.getSubject()), issuedAt(claims), session == null ? null : UUID.fromString(session),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.unauthenticated("invalid_token", "The access token is not valid");
    }

    public record IssuedToken(String value, Instant expiresAt, long expiresInSeconds) {
    }
}
