package app.arv.persistence.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization's claim to an e-mail domain for single sign-on (a row of {@code organization_sso_domain}).
 *
 * @param claimedBy who claimed it (an address or a key's name); {@code null} for a domain stored before claims (V28)
 * @param decidedBy the platform admin who approved or refused it; {@code null} while pending and for a domain stored
 *                  before claims
 */
public record DomainClaim(UUID organizationId, String organizationName, String domain, DomainClaimState state, Instant claimedAt,
        String claimedBy, Instant decidedAt, String decidedBy) {
}
