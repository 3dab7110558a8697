package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.identity.SingleSignOnRepository.PendingLogin;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SingleSignOnRepositoryTest extends TwoTenantsTest {

    private final SingleSignOnRepository sso = new SingleSignOnRepository();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private PendingLogin pending() {
        return new PendingLogin("state-" + UUID.randomUUID(), "google", "nonce", "verifier", "https://ar.example/cb", "a".repeat(64));
    }

    @Test
    void aPendingSignInIsTakenOnce() {
        PendingLogin login = pending();
        Database.inTransaction(em -> {
            sso.em = em;
            sso.savePending(login, Instant.now().plus(Duration.ofMinutes(10)));
        });

        Database.inTransaction(em -> {
            sso.em = em;
            assertThat(sso.takePending(login.state(), Instant.now())).contains(login);
            assertThat(sso.takePending(login.state(), Instant.now())).isEmpty();
        });
    }

    @Test
    void anExpiredPendingSignInIsNotTaken() {
        PendingLogin login = pending();
        Database.inTransaction(em -> {
            sso.em = em;
            sso.savePending(login, Instant.now().plus(Duration.ofMinutes(10)));
        });

        Database.inTransaction(em -> {
            sso.em = em;
            assertThat(sso.takePending(login.state(), Instant.now().plus(Duration.ofMinutes(11)))).isEmpty();
        });
    }

    @Test
    void aDomainIsFoundForTheOrganizationThatAllowedIt() {
        String domain = "acme-" + suffix + ".example";
        Database.inTransaction(em -> {
            sso.em = em;
            sso.replaceDomains(acme.getId(), List.of(domain));
        });

        Database.inTransaction(em -> {
            sso.em = em;
            assertThat(sso.organizationOfDomain(domain)).contains(acme.getId());
            assertThat(sso.heldElsewhere(globex.getId(), List.of(domain, "free-" + suffix + ".example"))).containsExactly(domain);
            assertThat(sso.heldElsewhere(acme.getId(), List.of(domain))).isEmpty();
        });
    }
}
