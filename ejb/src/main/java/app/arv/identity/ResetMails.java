package app.arv.identity;

import app.arv.mail.MailKind;
import app.arv.mail.MailRequest;
import app.arv.mail.Mails;
import app.arv.persistence.identity.Language;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background half of a password reset request ({@link PasswordResets#request}): for an active person in an
 * active organization, a token ({@link LinkToken}: only its hash is stored; their earlier ones stop working, see
 * {@link ResetLinks}) and the mail with its link, in one
 * transaction of its own; for any other address nothing. Asynchronous, so the request's answer neither waits for nor
 * reveals which it was.
 */
@Stateless
public class ResetMails {

    private static final Logger LOG = Logger.getLogger(ResetMails.class.getName());

    @Inject
    UserRepository users;

    @Inject
    Admission admission;

    @Inject
    ResetLinks links;

    @Inject
    Mails mails;

    @Inject
    @ConfigProperty(name = "arv.password-reset.ttl", defaultValue = "PT1H")
    Duration ttl;

    /**
     * @param language   the requester's language; the person's own ({@code PATCH /me}) wins when they chose one
     * @param publicBase where people reach ARV (no trailing slash): the link is {@code <it>/console/#/reset?token=…} */
    @Asynchronous
    public void issue(String email, Locale language, String publicBase) {
        try {
            // Locked like every password change (UserRepository.lockByEmail): two requests at once would otherwise each
            // spend the links committed before them, not each other's, and leave two links working.
            Optional<User> user = users.lockByEmail(email).filter(admission::admits);
            if (user.isEmpty()) {
                return;
            }
            LinkToken token = links.issue(user.get().getId(), ttl);
            Locale theirs = Language.ofTag(user.get().getLocale()).map(Language::locale).orElse(language);
            mails.queue(new MailRequest(user.get().getOrganizationId(), MailKind.PASSWORD_RESET, user.get().getEmail(), theirs,
                    Map.of("recipient", user.get().getEmail(), "link", publicBase + "/console/#/reset?token=" + token.raw(),
                            "minutes", String.valueOf(ttl.toMinutes()))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A password reset mail could not be queued", e);
            throw e;
        }
    }
}
