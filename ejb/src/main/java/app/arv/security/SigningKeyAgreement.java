package app.arv.security;

import app.arv.platform.KeyAgreement;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** At deployment: this node signs tokens with the installation's one key ({@link KeyAgreement}), or does not start. */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SigningKeyAgreement {

    @Inject
    TokenService tokens;

    @Inject
    KeyAgreement agreement;

    @PostConstruct
    void check() {
        agreement.require("jwt-signing-key", "ARV_JWT_PRIVATE_KEY",
                "the other nodes would refuse the tokens this one issues, and this one theirs", tokens.keyFingerprint());
    }
}
