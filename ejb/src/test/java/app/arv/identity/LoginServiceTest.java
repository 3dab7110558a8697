package app.arv.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.PasswordResetToken;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.identity.UserSession;
import app.arv.persistence.organization.Organization;
import app.arv.security.Caller;
import app.arv.security.CallerRole;
import app.arv.security.PasswordHasher;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in on real PostgreSQL without a server: a sign-in with the old password that is under way when the password
 * changes does not keep its session, and a hash of another bcrypt cost is brought to the configured one.
 */
class LoginServiceTest {

    private static final String OLD_PASSWORD = "the old password 1";
    private static final String NEW_PASSWORD = "a-strong-new-password-1";
    private static final Device DEVICE = new Device("test", "203.0.113.7");

    @TempDir
    Path dataDir;

    private SignInTestBeans beans;
    private Organization acme;
    private User ann;

    @BeforeEach
    void aPersonWithAPassword() {
        PasswordHasher hasher = new PasswordHasher(4);
        beans = new SignInTestBeans(dataDir, hasher);
        acme = TestData.organization("Acme");
        ann = new User(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", hasher.hash(OLD_PASSWORD), Role.ADMIN);
        Database.persist(ann);
    }

    @Test
    void aSignInUnderWayWhenAPasswordResetLandsHasItsSessionEnded() throws Exception {
        LinkToken link = LinkToken.random();
        Database.persist(new PasswordResetToken(ann.getId(), link.hash(), Instant.now(), Duration.ofHours(1)));

        SignIn signIn = signInWithTheOldPasswordWhile(
                () -> Database.inTransaction(em -> beans.on(em).get(PasswordResets.class).confirm(link.raw(), NEW_PASSWORD)));

        assertThat(session(signIn).getRevokedAt()).as("when the sign-in's session ended").isNotNull();
    }

    @Test
    void aSignInUnderWayWhenAnAdminSetsThePasswordHasItsSessionEnded() throws Exception {
        Caller admin = new Caller(ann.getId(), null, acme.getId(), ann.getEmail(), CallerRole.of(Role.ADMIN, false));

        SignIn signIn = signInWithTheOldPasswordWhile(() -> Database.inTransaction(
                em -> beans.on(em).get(UserService.class).change(admin, ann.getId(), null, null, NEW_PASSWORD)));

        assertThat(session(signIn).getRevokedAt()).as("when the sign-in's session ended").isNotNull();
    }

    @Test
    void aSignInUnderWayWhenThePersonChangesTheirPasswordElsewhereHasItsSessionEnded() throws Exception {
        Caller elsewhere = new Caller(ann.getId(), null, acme.getId(), ann.getEmail(), CallerRole.of(Role.ADMIN, false), null,
                UUID.randomUUID());

        SignIn signIn = signInWithTheOldPasswordWhile(() -> Database.inTransaction(
                em -> beans.on(em).get(OwnAccount.class).changePassword(elsewhere, OLD_PASSWORD, NEW_PASSWORD, DEVICE)));

        assertThat(session(signIn).getRevokedAt()).as("when the sign-in's session ended").isNotNull();
    }

    @Test
    void aSignInRehashesAPasswordOfAnotherCostAtTheConfiguredCost() {
        PasswordHasher raised = new PasswordHasher(5);
        SignInTestBeans afterTheRaise = new SignInTestBeans(dataDir, raised);

        Database.inTransaction(em -> afterTheRaise.on(em).get(LoginService.class).login(ann.getEmail(), OLD_PASSWORD, DEVICE));

        User stored = stored(ann);
        assertThat(PasswordHasher.costOf(stored.getPasswordHash())).isEqualTo(5);
        assertThat(raised.matches(OLD_PASSWORD, stored.getPasswordHash())).as("the password still matches").isTrue();
        assertThat(stored.getPasswordChangedAt()).as("not a change of the password").isNull();
    }

    /**
     * Signs Ann in with her old password; while its password check runs, {@code change} starts on another thread and
     * is given a second to commit (a change that waits for the sign-in instead goes on once it has committed).
     */
    private SignIn signInWithTheOldPasswordWhile(Runnable change) throws Exception {
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> landed = new AtomicReference<>();
        PasswordHasher checkDuringWhichTheChangeLands = new PasswordHasher(4) {
            @Override
            public boolean matches(String password, String hash) {
                boolean matches = super.matches(password, hash);
                if (landed.get() == null) {
                    landed.set(otherThread.submit(change));
                    awaitAtMostASecond(landed.get());
                }
                return matches;
            }
        };
        try {
            SignInTestBeans signingIn = new SignInTestBeans(dataDir, checkDuringWhichTheChangeLands);
            AtomicReference<SignIn> signIn = new AtomicReference<>();
            Database.inTransaction(em -> signIn.set(signingIn.on(em).get(LoginService.class).login(ann.getEmail(), OLD_PASSWORD,
                    DEVICE)));
            landed.get().get(30, TimeUnit.SECONDS);
            return signIn.get();
        } finally {
            otherThread.shutdownNow();
        }
    }

    private static void awaitAtMostASecond(Future<?> change) {
        try {
            change.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException waitsForTheSignIn) {
            // The change waits for this sign-in to commit: what the lock is for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The password change failed", e.getCause());
        }
    }

    private static UserSession session(SignIn signIn) {
        return read(em -> em.find(UserSession.class, signIn.sessionId()));
    }

    private static User stored(User user) {
        return read(em -> em.find(User.class, user.getId()));
    }

    private static <T> T read(Function<EntityManager, T> query) {
        EntityManager em = Database.entityManagerFactory().createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
