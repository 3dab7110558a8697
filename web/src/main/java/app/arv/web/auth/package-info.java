/**
 * Sign-in: {@link LoginResource} ({@code POST /auth/login}) exchanges e-mail and password for an RS256 JWT.
 * Public, answered with {@code Cache-Control: no-store}, and exempt from the request rate limit because
 * failed sign-ins have their own throttle in {@code app.arv.identity}, which does the work.
 */
package app.arv.web.auth;
