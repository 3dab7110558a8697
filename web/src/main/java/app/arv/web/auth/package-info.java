/**
 * Sign-in: {@link LoginResource} ({@code POST /auth/login}) exchanges e-mail and password for a session: an RS256 JWT
 * and a rotating refresh token ({@code POST /auth/refresh}; {@code POST /auth/logout} ends the session), recording the
 * device ({@link ClientDevice}).
 * Public, answered with {@code Cache-Control: no-store}, and exempt from the request rate limit because
 * failed sign-ins have their own throttle in {@code app.arv.identity}, which does the work.
 * {@link PasswordResetResource} ({@code POST /auth/password-reset}, {@code …/confirm}) asks for a mailed reset link
 * (throttled alike, the same answer for every address: {@link SameAnswer}) and spends its token. {@link InvitationAcceptResource}
 * ({@code /auth/invitations/preview}, {@code …/accept}) shows what an invitation link is for and accepts it, signing the
 * new person in; {@link SignupResource} ({@code /auth/signup}, {@code …/verify}) signs up a new organization when the
 * operator allows it (same answer for every address) and opens it once the mailed link is followed.
 * {@link LimitsResource} ({@code GET /auth/limits}) tells anyone the limits a form may check before sending (a
 * password's length, an upload's files and types), read from the settings, so the console's forms hold no copy.
 */
package app.arv.web.auth;
