package app.arv.platform;

import app.arv.persistence.shared.InstallationKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * Makes sure every node of an installation holds the same key where the nodes must share one (the JWT signing key,
 * the storage encryption key). Without a configured key each node makes its own and keeps it in its data directory:
 * two nodes with their own directories (two pods) would each refuse the other's tokens, or fail to read the secrets
 * the other encrypted — noticed only later, by users. The first node records the key's fingerprint (never the key);
 * a node with another key refuses to start, saying how to fix it.
 */
@ApplicationScoped
public class KeyAgreement {

    @Inject
    InstallationKeys keys;

    /**
     * @param name        the key's name in the installation's record
     * @param setting     the setting that gives every node the same key
     * @param consequence what would go wrong with two keys, for the message
     * @param fingerprint this node's key's fingerprint (not revealing the key)
     * @throws IllegalStateException when another key is recorded: the deployment stops
     */
    public void require(String name, String setting, String consequence, String fingerprint) {
        String recorded = keys.agree(name, fingerprint, Instant.now());
        if (!recorded.equals(fingerprint)) {
            throw new IllegalStateException("This node's " + name + " is not the one the installation uses (fingerprint "
                    + abbreviated(recorded) + ", this node's " + abbreviated(fingerprint) + "): " + consequence
                    + ". Give every node the same " + setting + " (or one shared ARV_DATA_DIR). To replace the key on purpose,"
                    + " stop every node and delete the recorded one: DELETE FROM installation_key WHERE name = '" + name + "'");
        }
    }

    private static String abbreviated(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "…" : fingerprint;
    }
}
