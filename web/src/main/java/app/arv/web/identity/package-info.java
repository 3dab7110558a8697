/**
 * An organization's people and API keys, managed by its admins: {@link UserResource} ({@code /users}),
 * {@link InvitationResource} ({@code /users/invitations}: invite by mail, list, resend, revoke) and
 * {@link ApiKeyResource} ({@code /api-keys}; a key's secret is shown once, at creation, never stored), and
 * {@link NewAccount}, what creating any account asks for. The rules — nobody manages an account with more
 * rights than their own, the last admin stays, one open invitation per address — are in {@code app.arv.identity}
 * and the entities.
 */
package app.arv.web.identity;
