package app.arv.identity;

import app.arv.events.AfterCommit;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserRepository;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.organization.OrganizationRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import app.arv.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A fresh installation has nobody who could open the first organization; this creates the platform
 * admin from configuration, or with a generated password that is printed exactly once. Nodes starting at once on a
 * fresh database take turns (a cluster lock), so one of them creates the admin and the others find it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PlatformAdminBootstrap {

    static final String PLATFORM_SLUG = "platform";
    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    PasswordHasher passwords;

    @Inject
    ClusterLocks locks;

    @Inject
    AfterCommit afterCommit;

    @Inject
    @ConfigProperty(name = "arv.admin.email", defaultValue = "admin@arv.local")
    String email;

    @Inject
    @ConfigProperty(name = "arv.admin.password")
    Optional<String> password;

    private volatile boolean done;

    @PostConstruct
    void ensurePlatformAdmin() {
        // Held to the end of this startup transaction: a node starting at the same time looks once this one committed,
        // and finds the admin, instead of creating a second one that its commit refuses (failing its deployment).
        locks.hold(ClusterLock.PLATFORM_ADMIN_BOOTSTRAP);
        if (!users.anyPlatformAdmin()) {
            Organization platform = organizations.findBySlug(PLATFORM_SLUG)
                    .orElseGet(() -> organizations.add(new Organization("ARV Platform", PLATFORM_SLUG)));
            String secret = password.filter(p -> !p.isBlank()).orElseGet(PlatformAdminBootstrap::generatePassword);
            if (!PasswordHasher.fits(secret)) {
                throw new IllegalStateException("ARV_ADMIN_PASSWORD is longer than " + PasswordHasher.MAX_BYTES
                        + " bytes in UTF-8, more than bcrypt can keep; choose a shorter one");
            }
            users.add(User.platformAdmin(platform.getId(), email, passwords.hash(secret)));
            boolean configured = password.filter(p -> !p.isBlank()).isPresent();
            // Once committed: a password shown for an admin whose creation then failed would not work.
            afterCommit.run(() -> {
                if (configured) {
                    LOG.info(() -> "Created platform admin " + email + " with the configured password");
                } else {
                    LOG.warning(() -> "Created platform admin " + email + " with generated password " + secret
                            + " (shown only now; set ARV_ADMIN_PASSWORD to choose one)");
                }
            });
        }
        done = true;
    }

    public boolean isDone() { return done; }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder generated = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            generated.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return generated.toString();
    }
}
