package app.arv.identity;

import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.AccountAddresses;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.security.ChosenPasswords;
import app.arv.security.CredentialChanges;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/** An organization admin's management of the people in their organization. */
@Stateless
public class UserService {

    @Inject
    UserRepository users;

    @Inject
    ChosenPasswords passwords;

    @Inject
    CredentialChanges changes;

    @Inject
    Sessions sessions;

    @Inject
    AccountAddresses addresses;

    @Inject
    AuditTrail audit;

    @Inject
    ResetLinks links;

    public Page<User> list(Caller caller, PageRequest page) {
        return users.list(caller.organizationId(), page);
    }

    public User get(Caller caller, UUID id) {
        return users.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("User"));
    }

    public User invite(Caller caller, String email, String password, Role role) {
        String address = email.strip();
        // The input first: a refusal of it must not depend on whether the address has an account, in any organization.
        String passwordHash = passwords.hashOf(password, email);
        // Checked and written under the address's lock, as invitations and sign-ups do: a concurrent creation of the
        // same address waits for this one's commit and is refused here, not by the unique index at its commit (a 500).
        addresses.claim(address);
        User user = users.add(new User(caller.organizationId(), address, passwordHash, role));
        audit.record(caller, AuditAction.USER_ADDED, user.getId(), AuditDetails.with("email", user.getEmail()).and("role", role));
        return user;
    }

    public User change(Caller caller, UUID id, Role role, Boolean active, String password) {
        if (mayTakeAwayAnAdmin(role, active)) {
            // Before the person is read: a concurrent change of another admin commits first, and the count below sees it.
            users.lockAdmins(caller.organizationId());
        }
        // Row-locked: a concurrent change of this person (one making them admin, say) is committed before it is read.
        User user = users.lock(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("User"));
        if (!caller.covers(CallerRole.of(user))) {
            // Visible in the organization's user list, so 403 rather than a 404 that the list contradicts.
            throw DomainException.forbidden("This account has rights you don't have; only its peers can change it");
        }
        if (user.wouldStopBeingAnActiveAdmin(role, active) && users.countActiveAdmins(caller.organizationId()) <= 1) {
            throw DomainException.conflict("last_admin", "An organization keeps at least one active admin");
        }
        Role roleBefore = user.getRole();
        boolean activeBefore = user.isActive();
        if (role != null) {
            user.setRole(role);
        }
        if (active != null) {
            user.setActive(active);
        }
        if (password != null) {
            user.changePasswordHash(passwords.hashOf(password, user.getEmail()));
        }
        audited(caller, user, roleBefore, activeBefore, password != null);
        if (Boolean.FALSE.equals(active) || password != null) {
            // A new password, or no access at all: every session the person had is over, and every reset link.
            links.withdrawAllOf(user.getId());
            sessions.endAllOf(user.getId(), null, password != null ? EndReason.PASSWORD_CHANGED : EndReason.DEACTIVATED);
        }
        changes.userChanged(user.getId());
        return user;
    }

    /** Whether the change would take an active admin away if its person is one: any role but admin, or deactivation. */
    private static boolean mayTakeAwayAnAdmin(Role role, Boolean active) {
        return (role != null && role != Role.ADMIN) || Boolean.FALSE.equals(active);
    }

    /** One entry per kind of change that happened: a role or reactivation, a deactivation, a new password. */
    private void audited(Caller caller, User user, Role roleBefore, boolean activeBefore, boolean passwordSet) {
        boolean roleChanged = user.getRole() != roleBefore;
        boolean reactivated = user.isActive() && !activeBefore;
        if (roleChanged || reactivated) {
            audit.record(caller, AuditAction.USER_CHANGED, user.getId(), AuditDetails.with("email", user.getEmail())
                    .and("role", roleChanged ? user.getRole() : null).and("role_before", roleChanged ? roleBefore : null)
                    .and("active", reactivated ? true : null));
        }
        if (activeBefore && !user.isActive()) {
            audit.record(caller, AuditAction.USER_DEACTIVATED, user.getId(), AuditDetails.with("email", user.getEmail()));
        }
        if (passwordSet) {
            audit.record(caller, AuditAction.USER_PASSWORD_SET, user.getId(), AuditDetails.with("email", user.getEmail()));
        }
    }

    /** People are deactivated, not deleted, so what they created keeps an author. */
    public void deactivate(Caller caller, UUID id) {
        change(caller, id, null, false, null);
    }
}
