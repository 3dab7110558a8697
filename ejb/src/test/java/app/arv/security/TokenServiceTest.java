package app.arv.security;

import app.arv.shared.DomainException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenServiceTest {

    @TempDir
    Path dataDir;

    private TokenService tokens(Optional<String> pem) {
        TokenService service = new TokenService();
        service.issuer = "arv";
        service.ttlSeconds = 3600;
        service.privateKeyPem = pem;
        service.dataDir = dataDir.toString();
        service.loadKey();
        return service;
    }

    @Test
    void anIssuedTokenVerifiesToItsUser() {
        TokenService service = tokens(Optional.empty());
        UUID user = UUID.randomUUID();

        var token = service.issue(user, "ann@acme.example", UUID.randomUUID(), List.of("member"), UUID.randomUUID());

        assertThat(service.verify(token.value())).isEqualTo(user);
        assertThat(token.expiresInSeconds()).isEqualTo(3600);
    }

    @Test
    void aVerifiedTokenNamesItsSession() {
        TokenService service = tokens(Optional.empty());
        UUID session = UUID.randomUUID();

        var token = service.issue(UUID.randomUUID(), "ann@acme.example", UUID.randomUUID(), List.of("member"), session);

        assertThat(service.verifyToken(token.value()).sessionId()).isEqualTo(session);
    }

    @Test
    void aVerifiedTokenTellsWhenItWasIssuedToTheMillisecond() {
        TokenService service = tokens(Optional.empty());
        java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        var token = service.issue(UUID.randomUUID(), "ann@acme.example", UUID.randomUUID(), List.of("member"), UUID.randomUUID());

        java.time.Instant issuedAt = service.verifyToken(token.value()).issuedAt();
        assertThat(issuedAt).isBetween(before, java.time.Instant.now());
    }

    @Test
    void aGeneratedKeyIsKeptSoTokensSurviveARestart() {
        UUID user = UUID.randomUUID();
        var token = tokens(Optional.empty()).issue(user, "ann@acme.example", UUID.randomUUID(), List.of("member"), UUID.randomUUID());

        TokenService restarted = tokens(Optional.empty());

        assertThat(restarted.verify(token.value())).isEqualTo(user);
        assertThat(Files.exists(dataDir.resolve("jwt-signing-key.pem"))).isTrue();
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsWrittenToDisk() {
        SigningKey configured = SigningKey.generate();
        TokenService service = tokens(Optional.of(configured.toPem()));

        var token = service.issue(UUID.randomUUID(), "ann@acme.example", UUID.randomUUID(), List.of("member"), UUID.randomUUID());

        assertThat(SigningKey.fromPem(configured.toPem()).publicKey()).isEqualTo(configured.publicKey());
        assertThat(Files.exists(dataDir.resolve("jwt-signing-key.pem"))).isFalse();
        assertThat(service.verify(token.value())).isNotNull();
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        SigningKey key = SigningKey.generate();
        TokenService service = tokens(Optional.of(key.toPem()));
        String expired = sign(key, "arv", Instant.now().minusSeconds(120));

        assertThatThrownBy(() -> service.verify(expired))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("token_expired"));
    }

    @Test
    void anExpiredTokenIsRefusedEveryTimeItIsShown() throws Exception {
        SigningKey key = SigningKey.generate();
        TokenService service = tokens(Optional.of(key.toPem()));
        String expired = sign(key, "arv", Instant.now().minusSeconds(120));
        assertThatThrownBy(() -> service.verify(expired)).isInstanceOf(DomainException.class);

        assertThatThrownBy(() -> service.verify(expired))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("token_expired"));
    }

    @Test
    void aTokenAlreadyAcceptedIsRefusedOnceItsHourIsOver() {
        TokenService service = tokens(Optional.empty());
        var token = service.issue(UUID.randomUUID(), "ann@acme.example", UUID.randomUUID(), List.of("member"), UUID.randomUUID());
        service.verify(token.value());

        service.clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3600 + 31));

        assertThatThrownBy(() -> service.verify(token.value()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("token_expired"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        TokenService service = tokens(Optional.empty());
        String forged = sign(SigningKey.generate(), "arv", Instant.now().plusSeconds(600));

        assertThatThrownBy(() -> service.verify(forged))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid_token"));
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() throws Exception {
        SigningKey key = SigningKey.generate();
        TokenService service = tokens(Optional.of(key.toPem()));
        String foreign = sign(key, "someone-else", Instant.now().plusSeconds(600));

        assertThatThrownBy(() -> service.verify(foreign)).isInstanceOf(DomainException.class);
    }

    @Test
    void garbageIsRefusedAsAnInvalidToken() {
        TokenService service = tokens(Optional.empty());

        assertThatThrownBy(() -> service.verify("not.a.jwt"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    private static String sign(SigningKey key, String issuer, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer(issuer).subject(UUID.randomUUID().toString())
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(key.privateKey()));
        return jwt.serialize();
    }
}
