package app.arv.identity;

import app.arv.persistence.identity.UserSessionRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.platform.ClusterRound;
import app.arv.security.SessionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Every hour, sessions that have ended (revoked, past their lifetime, idle too long) are deleted with their refresh
 * tokens. A token of a deleted session is simply unknown.
 */
@ApplicationScoped
public class SessionCleanup implements ClusterRound {

    @Inject
    UserSessionRepository sessions;

    @Inject
    SessionRules rules;

    @Override
    public ClusterLock lock() {
        return ClusterLock.SESSION_CLEANUP;
    }

    @Override
    public Optional<Duration> interval() {
        return Optional.of(HOURLY);
    }

    @Override
    public Optional<String> run(Instant now) {
        return ClusterRound.removed(sessions.removeEndedBefore(now, rules.idleTimeout()), "ended sessions");
    }
}
