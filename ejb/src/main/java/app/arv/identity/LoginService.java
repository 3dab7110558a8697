package app.arv.identity;

import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * E-mail and password in, a new session out (a signed access token and a refresh token, see {@link Sessions}). Every way of failing answers alike and costs
 * alike (an unknown address is checked against a decoy hash of the same cost), so the endpoint
 * can't be used to discover accounts; failures are throttled by {@link LoginThrottle}.
 */
@Stateless
public class LoginService {

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    PasswordHasher passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    MetricRegistry metrics;

    @Inject
    Sessions sessions;

    /** @param device where the attempt comes from: its address for the per-address throttle, both for the new session */
    public SignIn login(String email, String password, Device device) {
        String clientAddress = device.clientAddress();
        Duration hold = throttle.hold(email, clientAddress);
        if (!hold.isZero()) {
            metrics.counter("arv_logins", new Tag("outcome", "throttled")).inc();
            throw DomainException.tooManyAttempts(hold);
        }
        Optional<User> found = users.findByEmail(email.strip());
        if (found.isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
            throw refused(email, clientAddress);
        }
        User user = found.get();
        if (!passwords.matches(password, user.getPasswordHash()) || !user.isActive()
                || !organizations.isActive(user.getOrganizationId())) {
            throw refused(email, clientAddress);
        }
        throttle.succeeded(email);
        user.recordLogin(Instant.now());
        metrics.counter("arv_logins", new Tag("outcome", "success")).inc();
        return sessions.open(user, device);
    }

    private DomainException refused(String email, String clientAddress) {
        throttle.failed(email, clientAddress);
        metrics.counter("arv_logins", new Tag("outcome", "refused")).inc();
        return DomainException.unauthenticated("invalid_credentials", "E-mail or password is wrong");
    }
}
