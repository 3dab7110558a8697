package app.arv.web.security;

import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The caller of the current request, as established by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> find() {
        return Optional.ofNullable(caller);
    }

    /** For endpoints that are not public; {@link RoleCheck} has already refused anonymous calls there. */
    public Caller get() {
        if (caller == null) {
            throw DomainException.unauthenticated("authentication_required", "This endpoint needs a Bearer token or an API key");
        }
        return caller;
    }
}
