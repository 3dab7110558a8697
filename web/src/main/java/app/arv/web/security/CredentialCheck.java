package app.arv.web.security;

import app.arv.security.Caller;
import app.arv.shared.DomainException;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the credential a long-lived connection (WebSocket, SSE stream) was opened with still
 * holds: not revoked, its person or organization not deactivated, its token not expired. Checked
 * again on every heartbeat, so a connection doesn't outlive its right to the data.
 */
@FunctionalInterface
public interface CredentialCheck {

    /** @return false once the credential is refused; true if it holds or can't be checked right now (database away) */
    boolean holds();

    static CredentialCheck of(Supplier<Caller> authenticateAgain) {
        return () -> {
            try {
                authenticateAgain.get();
                return true;
            } catch (DomainException refused) {
                return false;
            } catch (RuntimeException e) {
                // Cutting every stream during a database blip would be worse than a few more seconds of events.
                Logger.getLogger(CredentialCheck.class.getName()).log(Level.FINE, "Credential not rechecked", e);
                return true;
            }
        };
    }
}
