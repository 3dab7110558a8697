/**
 * People and keys of an organization as its admins manage them, sign-in (with its throttle of
 * failed attempts), sessions ({@link app.arv.identity.Sessions}: every sign-in opens one, with rotating refresh tokens
 * whose reuse ends it; listed and ended by their person, ended by password changes and deactivation; deleted once over by
 * {@link app.arv.identity.SessionCleanup}), password reset by a mailed single-use link ({@link app.arv.identity.PasswordResets}, which
 * queues its mail through {@code app.arv.mail}), invitations by mail ({@link app.arv.identity.Invitations}), self-service
 * sign-up of a new organization ({@link app.arv.identity.Signups}, which opens it through {@code app.arv.organization}),
 * the clean-up of their expired links ({@link app.arv.identity.LinkCleanup}) — every mailed link a {@link app.arv.identity.LinkToken} —
 * and the platform admin's bootstrap. An API key's creation and revocation are told through {@code notification}
 * ({@link app.arv.identity.ApiKeyOccurrences}). The rule that nobody manages an account with
 * more rights than their own lives in {@link app.arv.security.Caller#covers}.
 */
package app.arv.identity;
