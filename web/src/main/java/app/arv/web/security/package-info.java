/**
 * Who is calling, at the HTTP edge: {@link AuthenticationFilter} accepts a JWT or an API key
 * ({@code Authorization: Bearer}, {@code X-API-Key}) and refuses a bad one even on public endpoints;
 * {@link CurrentCaller} holds the result for the request; {@link RoleCheck} enforces {@link RequiresRole} and
 * {@link Public}, closed by default. ARV's own annotations rather than {@code @RolesAllowed}/{@code @PermitAll},
 * because Payara turns those into container BASIC authentication before our credentials are read.
 * {@link NoStore} marks answers that carry a credential; {@link CredentialCheck} lets long-lived
 * connections (WebSocket, SSE) re-check theirs; {@link StorablePassword} validates new passwords against
 * bcrypt's 72-byte limit. Resolving credentials is {@code app.arv.security}'s work; what a refused credential costs its
 * client is the rate limits' ({@link CredentialRefusals}, implemented in {@code web.protection}). Uses {@code logging}'s
 * request context; never {@code protection} or {@code request}, which use it.
 */
package app.arv.web.security;
