package app.arv.web.security;

import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The caller of the current request, as established by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;
    private CredentialCheck check;

    void set(Caller caller, CredentialCheck check) {
        this.caller = caller;
        this.check = check;
    }

    /** Checks the request's credential again later, e.g. on each heartbeat of a stream that outlives the request. */
    public CredentialCheck credentialCheck() {
        get();
        return check;
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
