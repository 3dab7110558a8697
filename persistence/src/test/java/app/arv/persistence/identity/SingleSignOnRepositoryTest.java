package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.identity.SingleSignOnRepository.PendingLogin;
import app.arv.persistence.shared.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SingleSignOnRepositoryTest extends TwoTenantsTest {

    private final SingleSignOnRepository sso = new SingleSignOnRepository();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    /** {@code work} on the repository in one committed transaction, as a service's call would run it. */
    private void inTransaction(Consumer<SingleSignOnRepository> work) {
        Database.inTransaction(em -> {
            sso.em = em;
            work.accept(sso);
        });
    }

    private PendingLogin pending() {
        return new PendingLogin("state-" + UUID.randomUUID(), "google", "nonce", "verifier", "https://ar.example/cb", "a".repeat(64));
    }

    @Test
    void aPendingSignInIsTakenOnce() {
        PendingLogin login = pending();
        inTransaction(sso -> sso.savePending(login, Instant.now().plus(Duration.ofMinutes(10))));

        inTransaction(sso -> {
            assertThat(sso.takePending(login.state(), Instant.now())).contains(login);
            assertThat(sso.takePending(login.state(), Instant.now())).isEmpty();
        });
    }

    @Test
    void anExpiredPendingSignInIsNotTaken() {
        PendingLogin login = pending();
        inTransaction(sso -> sso.savePending(login, Instant.now().plus(Duration.ofMinutes(10))));

        inTransaction(sso -> assertThat(sso.takePending(login.state(), Instant.now().plus(Duration.ofMinutes(11)))).isEmpty());
    }

    @Test
    void aClaimedDomainIsPendingAndFindsNoOrganization() {
        String domain = "acme-" + suffix + ".example";

        inTransaction(sso -> sso.replaceDomains(acme.getId(), List.of(domain), "admin@acme.example"));

        inTransaction(sso -> {
            assertThat(sso.claimsOf(acme.getId())).singleElement().satisfies(claim -> {
                assertThat(claim.state()).isEqualTo(DomainClaimState.PENDING);
                assertThat(claim.claimedBy()).isEqualTo("admin@acme.example");
                assertThat(claim.claimedAt()).isNotNull();
                assertThat(claim.decidedAt()).isNull();
            });
            assertThat(sso.organizationOfDomain(domain)).isEmpty();
        });
    }

    @Test
    void anApprovedDomainIsFoundForItsOrganizationAndHeldAgainstOthers() {
        String domain = "acme-" + suffix + ".example";
        inTransaction(sso -> {
            sso.replaceDomains(acme.getId(), List.of(domain), "admin@acme.example");
            sso.decide(acme.getId(), domain, DomainClaimState.APPROVED, "root@arv.example", Instant.now());
        });

        inTransaction(sso -> {
            assertThat(sso.organizationOfDomain(domain)).contains(acme.getId());
            assertThat(sso.heldElsewhere(globex.getId(), List.of(domain, "free-" + suffix + ".example"))).containsExactly(domain);
            assertThat(sso.heldElsewhere(acme.getId(), List.of(domain))).isEmpty();
        });
    }

    @Test
    void twoOrganizationsMayHoldPendingClaimsToOneDomain() {
        String domain = "shared-" + suffix + ".example";

        inTransaction(sso -> {
            sso.replaceDomains(acme.getId(), List.of(domain), "admin@acme.example");
            sso.replaceDomains(globex.getId(), List.of(domain), "admin@globex.example");
        });

        inTransaction(sso -> {
            assertThat(sso.claim(acme.getId(), domain)).map(DomainClaim::state).contains(DomainClaimState.PENDING);
            assertThat(sso.claim(globex.getId(), domain)).map(DomainClaim::state).contains(DomainClaimState.PENDING);
            assertThat(sso.heldElsewhere(globex.getId(), List.of(domain))).isEmpty();
        });
    }

    @Test
    void aDomainKeptInTheListKeepsItsStateAndADroppedOneIsGone() {
        String kept = "kept-" + suffix + ".example";
        String dropped = "dropped-" + suffix + ".example";
        inTransaction(sso -> {
            sso.replaceDomains(acme.getId(), List.of(kept, dropped), "admin@acme.example");
            sso.decide(acme.getId(), kept, DomainClaimState.APPROVED, "root@arv.example", Instant.now());
        });

        inTransaction(sso -> sso.replaceDomains(acme.getId(), List.of(kept), "other@acme.example"));

        inTransaction(sso -> {
            assertThat(sso.claimsOf(acme.getId())).singleElement().satisfies(claim -> {
                assertThat(claim.domain()).isEqualTo(kept);
                assertThat(claim.state()).isEqualTo(DomainClaimState.APPROVED);
                assertThat(claim.claimedBy()).isEqualTo("admin@acme.example");
                assertThat(claim.decidedBy()).isEqualTo("root@arv.example");
            });
        });
    }

    @Test
    void pendingClaimsAreListedWithTheirOrganization() {
        String domain = "listed-" + suffix + ".example";
        inTransaction(sso -> sso.replaceDomains(acme.getId(), List.of(domain), "admin@acme.example"));

        inTransaction(sso -> {
            assertThat(sso.claims(DomainClaimState.PENDING, new PageRequest(200, 0)).items())
                    .filteredOn(claim -> claim.domain().equals(domain))
                    .singleElement().satisfies(claim -> {
                        assertThat(claim.organizationId()).isEqualTo(acme.getId());
                        assertThat(claim.organizationName()).isEqualTo(acme.getName());
                    });
            assertThat(sso.claims(DomainClaimState.APPROVED, new PageRequest(200, 0)).items())
                    .noneMatch(claim -> claim.domain().equals(domain));
        });
    }
}
