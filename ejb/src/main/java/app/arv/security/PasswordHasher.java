package app.arv.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** bcrypt, with a cost that operators can raise as machines get faster. */
@ApplicationScoped
public class PasswordHasher {

    /**
     * bcrypt reads at most 72 bytes of a password (the library refuses more rather than silently
     * ignoring the rest), so that is the longest password ARV can keep, counted in UTF-8 bytes.
     */
    public static final int MAX_BYTES = 72;

    private final int cost;

    /**
     * Hash of a random password at the configured cost, checked when the e-mail is unknown so both
     * paths cost the same. Made at startup: a constant decoy of another cost would answer unknown
     * addresses faster (it did: cost 10 against 11, ~100 ms against ~180 ms).
     */
    private final String decoy;

    @Inject
    public PasswordHasher(@ConfigProperty(name = "arv.password.bcrypt-cost", defaultValue = "11") int cost) {
        this.cost = cost;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = hash(Base64.getEncoder().encodeToString(random));
    }

    /** Whether bcrypt can keep all of {@code password}; input rules reject the rest before it gets here. */
    public static boolean fits(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public String hash(String password) {
        if (!fits(password)) {
            throw new IllegalArgumentException("A password longer than " + MAX_BYTES + " bytes reached the hasher unchecked");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** A password too long to have been stored never matches, after the same work as one that could. */
    public boolean matches(String password, String hash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            verify(new byte[MAX_BYTES], hash);
            return false;
        }
        return verify(bytes, hash);
    }

    public void spendTimeOfOneCheck(String password) {
        matches(password, decoy);
    }

    /** Whether {@code hash} (a bcrypt hash) was made at another cost than the configured one: then it is hashed anew. */
    public boolean isOfAnotherCost(String hash) {
        return costOf(hash) != cost;
    }

    /** The cost factor bcrypt spends on {@code hash} (its {@code $2a$NN$} field). */
    public static int costOf(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }

    String decoy() {
        return decoy;
    }

    private static boolean verify(byte[] password, String hash) {
        return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    protected PasswordHasher() {
        this.cost = 11;
        this.decoy = null;
    }
}
