package app.arv.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;

/** bcrypt, with a cost that operators can raise as machines get faster. */
@ApplicationScoped
public class PasswordHasher {

    /** Hash of a random password, checked when the e-mail is unknown so both paths cost the same. */
    private static final String DECOY = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z6TVxDQ5vLr9hQ6G4n/3mYfa";

    private final int cost;

    @Inject
    public PasswordHasher(@ConfigProperty(name = "arv.password.bcrypt-cost", defaultValue = "11") int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    public void spendTimeOfOneCheck(String password) {
        matches(password, DECOY);
    }

    protected PasswordHasher() {
        this.cost = 11;
    }
}
