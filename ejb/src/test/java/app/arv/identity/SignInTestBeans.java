package app.arv.identity;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.events.AfterCommit;
import app.arv.events.NothingAfterCommit;
import app.arv.notification.RecordedOccurrences;
import app.arv.security.PasswordHasher;
import app.arv.security.SessionRules;
import app.arv.security.TestTokens;
import app.arv.security.TokenService;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The identity services as the container builds them, for tests of sign-in and of what ends its sessions: real
 * tokens and sessions on the test's database; Redis absent (the throttle lets every attempt through), and what is
 * announced to other nodes after a commit left to the HTTP tests.
 */
final class SignInTestBeans {

    private final TokenService tokens;
    private final PasswordHasher hasher;

    /** @param dataDir where the token signing key is kept */
    SignInTestBeans(Path dataDir, PasswordHasher hasher) {
        this.tokens = TestTokens.service(dataDir);
        this.hasher = hasher;
    }

    ServiceBeans on(EntityManager em) {
        return new ServiceBeans(em).with(PasswordHasher.class, hasher).with(TokenService.class, tokens)
                .with(SessionRules.class, new SessionRules(Duration.ofDays(30), Duration.ofDays(7)))
                .with(MetricRegistry.class, new CountedMetrics().registry())
                .with(Event.class, new RecordedOccurrences())
                .with(AfterCommit.class, new NothingAfterCommit());
    }
}
