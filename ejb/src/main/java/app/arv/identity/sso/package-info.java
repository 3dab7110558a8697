/**
 * Single sign-on with OpenID Connect (authorization code with PKCE): the identity providers the
 * installation configured ({@link IdentityProviders}, from {@code ARV_OIDC_<NAME>_*}), the rule that
 * maps a verified e-mail address to an account ({@link EmailDomains}), organizations' claims to e-mail domains, which a
 * platform admin approves before they admit anybody ({@link DomainClaims}), and {@link SingleSignOnService},
 * which starts and finishes a sign-in (taking the pending sign-in through {@link PendingSignIns}, in a
 * transaction of its own so a refused callback still uses its state up). Speaks to providers only through the Nimbus OAuth 2.0 SDK, behind
 * ARV's outbound guard ({@code app.arv.outbound}); opens ARV's own session through {@code app.arv.identity.Sessions}.
 */
package app.arv.identity.sso;
