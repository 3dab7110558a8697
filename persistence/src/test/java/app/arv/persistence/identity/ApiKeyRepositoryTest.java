package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.Repositories;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyRepositoryTest {

    private final ApiKeyRepository keys = new ApiKeyRepository();

    @Test
    void aKeyIsFoundByTheHashOfItsSecretAndKeepsItsRevocation() {
        Organization acme = TestData.organization("Acme");
        String hash = sha256Hex(UUID.randomUUID().toString());
        ApiKey key = new ApiKey(acme.getId(), "CI pipeline", ApiKeyScope.USER, "arv_abcdefgh", hash, null);
        Database.persist(key);

        Database.inTransaction(em -> {
            Repositories.on(em, keys);
            keys.findBySecretHash(hash).orElseThrow().revoke(Instant.now());
        });

        Database.inTransaction(em -> {
            Repositories.on(em, keys);
            ApiKey found = keys.findBySecretHash(hash).orElseThrow();
            assertThat(found.getName()).isEqualTo("CI pipeline");
            assertThat(found.isRevoked()).isTrue();
        });
    }

    /**
     * The time a service stamps (its {@code Instant.now()} has nanoseconds) is the time a later read finds: what the
     * key's listing answers now, it answers tomorrow (PostgreSQL keeps microseconds).
     */
    @Test
    void aKeysLastUseReadsBackAsItWasAnswered() {
        Organization acme = TestData.organization("Acme");
        String hash = sha256Hex(UUID.randomUUID().toString());
        Database.persist(new ApiKey(acme.getId(), "CI pipeline", ApiKeyScope.USER, "arv_abcdefgh", hash, null));

        Instant answered = Database.result(em -> {
            ApiKey key = Repositories.on(em, keys).findBySecretHash(hash).orElseThrow();
            key.recordUse(Instant.parse("2026-03-01T10:15:30.123456789Z"));
            return key.getLastUsedAt();
        });

        Instant readBack = Database.result(em -> Repositories.on(em, keys).findBySecretHash(hash).orElseThrow().getLastUsedAt());
        assertThat(readBack).isEqualTo(answered);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
