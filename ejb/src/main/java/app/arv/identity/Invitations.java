package app.arv.identity;

import app.arv.audit.Actor;
import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.identity.LoginThrottle.Request;
import app.arv.mail.MailKind;
import app.arv.mail.MailRequest;
import app.arv.mail.Mails;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.Invitation;
import app.arv.persistence.identity.Invitation.Status;
import app.arv.persistence.identity.InvitationRepository;
import app.arv.persistence.identity.Language;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.SingleUseToken;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.platform.PublicAddress;
import app.arv.security.AccountAddresses;
import app.arv.security.Caller;
import app.arv.security.ChosenPasswords;
import app.arv.shared.DomainException;
import app.arv.shared.WireName;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations: an org admin invites an e-mail address with a role ({@link #invite}); the mail's single-use link
 * ({@link LinkToken}, only its hash stored) works for {@code ARV_INVITATION_TTL} and lets the person choose a password
 * ({@link #accept}), which creates them in the inviting organization and signs them in. Admins list, resend (a new link;
 * the old one dies) and revoke invitations. Addresses are unique installation-wide, so an address that already has an
 * account cannot be invited; an address has at most one open invitation per organization (a second invite while one
 * is pending is a conflict; an expired one is replaced). Inviting and accepting hold the address's lock
 * ({@link AccountAddresses#claim}), so two at once cannot both pass those checks.
 */
@Stateless
public class Invitations {

    @Inject
    AuditTrail audit;

    @Inject
    InvitationRepository invitations;

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    Mails mails;

    @Inject
    InvitationRules rules;

    @Inject
    ChosenPasswords passwords;

    @Inject
    Sessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    PublicAddress publicAddress;

    @Inject
    AccountAddresses addresses;

    /**
     * @param languages   the languages of the mail in order of preference: the inviter's choice, else their request's
     *                    (Accept-Language); the first ARV speaks is taken, English when it speaks none
     * @param requestBase the address the request came in by, for the link when ARV_PUBLIC_URL is not set and it is a
     *                    loopback address ({@link PublicAddress#forAnonymousRequest}: its Host is the requester's to write)
     * @throws DomainException 503 {@code public_address_unset} otherwise; nothing is created
     */
    public Invitation invite(Caller caller, String email, Role role, String name, List<Locale> languages, String requestBase) {
        String base = publicAddress.forAnonymousRequest(requestBase);
        String address = email.strip();
        addresses.claim(address);
        Instant now = Instant.now();
        Optional<Invitation> open = invitations.findOpen(caller.organizationId(), address);
        if (open.isPresent() && open.get().statusAt(now) == Status.PENDING) {
            throw pending();
        }
        open.ifPresent(invitations::removeNow);
        LinkToken token = LinkToken.random();
        Invitation invitation = new Invitation(caller.organizationId(), address, role, name,
                Language.firstSpokenOf(languages).tag(), caller.userId(), new SingleUseToken(token.hash(), now, rules.ttl()));
        try {
            invitations.addNow(invitation);
        } catch (PersistenceException e) {
            // The unique index of open invitations: only reachable if the address lock were bypassed; still a conflict.
            throw pending();
        }
        send(invitation, token, caller, base);
        audit.record(caller, AuditAction.USER_INVITED, null, invited(invitation));
        return invitation;
    }

    public Page<Invitation> list(Caller caller, PageRequest page) {
        return invitations.list(caller.organizationId(), page);
    }

    public Invitation get(Caller caller, UUID id) {
        return invitations.find(caller.organizationId(), id).orElseThrow(Invitations::notFound);
    }

    /**
     * A new link, valid for a new {@code ARV_INVITATION_TTL}; the previous link stops working. Pending or expired only.
     *
     * @param requestBase as for {@link #invite}
     */
    public Invitation resend(Caller caller, UUID id, String requestBase) {
        String base = publicAddress.forAnonymousRequest(requestBase);
        Invitation invitation = invitations.lock(caller.organizationId(), id).orElseThrow(Invitations::notFound);
        if (!invitation.isOpen()) {
            throw closed(invitation);
        }
        LinkToken token = LinkToken.random();
        invitation.reissue(token.hash(), Instant.now(), rules.ttl());
        send(invitation, token, caller, base);
        audit.record(caller, AuditAction.USER_INVITED, null, invited(invitation).and("resent", true));
        return invitation;
    }

    /** Its link stops working; revoking a revoked invitation changes nothing, an accepted one cannot be revoked. */
    public void revoke(Caller caller, UUID id) {
        Invitation invitation = invitations.lock(caller.organizationId(), id).orElseThrow(Invitations::notFound);
        if (invitation.getAcceptedAt() != null) {
            throw closed(invitation);
        }
        if (invitation.getRevokedAt() == null) {
            invitation.revoke(Instant.now());
            audit.record(caller, AuditAction.USER_INVITATION_REVOKED, null, invited(invitation));
        }
    }

    /** What the accept page shows of a pending invitation: the organization and the invited address, nothing more. */
    public Preview preview(String rawToken) {
        Invitation invitation = usable(rawToken, Instant.now());
        return new Preview(organizationOf(invitation).getName(), invitation.getEmail());
    }

    /**
     * Creates the invited person in the inviting organization with the invitation's role and this password (if it meets
     * the password rules, {@link ChosenPasswords}), spends the link and signs them in. An unknown, used, revoked or expired link, or one of a
     * deactivated organization, is refused alike and creates nothing. Throttled per link and per client like password
     * reset requests.
     *
     * @param name the person's display name; the one the admin gave, when none
     */
    public SignIn accept(String rawToken, String password, String name, Device device) {
        throttle.admit(Request.INVITATION, rawToken, device.clientAddress());
        Instant now = Instant.now();
        Invitation invitation = usable(rawToken, now);
        addresses.claim(invitation.getEmail(), "A user with this e-mail address exists already; sign in instead");
        User user = users.add(new User(invitation.getOrganizationId(), invitation.getEmail(),
                passwords.hashOf(password, invitation.getEmail()), invitation.getRole()));
        user.setDisplayName(name == null || name.isBlank() ? invitation.getDisplayName() : name);
        invitation.accept(now);
        audit.record(user.getOrganizationId(), Actor.person(user), AuditAction.USER_ADDED, user.getId(),
                AuditDetails.with("email", user.getEmail()).and("role", user.getRole()).and("via", "invitation")
                        .and("invitation_id", invitation.getId()));
        return sessions.signIn(user, device);
    }

    private Invitation usable(String rawToken, Instant now) {
        return invitations.findByHashForUpdate(LinkToken.hashOf(rawToken))
                .filter(i -> i.statusAt(now) == Status.PENDING && organizations.isActive(i.getOrganizationId()))
                .orElseThrow(() -> DomainException.invalidToken(
                        "This invitation link is unknown, used already, revoked or expired; ask for a new invitation"));
    }

    private Organization organizationOf(Invitation invitation) {
        return organizations.find(invitation.getOrganizationId()).orElseThrow();
    }

    /** @param base where the link leads: ARV's public address, or a loopback request's own */
    private void send(Invitation invitation, LinkToken token, Caller caller, String base) {
        mails.queue(new MailRequest(invitation.getOrganizationId(), MailKind.INVITATION, invitation.getEmail(),
                Language.storedOrFallback(invitation.getLocale()).locale(),
                Map.of("recipient", invitation.getEmail(), "organization", organizationOf(invitation).getName(),
                        "inviter", caller.name() == null ? "" : caller.name(), "role", invitation.getRole().name(),
                        "link", base + "/console/#/invitation?token=" + token.raw(), "hours", String.valueOf(rules.ttl().toHours()))));
    }

    private static AuditDetails invited(Invitation invitation) {
        return AuditDetails.with("email", invitation.getEmail()).and("role", invitation.getRole())
                .and("invitation_id", invitation.getId());
    }

    private static DomainException pending() {
        return DomainException.conflict("invitation_pending",
                "This address has a pending invitation to the organization already; resend or revoke it");
    }

    private static DomainException closed(Invitation invitation) {
        return DomainException.conflict("invitation_closed", "This invitation is " + WireName.of(invitation.statusAt(Instant.now()))
                + " and can no longer be changed");
    }

    private static DomainException notFound() {
        return DomainException.notFound("Invitation");
    }

    /** What a link's recipient may see before accepting: where they are invited and as which address. */
    public record Preview(String organization, String email) {
    }
}
