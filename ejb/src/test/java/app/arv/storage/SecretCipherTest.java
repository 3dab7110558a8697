package app.arv.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private static final UUID ORG = UUID.randomUUID();
    private static final SecretOwner CONNECTION = SecretOwner.storageConnection(ORG, UUID.randomUUID());

    @TempDir
    Path dataDir;

    private final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey());

    @Test
    void aSecretDecryptsToItselfAndIsNotStoredInClear() {
        String sealed = cipher.seal("wJalrXUtnFEMI/K7MDENG", CONNECTION);

        assertThat(sealed).doesNotContain("wJalrXUtnFEMI");
        assertThat(cipher.open(sealed, CONNECTION)).isEqualTo("wJalrXUtnFEMI/K7MDENG");
    }

    @Test
    void aSecretMovedToAnotherOrganizationDoesNotDecrypt() {
        String sealed = cipher.seal("secret", CONNECTION);

        assertThatThrownBy(() -> cipher.open(sealed, SecretOwner.storageConnection(UUID.randomUUID(), CONNECTION.rowId())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStorageSecretDoesNotOpenAsAWebhookSecretOfTheSameRow() {
        String sealed = cipher.seal("secret", CONNECTION);

        assertThatThrownBy(() -> cipher.open(sealed, SecretOwner.webhook(ORG, CONNECTION.rowId())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWebhookSecretDoesNotOpenAsAStorageSecret() {
        UUID webhook = UUID.randomUUID();
        String sealed = cipher.seal("whsec_secret", SecretOwner.webhook(ORG, webhook));

        assertThatThrownBy(() -> cipher.open(sealed, SecretOwner.storageConnection(ORG, webhook)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneConnectionsSecretDoesNotOpenForAnotherConnectionOfTheSameOrganization() {
        String sealed = cipher.seal("secret", CONNECTION);

        assertThatThrownBy(() -> cipher.open(sealed, SecretOwner.storageConnection(ORG, UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneWebhooksSecretDoesNotOpenForAnotherWebhookOfTheSameOrganization() {
        String sealed = cipher.seal("whsec_secret", SecretOwner.webhook(ORG, UUID.randomUUID()));

        assertThatThrownBy(() -> cipher.open(sealed, SecretOwner.webhook(ORG, UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretSealedByTheOlderReleaseStillOpensAndIsSealedAnewForItsRow() {
        String legacy = cipher.encrypt("secret", ORG.toString()); // as releases before the row was bound in sealed it

        String resealed = cipher.resealed(legacy, CONNECTION).orElseThrow();

        assertThat(cipher.open(legacy, CONNECTION)).isEqualTo("secret");
        assertThat(cipher.isSealedFor(resealed, CONNECTION)).isTrue();
        assertThat(cipher.open(resealed, CONNECTION)).isEqualTo("secret");
        assertThat(cipher.isSealedFor(resealed, SecretOwner.webhook(ORG, CONNECTION.rowId()))).isFalse();
    }

    @Test
    void aSecretSealedForItsRowIsNotSealedAgain() {
        assertThat(cipher.resealed(cipher.seal("secret", CONNECTION), CONNECTION)).isEmpty();
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = new SecretCipher(SecretCipher.generateKey()).seal("secret", CONNECTION);

        assertThatThrownBy(() -> cipher.open(sealed, CONNECTION)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A stored secret cannot be decrypted with the configured key");
    }

    @Test
    void aGeneratedKeyIsKeptSoSecretsSurviveARestart() throws Exception {
        Path file = dataDir.resolve("storage-encryption.key");
        String sealed = SecretCipher.configuredOrKept(Optional.empty(), file).seal("secret", CONNECTION);

        assertThat(SecretCipher.configuredOrKept(Optional.of(" "), file).open(sealed, CONNECTION)).isEqualTo("secret");
    }
}
