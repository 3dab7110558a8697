package app.arv.security;

import app.arv.security.CallerCache.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CallerCacheTest {

    private final CallerCache cache = new CallerCache();
    private final UUID organization = UUID.randomUUID();
    private final Caller person = new Caller(UUID.randomUUID(), null, organization, "a@b.test", Set.of(CallerRole.MEMBER));
    private final Caller key = new Caller(null, UUID.randomUUID(), organization, "key", Set.of(CallerRole.MEMBER));

    @BeforeEach
    void listening() {
        cache.rules = new CallerCacheRules(Duration.ofMinutes(5), 100);
        cache.resume();
    }

    @Test
    void aKeptCallerIsFound() {
        cache.keep(CallerCache.user(person.userId()), person, cache.generation());

        assertThat(cache.find(CallerCache.user(person.userId()))).contains(person);
    }

    @Test
    void aRevokedKeyIsForgotten() {
        cache.keep(CallerCache.apiKey("hash"), key, cache.generation());

        cache.apply(new Change(Change.Kind.KEY, key.apiKeyId()));

        assertThat(cache.find(CallerCache.apiKey("hash"))).isEmpty();
    }

    @Test
    void aChangedUserIsForgottenAndOthersKept() {
        cache.keep(CallerCache.user(person.userId()), person, cache.generation());
        cache.keep(CallerCache.apiKey("hash"), key, cache.generation());

        cache.apply(new Change(Change.Kind.USER, person.userId()));

        assertThat(cache.find(CallerCache.user(person.userId()))).isEmpty();
        assertThat(cache.find(CallerCache.apiKey("hash"))).contains(key);
    }

    @Test
    void anEndedSessionTakesItsTokensAndLeavesThePersonsOtherSessions() {
        UUID ended = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Caller inEnded = new Caller(person.userId(), null, organization, "a@b.test", Set.of(CallerRole.MEMBER), null, ended);
        Caller inOther = new Caller(person.userId(), null, organization, "a@b.test", Set.of(CallerRole.MEMBER), null, other);
        cache.keep(CallerCache.user(person.userId(), ended), inEnded, cache.generation());
        cache.keep(CallerCache.user(person.userId(), other), inOther, cache.generation());

        cache.apply(Change.parse("session:" + ended).orElseThrow());

        assertThat(cache.find(CallerCache.user(person.userId(), ended))).isEmpty();
        assertThat(cache.find(CallerCache.user(person.userId(), other))).contains(inOther);
    }

    @Test
    void aDeactivatedOrganizationTakesItsPeopleAndKeys() {
        cache.keep(CallerCache.user(person.userId()), person, cache.generation());
        cache.keep(CallerCache.apiKey("hash"), key, cache.generation());

        cache.apply(new Change(Change.Kind.ORGANIZATION, organization));

        assertThat(cache.size()).isZero();
    }

    @Test
    void whatWasReadBeforeAChangeIsNotKept() {
        long readAt = cache.generation();
        cache.apply(new Change(Change.Kind.KEY, UUID.randomUUID()));

        cache.keep(CallerCache.apiKey("hash"), key, readAt);

        assertThat(cache.find(CallerCache.apiKey("hash"))).isEmpty();
    }

    @Test
    void nothingIsKeptWhileChangesCannotBeHeard() {
        cache.keep(CallerCache.user(person.userId()), person, cache.generation());

        cache.suspend();
        cache.keep(CallerCache.apiKey("hash"), key, cache.generation());

        assertThat(cache.find(CallerCache.user(person.userId()))).isEmpty();
        assertThat(cache.find(CallerCache.apiKey("hash"))).isEmpty();
    }

    @Test
    void aZeroTtlTurnsCachingOff() {
        cache.rules = new CallerCacheRules(Duration.ZERO, 100);

        cache.keep(CallerCache.user(person.userId()), person, cache.generation());

        assertThat(cache.find(CallerCache.user(person.userId()))).isEmpty();
    }

    @Test
    void aChangeSurvivesTheTripBetweenNodes() {
        Change change = new Change(Change.Kind.ORGANIZATION, organization);

        assertThat(Change.parse(change.toString())).contains(change);
        assertThat(Change.parse("nonsense")).isEmpty();
        assertThat(Change.parse("user:not-a-uuid")).isEmpty();
    }
}
