package app.arv.platform;

import app.arv.ServiceBeans;
import app.arv.persistence.Database;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Nodes of one installation on one key, as two nodes would start against one real PostgreSQL. */
class KeyAgreementTest {

    private final String key = "test-key-" + UUID.randomUUID();

    private void start(String fingerprint) {
        Database.inTransaction(em -> new ServiceBeans(em).get(KeyAgreement.class)
                .require(key, "ARV_TEST_KEY", "the nodes would disagree", fingerprint));
    }

    @Test
    void nodesWithTheSameKeyAllStart() {
        start("0123456789abcdef0123");

        assertThatCode(() -> start("0123456789abcdef0123")).doesNotThrowAnyException();
    }

    @Test
    void aNodeWithAnotherKeyRefusesToStartSayingWhichSettingToShareAndHowToReplaceTheKey() {
        start("0123456789abcdef0123");

        assertThatIllegalStateException().isThrownBy(() -> start("fedcba9876543210fedc"))
                .withMessageContaining("ARV_TEST_KEY")
                .withMessageContaining("0123456789ab…").withMessageContaining("fedcba987654…")
                .withMessageContaining("DELETE FROM installation_key WHERE name = '" + key + "'");
    }
}
