package app.arv.storage;

import app.arv.platform.KeyAgreement;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** At deployment: this node encrypts storage secrets with the installation's one key ({@link KeyAgreement}), or does not start. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class EncryptionKeyAgreement {

    @Inject
    ObjectStores stores;

    @Inject
    KeyAgreement agreement;

    @PostConstruct
    void check() {
        agreement.require("storage-encryption-key", "ARV_STORAGE_ENCRYPTION_KEY",
                "the S3 secrets and webhook secrets another node encrypted could not be read here, nor this node's there",
                stores.cipher().fingerprint());
    }
}
