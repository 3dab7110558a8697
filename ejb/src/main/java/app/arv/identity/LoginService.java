package app.arv.identity;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.platform.ApplicationMetric;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import app.arv.shared.WireName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Optional;

/**
 * E-mail and password in, a new session out (a signed access token and a refresh token, see {@link Sessions}). Every way of failing answers alike and costs
 * alike (an unknown address is checked against a decoy hash of the same cost), so the endpoint
 * can't be used to discover accounts; failures are throttled by {@link LoginThrottle}.
 *
 * <p>The audit log of the account's organization gets every sign-in and every refused one of a known address, with
 * the client's address; refusals of unknown addresses belong to no organization and are only counted (metrics). A
 * throttled attempt is refused unread and unrecorded: the failure that began the hold is recorded with its length, so
 * a flood of attempts writes no more entries than the throttle lets failures through.
 */
@Stateless
public class LoginService {

    @Inject
    UserRepository users;

    @Inject
    Admission admission;

    @Inject
    PasswordHasher passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    MetricRegistry metrics;

    @Inject
    Sessions sessions;

    @Inject
    AuditTrail audit;

    /** @param device where the attempt comes from: its address for the per-address throttle, both for the new session */
    public SignIn login(String email, String password, Device device) {
        String clientAddress = device.clientAddress();
        // The hold is read inside the check: the failure of the check before this one has been counted by then.
        User user = throttle.checkAlone(email, () -> {
            Duration hold = throttle.hold(email, clientAddress);
            if (!hold.isZero()) {
                ApplicationMetric.LOGINS.counter(metrics, new Tag("outcome", "throttled")).inc();
                throw DomainException.tooManyAttempts(hold);
            }
            // Row-locked: a password change waits for this sign-in to commit, and then ends its session too.
            Optional<User> found = users.lockByEmail(email.strip());
            if (found.isEmpty()) {
                passwords.spendTimeOfOneCheck(password);
                throw refused(email, clientAddress, null, null);
            }
            if (!passwords.matches(password, found.get().getPasswordHash())) {
                throw refused(email, clientAddress, found.get(), "wrong_password");
            }
            return found.get();
        });
        Optional<Admission.Refusal> refusal = admission.refusalOf(user);
        if (refusal.isPresent()) {
            throw refused(email, clientAddress, user, WireName.of(refusal.get()));
        }
        throttle.succeeded(email);
        if (passwords.isOfAnotherCost(user.getPasswordHash())) {
            // Hashes keep the cost they were made at; this brings a raised ARV_PASSWORD_BCRYPT_COST to every person who
            // signs in, so that checking a known address costs what checking the decoy of an unknown one costs.
            user.rehashPassword(passwords.hash(password));
        }
        ApplicationMetric.LOGINS.counter(metrics, new Tag("outcome", "success")).inc();
        return sessions.signInRecorded(user, device, AuditDetails.with("method", "password"));
    }

    /** @param user the account of the address, {@code null} when there is none; {@code reason} then too */
    private DomainException refused(String email, String clientAddress, User user, String reason) {
        Duration hold = throttle.failed(email, clientAddress);
        ApplicationMetric.LOGINS.counter(metrics, new Tag("outcome", "refused")).inc();
        if (user != null) {
            // Apart: this transaction rolls back with the refusal, the entry must stay.
            audit.recordApart(user.getOrganizationId(), Actor.anonymous(email.strip()), AuditAction.SIGN_IN_FAILED, user.getId(),
                    AuditDetails.with("reason", reason).and("held_for_seconds", hold.isZero() ? null : hold.toSeconds()),
                    audit.origin());
        }
        return DomainException.unauthenticated("invalid_credentials", "E-mail or password is wrong");
    }
}
