package app.arv.security;

import app.arv.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A password a person chose, turned into what is stored: it must meet {@link PasswordPolicy} for that person's address,
 * and is then hashed ({@link PasswordHasher}). Wherever somebody chooses one — joining by invitation, added by an admin,
 * an organization's first admin, a reset, a change of their own or by an admin. Not for passwords nobody chose (the
 * platform admin's configured or generated one, a single sign-on member's unusable secret), nor for a rehash at sign-in
 * of one stored already; a sign-up checks the policy when asked and hashes later, in the background ({@code SignupMails}).
 */
@ApplicationScoped
public class ChosenPasswords {

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHasher hasher;

    /**
     * @param email the address of the person whose password it is (a password must not contain its name part)
     * @return the hash to store
     * @throws DomainException 422 {@code weak_password} naming the rule broken; nothing is hashed then
     */
    public String hashOf(String password, String email) {
        policy.check(password, email);
        return hasher.hash(password);
    }
}
