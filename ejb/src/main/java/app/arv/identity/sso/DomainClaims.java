package app.arv.identity.sso;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.DomainClaim;
import app.arv.persistence.identity.DomainClaimState;
import app.arv.persistence.identity.SingleSignOnRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Organizations' claims to e-mail domains for single sign-on. An organization admin claims a domain by naming it, which
 * proves nothing (anybody may sign up an organization and name bigcorp.com), so a claim admits nobody until a platform
 * admin — the operator of the installation, who can check ownership outside ARV — approves it. Pending claims of
 * several organizations to one domain may coexist; an approved one keeps every other from being claimed or approved.
 * Public mail services' domains cannot be claimed at all.
 */
@Stateless
public class DomainClaims {

    @Inject
    SingleSignOnRepository sso;

    @Inject
    AuditTrail audit;

    /** The claims of the caller's organization, by domain. */
    public List<DomainClaim> claims(Caller caller) {
        return sso.claimsOf(caller.organizationId());
    }

    /**
     * The caller's organization claims these domains: claims of domains not listed are dropped, those listed before
     * keep their state (a refused one stays refused until dropped and claimed again), new ones are pending.
     *
     * @throws DomainException {@code invalid_domain} (422), {@code public_mail_domain} (422) for a public mail service's
     *                         domain, {@code domain_taken} (409) when another organization's claim to one was approved;
     *                         nothing is changed then
     */
    public List<DomainClaim> replace(Caller caller, List<String> domains) {
        List<String> normalised = new ArrayList<>();
        for (String domain : domains) {
            String d = EmailDomains.normalise(domain)
                    .orElseThrow(() -> DomainException.invalid("invalid_domain", "Not a domain name: " + domain));
            if (EmailDomains.isPublicMail(d)) {
                throw DomainException.invalid("public_mail_domain",
                        "A public mail service's domain admits anybody and cannot be claimed: " + d);
            }
            if (!normalised.contains(d)) {
                normalised.add(d);
            }
        }
        List<String> taken = sso.heldElsewhere(caller.organizationId(), normalised);
        if (!taken.isEmpty()) {
            throw DomainException.conflict("domain_taken", "Already approved for another organization: " + String.join(", ", taken));
        }
        List<String> before = sso.domainsOf(caller.organizationId());
        sso.replaceDomains(caller.organizationId(), normalised, Actor.of(caller).label());
        List<String> after = sso.domainsOf(caller.organizationId());
        if (!Set.copyOf(before).equals(Set.copyOf(after))) {
            audit.record(caller, AuditAction.SSO_DOMAIN_CHANGED, caller.organizationId(),
                    AuditDetails.with("domains", after).and("domains_before", before));
        }
        return sso.claimsOf(caller.organizationId());
    }

    /** Every organization's claims in this state, oldest first (platform admins). */
    public Page<DomainClaim> claims(DomainClaimState state, PageRequest page) {
        return sso.claims(state, page);
    }

    /**
     * A platform admin approves or refuses an organization's claim (again: a refused claim may be approved later, and an
     * approved one refused, which stops it admitting anybody). Recorded in that organization's audit log.
     *
     * @throws DomainException {@code not_found} (404) when the organization has no claim to the domain,
     *                         {@code domain_taken} (409) approving a domain another organization's approved claim holds
     */
    public DomainClaim decide(Caller caller, UUID organizationId, String domain, DomainClaimState decision) {
        String d = EmailDomains.normalise(domain).orElseThrow(() -> DomainException.notFound("Domain claim"));
        sso.lockDomain(d);
        DomainClaim claim = sso.claim(organizationId, d).orElseThrow(() -> DomainException.notFound("Domain claim"));
        if (claim.state() == decision) {
            return claim;
        }
        if (decision == DomainClaimState.APPROVED && !sso.heldElsewhere(organizationId, List.of(d)).isEmpty()) {
            throw DomainException.conflict("domain_taken", "Already approved for another organization: " + d);
        }
        sso.decide(organizationId, d, decision, Actor.of(caller).label(), Instant.now());
        audit.record(organizationId, Actor.of(caller), AuditAction.SSO_DOMAIN_CHANGED, organizationId,
                AuditDetails.with("domain", d).and("state", decision).and("state_before", claim.state()));
        return sso.claim(organizationId, d).orElseThrow();
    }
}
