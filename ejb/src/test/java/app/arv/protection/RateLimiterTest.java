package app.arv.protection;

import app.arv.events.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rate limiter as nodes see it: each with its own Redis client, one real Redis between them. */
class RateLimiterTest {

    /** Hour and day windows: a test's few requests never straddle a reset (a minute's could, at :59.999). */
    private static final List<Window> THREE = List.of(Window.perHour(3), new Window(100, Duration.ofDays(1)));

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void aBucketUsedUpOnOneNodeIsRefusedByTheOther() {
        RateLimiter nodeA = node(redis.url());
        RateLimiter nodeB = node(redis.url());
        String key = key();
        taken(nodeA, key, 3);

        Verdict verdict = nodeB.take(key, THREE);

        assertThat(verdict.checked()).isTrue();
        assertThat(verdict.allowed()).isFalse();
    }

    @Test
    void aRequestOneBucketRefusesIsCountedInNoneOfTheOthers() {
        RateLimiter node = node(redis.url());
        String uploads = key();
        String general = key();
        node.take(general, List.of(Window.perHour(1)));

        Verdict refused = node.take(List.of(new RateLimiter.Bucket(uploads, List.of(Window.perHour(1))),
                new RateLimiter.Bucket(general, List.of(Window.perHour(1)))));

        assertThat(refused.allowed()).isFalse();
        assertThat(node.take(uploads, List.of(Window.perHour(1))).allowed()).as("the upload allowance is untouched").isTrue();
    }

    @Test
    void requestsOfBothNodesAddUp() {
        RateLimiter nodeA = node(redis.url());
        RateLimiter nodeB = node(redis.url());
        String key = key();

        List<Boolean> allowed = List.of(nodeA.take(key, THREE).allowed(), nodeB.take(key, THREE).allowed(),
                nodeA.take(key, THREE).allowed(), nodeB.take(key, THREE).allowed());

        assertThat(allowed).containsExactly(true, true, true, false);
    }

    @Test
    void remainingCountsDownInTheTightestWindow() {
        RateLimiter node = node(redis.url());
        String key = key();

        List<Verdict> verdicts = taken(node, key, 3);

        assertThat(verdicts).extracting(Verdict::limit).containsOnly(3);
        assertThat(verdicts).extracting(Verdict::remaining).containsExactly(2L, 1L, 0L);
        assertThat(verdicts).extracting(Verdict::resetSeconds).allSatisfy(reset -> assertThat(reset).isBetween(1L, 3600L));
    }

    @Test
    void aRefusalSaysZeroRemainingAndToRetryWhenTheWindowResets() {
        RateLimiter node = node(redis.url());
        String key = key();
        taken(node, key, 3);

        Verdict refused = node.take(key, THREE);

        assertThat(refused.remaining()).isZero();
        assertThat(refused.limit()).isEqualTo(3);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 3600L).isEqualTo(refused.resetSeconds());
    }

    @Test
    void whenTheLongerWindowRunsOutFirstItIsTheOneReported() {
        RateLimiter node = node(redis.url());
        String key = key();
        List<Window> twoAnHour = List.of(Window.perHour(5), new Window(2, Duration.ofDays(1)));
        node.take(key, twoAnHour);
        node.take(key, twoAnHour);

        Verdict refused = node.take(key, twoAnHour);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(2);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 86400L);
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        RateLimiter node = node(redis.url());
        String busy = key();
        taken(node, busy, 4);

        assertThat(node.take(key(), THREE).allowed()).isTrue();
    }

    @Test
    void aRaisedLimitStartsAFreshBucket() {
        RateLimiter node = node(redis.url());
        String key = key();
        taken(node, key, 4);

        Verdict raised = node.take(key, List.of(Window.perHour(10), new Window(100, Duration.ofDays(1))));

        assertThat(raised.allowed()).isTrue();
        assertThat(raised.remaining()).isEqualTo(9);
    }

    @Test
    void aRedisThatForgotItsScriptsIsTaughtAgainAndCountingGoesOn() {
        RateLimiter node = node(redis.url());
        String key = key();
        node.take(key, THREE);
        redis.newConnection().client().scriptFlush();

        Verdict next = node.take(key, THREE);

        assertThat(next.checked()).isTrue();
        assertThat(next.remaining()).isEqualTo(1);
    }

    @Test
    void aPeekTellsWhereTheBucketStandsAndTakesNothing() {
        RateLimiter node = node(redis.url());
        String key = key();
        node.take(key, THREE);

        Verdict peeked = node.peek(key, THREE);
        Verdict peekedAgain = node.peek(key, THREE);

        assertThat(peeked.allowed()).isTrue();
        assertThat(peeked.remaining()).isEqualTo(2);
        assertThat(peekedAgain.remaining()).isEqualTo(2);
        assertThat(node.take(key, THREE).remaining()).isEqualTo(1);
    }

    @Test
    void aPeekAtASpentBucketIsARefusalWithItsRetry() {
        RateLimiter node = node(redis.url());
        String key = key();
        taken(node, key, 3);

        Verdict peeked = node.peek(key, THREE);

        assertThat(peeked.checked()).isTrue();
        assertThat(peeked.allowed()).isFalse();
        assertThat(peeked.retryAfterSeconds()).isBetween(1L, 3600L);
    }

    @Test
    void aPeekWithoutRedisIsUnchecked() {
        Verdict peeked = node(TestRedis.nowhere()).peek(key(), THREE);

        assertThat(peeked.allowed()).isTrue();
        assertThat(peeked.checked()).isFalse();
    }

    @Test
    void withoutRedisRequestsAreAllowedAndNothingIsClaimed() {
        RateLimiter node = node(TestRedis.nowhere());
        String key = key();

        List<Verdict> verdicts = taken(node, key, 4);

        assertThat(verdicts).allSatisfy(v -> {
            assertThat(v.allowed()).isTrue();
            assertThat(v.checked()).isFalse();
        });
    }

    private RateLimiter node(String redisUrl) {
        RateLimiter limiter = new RateLimiter();
        limiter.redis = redis.newConnection(redisUrl);
        return limiter;
    }

    /** {@code times} requests of the key against {@link #THREE}, one after the other: their verdicts in order. */
    private static List<Verdict> taken(RateLimiter node, String key, int times) {
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            verdicts.add(node.take(key, THREE));
        }
        return verdicts;
    }

    /** A bucket of its own per test, so the tests do not share counts. */
    private static String key() {
        return "arv:test:" + UUID.randomUUID();
    }
}
