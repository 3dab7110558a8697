package app.arv.identity;

import app.arv.mail.MailKind;
import app.arv.mail.MailRequest;
import app.arv.mail.Mails;
import app.arv.persistence.identity.PendingSignup;
import app.arv.persistence.identity.PendingSignupRepository;
import app.arv.persistence.identity.SingleUseToken;
import app.arv.persistence.identity.UserRepository;
import app.arv.security.PasswordHasher;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background half of a sign-up request ({@link Signups#request}): for an address without an account, the pending
 * sign-up (the password hashed here, so the answer never waits for bcrypt) and the verification mail, in one
 * transaction of its own; for an address with an account nothing — that person signs in, or resets their password.
 * Asynchronous, so the request's answer neither waits for nor reveals which it was.
 */
@Stateless
public class SignupMails {

    private static final Logger LOG = Logger.getLogger(SignupMails.class.getName());

    @Inject
    UserRepository users;

    @Inject
    PendingSignupRepository pending;

    @Inject
    PasswordHasher passwords;

    @Inject
    Mails mails;

    @Inject
    SignupSettings settings;

    /** @param publicBase where people reach ARV (no trailing slash): the link is {@code <it>/console/#/signup/verify?token=…} */
    @Asynchronous
    public void issue(Requested request, String publicBase) {
        try {
            if (users.emailTaken(request.email())) {
                return;
            }
            LinkToken token = LinkToken.random();
            pending.add(new PendingSignup(request.organizationName(), request.email(), request.name(), passwords.hash(request.password()),
                    request.language().getLanguage(), new SingleUseToken(token.hash(), Instant.now(), settings.ttl())));
            mails.queue(new MailRequest(null, MailKind.SIGNUP_VERIFICATION, request.email(), request.language(),
                    Map.of("recipient", request.email(), "organization", request.organizationName(),
                            "link", publicBase + "/console/#/signup/verify?token=" + token.raw(),
                            "hours", String.valueOf(settings.ttl().toHours()))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A sign-up verification mail could not be queued", e);
            throw e;
        }
    }

    /** What someone signed up with; the password is only held until it is hashed. */
    public record Requested(String organizationName, String email, String name, String password, Locale language) {

        @Override
        public String toString() {
            return "Requested[organization=" + organizationName + ", email=" + email + "]";
        }
    }
}
