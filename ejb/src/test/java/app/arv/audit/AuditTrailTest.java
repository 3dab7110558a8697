package app.arv.audit;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.identity.ApiKeyService;
import app.arv.identity.Device;
import app.arv.identity.LoginService;
import app.arv.identity.LoginThrottle;
import app.arv.identity.LoginThrottleRules;
import app.arv.notification.RecordedOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.audit.ActorKind;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.audit.AuditEvent;
import app.arv.persistence.audit.AuditFilter;
import app.arv.persistence.identity.ApiKeyScope;
import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.organization.Organization;
import app.arv.persistence.shared.PageRequest;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.security.PasswordHasher;
import app.arv.shared.DomainException;
import app.arv.shared.Jsonp;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail as the services write it, on real PostgreSQL (and real Redis for the sign-in throttle), without a
 * server: each test's {@code Database.inTransaction} stands for the container's transaction around a service call.
 */
class AuditTrailTest {

    private static final int FAILURES_PER_ACCOUNT = 3;
    private static final String PASSWORD = "the right password 1";

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private static final PasswordHasher HASHER = new PasswordHasher(4);

    private Organization acme;
    private User ann;

    @BeforeEach
    void anOrganizationWithAnAdmin() {
        acme = TestData.organization("Acme");
        ann = new User(acme.getId(), "ann-" + UUID.randomUUID() + "@acme.example", HASHER.hash(PASSWORD), Role.ADMIN);
        Database.persist(ann);
    }

    @AfterEach
    void noRequestAnyMore() {
        AuditOrigin.end();
    }

    @Test
    void aChangeIsRecordedWithItsActorAndWhereTheRequestCameFrom() {
        AuditOrigin.begin("203.0.113.9", "curl/8.5", "req-42");

        Database.inTransaction(em -> beans(em).get(ApiKeyService.class).issue(admin(), "CI pipeline", ApiKeyScope.USER));

        AuditEvent event = only(events(AuditAction.API_KEY_CREATED));
        assertThat(event.getActorKind()).isEqualTo(ActorKind.PERSON);
        assertThat(event.getActorId()).isEqualTo(ann.getId());
        assertThat(event.getActorLabel()).isEqualTo(ann.getEmail());
        assertThat(event.getClientAddress()).isEqualTo("203.0.113.9");
        assertThat(event.getUserAgent()).isEqualTo("curl/8.5");
        assertThat(event.getRequestId()).isEqualTo("req-42");
        assertThat(Jsonp.readObject(event.getDetails()).getString("name")).isEqualTo("CI pipeline");
    }

    @Test
    void workOutsideARequestIsRecordedWithoutAnOrigin() {
        Database.inTransaction(em -> beans(em).get(AuditTrail.class).record(acme.getId(), Actor.SYSTEM,
                AuditAction.ORGANIZATION_CHANGED, acme.getId(), AuditDetails.NONE));

        AuditEvent event = only(events(AuditAction.ORGANIZATION_CHANGED));
        assertThat(event.getActorKind()).isEqualTo(ActorKind.SYSTEM);
        assertThat(event.getClientAddress()).isNull();
        assertThat(event.getDetails()).isEqualTo("{}");
    }

    @Test
    void anEntryOfAChangeThatRollsBackIsGoneWithIt() {
        assertThatThrownBy(() -> Database.inTransaction(em -> {
            beans(em).get(AuditTrail.class).record(admin(), AuditAction.USER_CHANGED, ann.getId(), AuditDetails.with("role", Role.MEMBER));
            throw DomainException.conflict("last_admin", "An organization keeps at least one active admin");
        })).isInstanceOf(DomainException.class);

        assertThat(events(AuditAction.USER_CHANGED)).isEmpty();
    }

    @Test
    void aRefusedSignInIsRecordedInTheAccountsOrganizationWithTheAttemptedAddress() {
        signInWrongly(ann.getEmail(), "198.51.100.4");

        AuditEvent event = only(events(AuditAction.SIGN_IN_FAILED));
        assertThat(event.getActorKind()).isEqualTo(ActorKind.ANONYMOUS);
        assertThat(event.getActorLabel()).isEqualTo(ann.getEmail());
        assertThat(event.getSubjectId()).isEqualTo(ann.getId());
        assertThat(event.getClientAddress()).isEqualTo("198.51.100.4");
        assertThat(Jsonp.readObject(event.getDetails()).getString("reason")).isEqualTo("wrong_password");
    }

