/**
 * Who may call ARV, as stored: {@link User}s (people with e-mail, bcrypt password hash and a
 * {@link Role} in exactly one organization) and {@link ApiKey}s (machine credentials with an
 * {@link ApiKeyScope}; only a hash of the secret is kept). The last-admin rule is the entity's own
 * ({@link User#wouldStopBeingAnActiveAdmin}), unit-tested without a database. The repositories find both
 * by organization, and keys also by secret hash (authentication). {@link PasswordResetToken}s are the hashes of
 * mailed reset links; {@link Invitation}s (an admin's invitation of an address with a role) and {@link PendingSignup}s
 * (a self-service sign-up awaiting its verification) carry a mailed link too — each link a {@link SingleUseToken},
 * single use and short-lived, the rule the embeddable's own. Used by {@code app.arv.identity} and
 * {@code app.arv.security}. {@link SingleSignOnRepository} keeps the rows of single sign-on (sign-ins under way,
 * organizations' allowed e-mail domains, provider accounts of users) with native statements. A {@link UserSession}
 * is a signed-in device with its family of {@link RefreshToken}s (hashes only); the rules of a refresh (rotate, a
 * race's loser, reuse ends the family, lifetime and idle expiry) are the entity's own, unit-tested. {@link Language} is
 * the one list of the languages ARV speaks (a person's, an invitation's, a sign-up's {@code locale}), and how a reader's
 * languages map onto them.
 */
package app.arv.persistence.identity;
