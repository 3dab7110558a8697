package app.arv.web.security;

import app.arv.security.Caller;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.function.Function;

/**
 * What a refused credential costs its client: {@link AuthenticationFilter} answers it before the rate limit counts the
 * request, so it hands the check to this. The rate limits ({@code web.protection}) give the one implementation; they
 * depend on this package (they count per caller), not the other way.
 */
public interface CredentialRefusals {

    /**
     * The caller {@code authenticate} finds, its refusal charged to the client (429 once that is spent).
     *
     * @param authenticate the check, given what to run before a credential is looked up
     */
    Caller admitted(ContainerRequestContext request, Function<Runnable, Caller> authenticate);
}
