/**
 * People and keys of an organization as its admins manage them, sign-in (with its throttle of
 * failed attempts), sessions ({@link app.arv.identity.Sessions}: every sign-in opens one, with rotating refresh tokens
 * whose reuse ends it; listed and ended by their person, ended by password changes and deactivation; deleted once over by
 * {@link app.arv.identity.SessionCleanup}), password reset by a mailed single-use link ({@link app.arv.identity.PasswordResets}, which
 * queues its mail through {@code app.arv.mail}) and the platform admin's bootstrap. The rule that nobody manages an account with
 * more rights than their own lives in {@link app.arv.security.Caller#covers}.
 */
package app.arv.identity;
