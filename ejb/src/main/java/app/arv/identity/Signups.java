package app.arv.identity;

import app.arv.identity.LoginThrottle.Request;
import app.arv.mail.MailTemplates;
import app.arv.organization.OrganizationService;
import app.arv.persistence.identity.PendingSignup;
import app.arv.persistence.identity.PendingSignupRepository;
import app.arv.persistence.identity.User;
import app.arv.platform.PublicAddress;
import app.arv.security.PasswordPolicy;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Self-service sign-up of a new organization, only when the operator turned it on ({@link SignupSettings}; otherwise
 * every step answers 404 {@code signup_disabled} and stores nothing). {@link #request} checks the password, is
 * throttled per address and per client like password reset requests, and is then answered at once, the same way for
 * every address: the pending sign-up (password hashed) and its verification mail are stored in the background
 * ({@link SignupMails}), and an address that already has an account gets nothing. {@link #verify} spends the mailed
 * link, opens the organization through {@link OrganizationService} (as an operator would) with the person as its
 * first admin, and signs them in.
 */
@Stateless
public class Signups {

    @Inject
    SignupSettings settings;

    @Inject
    PendingSignupRepository pending;

    @Inject
    OrganizationService organizations;

    @Inject
    PasswordPolicy policy;

    @Inject
    LoginThrottle throttle;

    @Inject
    SignupMails signupMails;

    @Inject
    Sessions sessions;

    @Inject
    PublicAddress publicAddress;

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * @param languages   the requester's languages in order of preference (Accept-Language), for the mail and the account
     * @param requestBase the address the request came in by, for the link when ARV_PUBLIC_URL is not set and it is a loopback address
     */
    public void request(String organizationName, String email, String name, String password, String clientAddress,
            List<Locale> languages, String requestBase) {
        requireEnabled();
        throttle.admit(Request.SIGNUP, email, clientAddress);
        policy.check(password, email);
        signupMails.issue(new SignupMails.Requested(organizationName.strip(), email.strip(), name.strip(), password,
                MailTemplates.languageFor(languages)), publicAddress.forAnonymousRequest(requestBase));
    }

    /**
     * Opens the organization of a verified sign-up with its first admin and signs them in. An unknown, used or expired
     * link is refused and creates nothing; so is one whose address got an account meanwhile (409 {@code email_taken}).
     */
    public SignIn verify(String rawToken, Device device) {
        requireEnabled();
        Instant now = Instant.now();
        PendingSignup signup = pending.findByHashForUpdate(LinkToken.hashOf(rawToken)).filter(s -> s.usableAt(now))
                .orElseThrow(() -> DomainException.invalidToken("This sign-up link is unknown, used already or expired; sign up again"));
        User admin = organizations.openSignedUp(signup.getOrganizationName(), signup.getEmail(), signup.getPasswordHash());
        admin.setDisplayName(signup.getDisplayName());
        admin.setLocale(signup.getLocale());
        signup.use(now);
        return sessions.signIn(admin, device);
    }

    /** Throws 404 signup_disabled while self-service sign-up is off (ARV_SIGNUP_ENABLED). */
    public void requireEnabled() {
        if (!settings.enabled()) {
            throw DomainException.signupDisabled();
        }
    }
}
