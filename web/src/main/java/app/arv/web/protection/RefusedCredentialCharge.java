package app.arv.web.protection;

import app.arv.protection.RequestLimits;
import app.arv.security.Caller;
import app.arv.web.logging.RequestContext;
import app.arv.web.security.CredentialRefusals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.function.Function;

/**
 * A refused credential counts against its client address's anonymous bucket, as the request of nobody it is, and the
 * answer tells the client where it stands ({@link RateLimitFilter}'s headers). Past that limit the answer is 429 with
 * {@code Retry-After}, and a credential this node does not know is then not even looked up — made-up API keys in a loop
 * would otherwise cost a database transaction each, unlimited.
 */
@ApplicationScoped
public class RefusedCredentialCharge implements CredentialRefusals {

    @Inject
    RequestLimits limits;

    @Override
    public Caller admitted(ContainerRequestContext request, Function<Runnable, Caller> authenticate) {
        return limits.chargingRefusals(RequestContext.clientAddress(), authenticate, verdict -> RateLimitFilter.tell(request, verdict));
    }
}
