package app.arv.persistence.identity;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.identity.UserSession.EndReason;
import app.arv.persistence.organization.Organization;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions as stored, on real PostgreSQL: found by a token's hash, listed while live, ended in bulk, cleaned up. */
class UserSessionRepositoryTest {

    private static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration IDLE = Duration.ofDays(7);

    private final UserSessionRepository sessions = new UserSessionRepository();
    private final Organization acme = TestData.organization("Acme");
    private final User ann = person(acme);

    @Test
    void aPresentedTokenFindsItsSession() {
        UserSession session = open(ann, "aa", Instant.now());

        Database.inTransaction(em -> {
            sessions.em = em;
            UserSessionRepository.Presented presented = sessions.presentedForUpdate(hash("aa", session)).orElseThrow();
            assertThat(presented.session().getId()).isEqualTo(session.getId());
            assertThat(presented.token().getUsedAt()).isNull();
            assertThat(sessions.presentedForUpdate(hash("unknown", session))).isEmpty();
        });
    }

    @Test
    void endingAllOfAPersonsSessionsKeepsTheOneAskedForAndOtherPeoples() {
        UserSession current = open(ann, "a1", Instant.now());
        UserSession other = open(ann, "a2", Instant.now());
        User bob = person(acme);
        UserSession bobs = open(bob, "b1", Instant.now());

        Database.inTransaction(em -> {
            sessions.em = em;
            assertThat(sessions.revokeAllOf(ann.getId(), current.getId(), Instant.now(), EndReason.PASSWORD_CHANGED)).isEqualTo(1);
        });

        assertThat(liveIds(ann)).containsExactly(current.getId());
        assertThat(liveIds(bob)).containsExactly(bobs.getId());
        assertThat(liveIds(ann)).doesNotContain(other.getId());
    }

    @Test
    void deactivatingAnOrganizationEndsTheSessionsOfItsPeopleOnly() {
        open(ann, "c1", Instant.now());
        Organization elsewhere = TestData.organization("Elsewhere");
        User carl = person(elsewhere);
        UserSession carls = open(carl, "c2", Instant.now());

        Database.inTransaction(em -> {
            sessions.em = em;
            sessions.revokeAllInOrganization(acme.getId(), Instant.now(), EndReason.DEACTIVATED);
        });

        assertThat(liveIds(ann)).isEmpty();
        assertThat(liveIds(carl)).containsExactly(carls.getId());
    }

    @Test
    void theCleanupDeletesEndedSessionsWithTheirTokensAndKeepsLiveOnes() {
        Instant now = Instant.now();
        UserSession idle = open(ann, "d1", now.minus(IDLE).minusSeconds(60));
        UserSession revoked = open(ann, "d2", now.minusSeconds(120));
        Database.inTransaction(em -> em.find(UserSession.class, revoked.getId()).revoke(now.minusSeconds(60), EndReason.LOGOUT));
        UserSession live = open(ann, "d3", now.minusSeconds(60));

        Database.inTransaction(em -> {
            sessions.em = em;
            sessions.removeEndedBefore(now, IDLE);
        });

        Database.inTransaction(em -> {
            assertThat(em.find(UserSession.class, idle.getId())).isNull();
            assertThat(em.find(UserSession.class, revoked.getId())).isNull();
            assertThat(em.find(RefreshToken.class, hash("d2", revoked))).isNull();
            assertThat(em.find(UserSession.class, live.getId())).isNotNull();
        });
    }

    private List<UUID> liveIds(User user) {
        List<UUID> ids = new java.util.ArrayList<>();
        Database.inTransaction(em -> {
            sessions.em = em;
            sessions.liveOf(user.getId(), Instant.now(), IDLE).forEach(s -> ids.add(s.getId()));
        });
        return ids;
    }

    private UserSession open(User user, String token, Instant at) {
        UserSession session = new UserSession(user.getId(), "JUnit", "192.0.2.1", at, LIFETIME);
        Database.inTransaction(em -> {
            sessions.em = em;
            sessions.open(session, hash(token, session));
        });
        return session;
    }

    /** Token hashes are unique in the table: each test's names are made unique by their session. */
    private static String hash(String token, UserSession session) {
        return (token + session.getId().toString().replace("-", "")).substring(0, Math.min(64, token.length() + 32));
    }

    private static User person(Organization organization) {
        return TestData.person(organization, "P", Role.MEMBER);
    }
}
