package app.arv.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void aSecretDecryptsToItselfAndIsNotStoredInClear() {
        SecretCipher cipher = new SecretCipher(SecretCipher.generateKey());

        String sealed = cipher.encrypt("wJalrXUtnFEMI/K7MDENG", "org-1");

        assertThat(sealed).doesNotContain("wJalrXUtnFEMI");
        assertThat(cipher.decrypt(sealed, "org-1")).isEqualTo("wJalrXUtnFEMI/K7MDENG");
    }

    @Test
    void aSecretMovedToAnotherOrganizationDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher(SecretCipher.generateKey());
        String sealed = cipher.encrypt("secret", "org-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "org-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyCannotDecrypt() {
        String sealed = new SecretCipher(SecretCipher.generateKey()).encrypt("secret", "org-1");

        assertThatThrownBy(() -> new SecretCipher(SecretCipher.generateKey()).decrypt(sealed, "org-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aGeneratedKeyIsKeptSoSecretsSurviveARestart() throws Exception {
        Path file = dataDir.resolve("storage-encryption.key");
        String sealed = SecretCipher.loadOrCreate(file).encrypt("secret", "org-1");

        assertThat(SecretCipher.loadOrCreate(file).decrypt(sealed, "org-1")).isEqualTo("secret");
    }
}