    @Test
    void aRefusedSignInOfAnUnknownAddressIsInNoOrganizationsLog() {
        String stranger = "nobody-" + UUID.randomUUID() + "@acme.example";

        signInWrongly(stranger, "198.51.100.5");

        AtomicReference<Long> entries = new AtomicReference<>();
        Database.inTransaction(em -> entries.set(em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.actorLabel = :label",
                Long.class).setParameter("label", stranger).getSingleResult()));
        assertThat(entries.get()).isZero();
    }

    @Test
    void aFloodOfSignInsWritesOneEntryPerFailureTheThrottleLetsThroughAndNoneWhileItHolds() {
        for (int i = 0; i < FAILURES_PER_ACCOUNT + 20; i++) {
            signInWrongly(ann.getEmail(), "198.51.100.6");
        }

        List<AuditEvent> failures = events(AuditAction.SIGN_IN_FAILED);
        assertThat(failures).hasSize(FAILURES_PER_ACCOUNT);
        assertThat(Jsonp.readObject(failures.get(0).getDetails()).getJsonNumber("held_for_seconds").longValue()).isPositive();
        assertThat(Jsonp.readObject(failures.get(1).getDetails()).containsKey("held_for_seconds")).isFalse();
    }

    @Test
    void theRetentionRoundDeletesEntriesOlderThanTheRetentionAndKeepsNewerOnes() {
        Instant now = Instant.now();
        Database.persist(new AuditEvent(acme.getId(), now.minus(Duration.ofDays(400)), AuditAction.USER_CHANGED, ActorKind.SYSTEM,
                null, null, ann.getId(), "{}", AuditEvent.Origin.NONE),
                new AuditEvent(acme.getId(), now.minus(Duration.ofDays(2)), AuditAction.USER_DEACTIVATED, ActorKind.SYSTEM, null, null,
                        ann.getId(), "{}", AuditEvent.Origin.NONE));

        Database.inTransaction(em -> beans(em).with(AuditSettings.class, new AuditSettings(Duration.ofDays(365)))
                .get(AuditRetention.class).run(now));

        assertThat(events(AuditAction.USER_CHANGED)).isEmpty();
        assertThat(events(AuditAction.USER_DEACTIVATED)).hasSize(1);
    }

    @Test
    void aRetentionOfZeroKeepsTheAuditLogForEver() {
        assertThat(new AuditSettings(Duration.ZERO).keepFor()).isEmpty();
        assertThat(new AuditSettings(Duration.ofDays(365)).keepFor()).contains(Duration.ofDays(365));
    }

    /** One attempt in its own committed transaction, as the container runs the apart-recorded refusal. */
    private void signInWrongly(String email, String clientAddress) {
        LoginThrottle throttle = new ServiceBeans(null).with(RedisConnection.class, redis.newConnection())
                .with(LoginThrottleRules.class, new LoginThrottleRules(FAILURES_PER_ACCOUNT, 1000, Duration.ofSeconds(30),
                        Duration.ofMinutes(15), Duration.ofMinutes(15)))
                .get(LoginThrottle.class);
        AuditOrigin.begin(clientAddress, "test", null);
        Database.inTransaction(em -> {
            try {
                beans(em).with(LoginThrottle.class, throttle).get(LoginService.class).login(email, "a wrong password 1",
                        new Device("test", clientAddress));
            } catch (DomainException refused) {
                // Refused, as every attempt here is: the entry was recorded apart, which this transaction stands for.
            }
        });
        AuditOrigin.end();
    }

    private List<AuditEvent> events(AuditAction action) {
        AtomicReference<List<AuditEvent>> found = new AtomicReference<>();
        Database.inTransaction(em -> found.set(beans(em).get(AuditLog.class)
                .list(admin(), new AuditFilter(Set.of(action), null, null, null, null), new PageRequest(100, 0)).items()));
        return found.get();
    }

    private static AuditEvent only(List<AuditEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private Caller admin() {
        return Callers.signedIn(ann);
    }

    private static ServiceBeans beans(EntityManager em) {
        return new ServiceBeans(em).with(PasswordHasher.class, HASHER).with(MetricRegistry.class, new CountedMetrics().registry())
                .with(Event.class, new RecordedOccurrences());
    }

}
