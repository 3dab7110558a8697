package app.arv.web.auth;

import app.arv.identity.Signups;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** See {@link SignupEndpoint}. The rule itself stays with {@link Signups}, which every sign-up step also checks. */
@Provider
@SignupEndpoint
@Priority(Priorities.AUTHORIZATION)
public class SignupSwitch implements ContainerRequestFilter {

    @Inject
    Signups signups;

    @Override
    public void filter(ContainerRequestContext request) {
        signups.requireEnabled();
    }
}
