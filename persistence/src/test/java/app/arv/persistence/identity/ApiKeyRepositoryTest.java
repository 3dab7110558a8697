package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.organization.Organization;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyRepositoryTest {

    private final ApiKeyRepository keys = new ApiKeyRepository();

    @Test
    void aKeyIsFoundByTheHashOfItsSecretAndKeepsItsRevocation() {
        Organization acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        String hash = "%064x".formatted(new java.math.BigInteger(1, UUID.randomUUID().toString().getBytes()));
        ApiKey key = new ApiKey(acme.getId(), "CI pipeline", ApiKeyScope.USER, "arv_abcdefgh", hash.substring(0, 64), null);
        Database.inTransaction(em -> {
            em.persist(acme);
            em.persist(key);
        });

        Database.inTransaction(em -> {
            keys.em = em;
            keys.findBySecretHash(hash.substring(0, 64)).orElseThrow().revoke(Instant.now());
        });

        Database.inTransaction(em -> {
            keys.em = em;
            ApiKey found = keys.findBySecretHash(hash.substring(0, 64)).orElseThrow();
            assertThat(found.getName()).isEqualTo("CI pipeline");
            assertThat(found.isRevoked()).isTrue();
        });
    }
}
