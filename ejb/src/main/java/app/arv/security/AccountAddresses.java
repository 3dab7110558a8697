package app.arv.security;

import app.arv.persistence.identity.UserRepository;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The rule every new account's e-mail address meets, wherever an account is made or promised (a person added, an
 * organization's first admin, an invitation sent or accepted, a verified sign-up, a first single sign-on): no account
 * has it yet, in any organization. Checked under the address's lock ({@link UserRepository#lockEmail}), held until the
 * transaction ends, so a concurrent creation of the same address waits for this one's commit and is refused here with
 * 409 {@code email_taken} — not by the unique index at its commit (a 409 {@code concurrent_change} that names nothing).
 */
@ApplicationScoped
public class AccountAddresses {

    @Inject
    UserRepository users;

    /**
     * Locks the address until the transaction ends and refuses it if an account has it.
     *
     * @throws DomainException 409 {@code email_taken}
     */
    public void claim(String email) {
        claim(email, "A user with this e-mail address already exists");
    }

    /** {@link #claim(String)}, with the refusal's message for the caller's situation. */
    public void claim(String email, String refusal) {
        users.lockEmail(email);
        if (users.emailTaken(email)) {
            throw DomainException.conflict("email_taken", refusal);
        }
    }
}
