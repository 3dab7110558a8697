package app.arv.mail;

import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.platform.PublicAddress;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * "Send me a test mail": an org admin checks that ARV's mail reaches people, without inviting anyone. The mail
 * only ever goes to the caller's own address, so it cannot be turned on others; it is queued like every mail (the
 * answer does not wait for the SMTP server) and arrives in the caller's language.
 */
@Stateless
public class TestMails {

    /** Public: the container's proxy of this bean must see every type its business methods return. */
    public record Queued(UUID id, String recipient, Locale language) {
    }

    @Inject
    Mails mails;

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    PublicAddress publicAddress;

    /**
     * @param languages   the caller's languages in order of preference (the request's Accept-Language)
     * @param requestBase the address the request came in by, for the console link when ARV_PUBLIC_URL is not set
     */
    public Queued sendToMyself(Caller caller, List<Locale> languages, String requestBase) {
        if (caller.isApiKey()) {
            throw DomainException.forbidden("An API key has no mailbox: sign in as a person to send yourself a test mail");
        }
        User user = users.find(caller.organizationId(), caller.userId()).orElseThrow(() -> DomainException.notFound("User"));
        Organization organization = organizations.find(caller.organizationId())
                .orElseThrow(() -> DomainException.notFound("Organization"));
        Locale language = MailTemplates.languageFor(languages);
        String consoleUrl = publicAddress.or(requestBase) + "/console/";
        UUID id = mails.queue(new MailRequest(organization.getId(), MailKind.TEST_MAIL, user.getEmail(), language,
                Map.of("recipient", user.getEmail(), "organization", organization.getName(), "consoleUrl", consoleUrl)));
        return new Queued(id, user.getEmail(), language);
    }
}
