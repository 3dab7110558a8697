package app.arv.persistence.identity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an organization's claim to an e-mail domain for single sign-on stands (V28): only an approved claim admits
 * anybody, and a platform admin decides. The column holds the constant in lower case.
 */
public enum DomainClaimState {
    /** Claimed by the organization, not yet decided: admits nobody, blocks nobody else's claim. */
    PENDING,
    /** Approved by a platform admin: admits the domain's verified addresses; no other organization's may be approved. */
    APPROVED,
    /** Refused by a platform admin: admits nobody; the organization may drop it and claim it again. */
    REFUSED;

    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DomainClaimState ofColumn(String value) {
        return Arrays.stream(values()).filter(s -> s.column().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown domain claim state " + value));
    }
}
