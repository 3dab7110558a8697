package app.arv.identity;

import app.arv.mail.MailKind;
import app.arv.mail.MailRequest;
import app.arv.mail.MailTemplates;
import app.arv.mail.Mails;
import app.arv.persistence.identity.PasswordResetToken;
import app.arv.persistence.identity.PasswordResetTokenRepository;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.printkit.PrintKitRules;
import app.arv.security.CredentialChanges;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "I forgot my password": {@link #request} mails a single-use link that expires ({@code ARV_PASSWORD_RESET_TTL});
 * {@link #confirm} sets the new password with the token the link carried. A request answers alike for every
 * address and does nearly the same work for each (a token is made and hashed, the mail rendered); only for an
 * active person in an active organization are the token and the mail stored. Requests are throttled per address
 * and per client like failed sign-ins ({@link LoginThrottle}).
 */
@Stateless
public class PasswordResets {

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    PasswordResetTokenRepository tokens;

    @Inject
    PasswordHasher passwords;

    @Inject
    CredentialChanges changes;

    @Inject
    LoginThrottle throttle;

    @Inject
    Mails mails;

    @Inject
    MailTemplates templates;

    @Inject
    PrintKitRules publicAddress;

    @Inject
    @ConfigProperty(name = "arv.password-reset.ttl", defaultValue = "PT1H")
    Duration ttl;

    /**
     * @param languages   the requester's languages in order of preference (Accept-Language), for the mail
     * @param requestBase the address the request came in by, for the link when ARV_PUBLIC_URL is not set
     */
    public void request(String email, String clientAddress, List<Locale> languages, String requestBase) {
        Duration hold = throttle.resetHold(email, clientAddress);
        if (!hold.isZero()) {
            throw DomainException.tooManyAttempts(hold);
        }
        throttle.resetRequested(email, clientAddress);
        ResetToken token = ResetToken.random();
        String link = publicAddress.publicUrl().orElse(requestBase) + "/console/#/reset?token=" + token.raw();
        Locale language = MailTemplates.languageFor(languages);
        Optional<User> user = users.findByEmail(email.strip()).filter(User::isActive)
                .filter(u -> organizations.find(u.getOrganizationId()).map(o -> o.isActive()).orElse(false));
        Map<String, String> values = Map.of("recipient", user.map(User::getEmail).orElse(email.strip()), "link", link,
                "minutes", String.valueOf(ttl.toMinutes()));
        if (user.isEmpty()) {
            // The same rendering a real mail costs, thrown away: the answer must not take less time for nobody.
            templates.render(MailKind.PASSWORD_RESET, language, values);
            return;
        }
        tokens.add(new PasswordResetToken(user.get().getId(), token.hash(), Instant.now(), ttl));
        mails.queue(new MailRequest(user.get().getOrganizationId(), MailKind.PASSWORD_RESET, user.get().getEmail(),
                language, values));
    }

    /**
     * Sets the password of the token's owner and spends the token (and every other unused one of theirs); their
     * cached credentials are dropped on every node. An unknown, used or expired token, or one whose owner is no
     * longer active, is refused alike.
     *
     * @param password already checked to fit {@link PasswordHasher#MAX_BYTES}
     */
    public void confirm(String rawToken, String password) {
        Instant now = Instant.now();
        PasswordResetToken token = tokens.findByHashForUpdate(ResetToken.hashOf(rawToken))
                .filter(t -> t.usableAt(now)).orElseThrow(PasswordResets::invalidToken);
        User user = users.findActive(token.getUserId()).orElseThrow(PasswordResets::invalidToken);
        user.changePasswordHash(passwords.hash(password));
        token.use(now);
        tokens.spendAllOf(user.getId(), now);
        changes.userChanged(user.getId());
    }

    private static DomainException invalidToken() {
        return DomainException.invalidToken("This reset link is unknown, used already or expired; ask for a new one");
    }
}
