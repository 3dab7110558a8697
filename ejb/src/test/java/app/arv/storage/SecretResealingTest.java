package app.arv.storage;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.webhook.Webhook;
import app.arv.webhook.WebhookSecrets;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets that a release before their rows were bound in sealed (to their organization only), on real PostgreSQL and
 * without a server: they still open where they are used, and the pass a node makes at start-up seals them anew for
 * their rows — a storage connection's, a webhook's current and previous — and leaves the others as they are.
 */
class SecretResealingTest {

    private static final Instant NOW = Instant.now();

    @TempDir
    Path dataDir;
    private TestStores stores;
    private SecretCipher cipher;
    private Organization acme;

    @BeforeEach
    void anOrganization() {
        stores = new TestStores(dataDir);
        cipher = stores.beans(null).get(ObjectStores.class).cipher();
        acme = TestData.organization("Acme");
    }

    @Test
    void aConnectionSealedByTheOlderReleaseStillReachesItsStore() {
        StorageConnection connection = legacyConnection();

        StorageTarget target = stores.inTransaction(beans -> beans.get(ObjectStores.class).target(acme.getId(), connection.getId()));

        assertThat(target.connectionId()).isEqualTo(connection.getId());
    }

    @Test
    void aWebhookSecretSealedByTheOlderReleaseStillSigns() {
        Webhook webhook = legacyWebhook();

        String secret = stores.inTransaction(beans -> beans.get(WebhookSecrets.class)
                .decrypt(acme.getId(), webhook.getId(), webhook.getSecretCiphertext()));

        assertThat(secret).isEqualTo("whsec_current");
    }

    @Test
    void atStartUpAConnectionsSecretSealedByTheOlderReleaseIsSealedAnewForTheConnection() {
        StorageConnection connection = legacyConnection();

        stores.inTransaction(beans -> beans.get(SecretResealing.class).reseal(NOW));

        String sealed = read(em -> em.find(StorageConnection.class, connection.getId()).getSecretCiphertext());
        SecretOwner owner = SecretOwner.storageConnection(acme.getId(), connection.getId());
        assertThat(cipher.isSealedFor(sealed, owner)).isTrue();
        assertThat(cipher.open(sealed, owner)).isEqualTo("secret");
    }

    @Test
    void atStartUpAWebhooksCurrentAndPreviousSecretsSealedByTheOlderReleaseAreSealedAnewForTheWebhook() {
        Webhook webhook = legacyWebhook();

        stores.inTransaction(beans -> beans.get(SecretResealing.class).reseal(NOW));

        Webhook after = read(em -> em.find(Webhook.class, webhook.getId()));
        SecretOwner owner = SecretOwner.webhook(acme.getId(), webhook.getId());
        assertThat(cipher.isSealedFor(after.getSecretCiphertext(), owner)).isTrue();
        assertThat(cipher.open(after.getSecretCiphertext(), owner)).isEqualTo("whsec_current");
        assertThat(cipher.isSealedFor(after.previousSecretCiphertextAt(NOW), owner)).isTrue();
        assertThat(cipher.open(after.previousSecretCiphertextAt(NOW), owner)).isEqualTo("whsec_previous");
        assertThat(after.getSecretHint()).isEqualTo("…rent");
    }

    @Test
    void aSecretSealedForItsRowIsLeftAsItIs() {
        StorageConnection connection = stores.s3(acme.getId(), "bound " + UUID.randomUUID(), "http://127.0.0.1:9", "arv-media",
                "key", "secret");
        Database.persist(connection);

        stores.inTransaction(beans -> beans.get(SecretResealing.class).reseal(NOW));

        String sealed = read(em -> em.find(StorageConnection.class, connection.getId()).getSecretCiphertext());
        assertThat(sealed).isEqualTo(connection.getSecretCiphertext());
    }

    /** An S3 connection as the older release saved it: its secret bound to the organization only. */
    private StorageConnection legacyConnection() {
        StorageConnection connection = StorageConnection.s3(acme.getId(), "legacy " + UUID.randomUUID(), "http://127.0.0.1:9",
                "us-east-1", "arv-media", "key", cipher.encrypt("secret", acme.getId().toString()), null);
        Database.persist(connection);
        return connection;
    }

    /** A webhook as the older release kept it after a rotation: both secrets bound to the organization only. */
    private Webhook legacyWebhook() {
        Webhook webhook = new Webhook(UUID.randomUUID(), acme.getId(), "https://hooks.example.com/" + UUID.randomUUID(), null,
                true, Set.of(), cipher.encrypt("whsec_previous", acme.getId().toString()), "…ious", true, null);
        webhook.rotateSecret(cipher.encrypt("whsec_current", acme.getId().toString()), "…rent", NOW.plus(Duration.ofHours(1)));
        Database.persist(webhook);
        return webhook;
    }

    private static <T> T read(Function<EntityManager, T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        Database.inTransaction(em -> result.set(query.apply(em)));
        return result.get();
    }
}
