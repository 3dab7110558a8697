package app.arv.identity;

import app.arv.events.TestRedis;
import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failed sign-ins as two nodes count them: each with its own Redis client, one real Redis between them. */
class LoginThrottleTest {

    private static final int PER_ACCOUNT = 3;
    private static final int PER_ADDRESS = 5;
    private static final Duration BACKOFF = Duration.ofSeconds(30);

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    @Test
    void anAccountIsHeldBackOnceItsFailuresReachTheLimit() {
        LoginThrottle throttle = node(redis.url());
        String email = email();
        for (int i = 0; i < PER_ACCOUNT - 1; i++) {
            throttle.failed(email, address());
        }
        assertThat(throttle.hold(email, address())).isZero();

        throttle.failed(email, address());

        assertThat(throttle.hold(email, address())).isPositive().isLessThanOrEqualTo(BACKOFF);
    }

    @Test
    void failuresOnBothNodesAddUp() {
        LoginThrottle nodeA = node(redis.url());
        LoginThrottle nodeB = node(redis.url());
        String email = email();

        nodeA.failed(email, address());
        nodeB.failed(email, address());
        nodeA.failed(email, address());

        assertThat(nodeB.hold(email, address())).isPositive();
    }

    @Test
    void eachFurtherFailureDoublesTheHold() {
        LoginThrottle throttle = node(redis.url());
        String email = email();
        for (int i = 0; i < PER_ACCOUNT; i++) {
            throttle.failed(email, address());
        }
        Duration first = throttle.hold(email, address());

        throttle.failed(email, address());

        assertThat(throttle.hold(email, address())).isGreaterThan(BACKOFF).isLessThanOrEqualTo(BACKOFF.multipliedBy(2));
        assertThat(first).isLessThanOrEqualTo(BACKOFF);
    }

    @Test
    void anAddressIsHeldBackForFailuresAcrossManyAccounts() {
        LoginThrottle throttle = node(redis.url());
        String address = address();
        for (int i = 0; i < PER_ADDRESS; i++) {
            throttle.failed(email(), address);
        }

        assertThat(throttle.hold(email(), address)).isPositive();
        assertThat(throttle.hold(email(), address())).isZero();
    }

    @Test
    void failuresFromAddressesOfOneIpv6NetworkCountTogether() {
        LoginThrottle throttle = node(redis.url());
        String network = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":";
        for (int i = 0; i < PER_ADDRESS; i++) {
            throttle.failed(email(), network + Integer.toHexString(i + 1) + "::1");
        }

        assertThat(throttle.hold(email(), network + "ffff::1")).as("another address of the same /64").isPositive();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        LoginThrottle throttle = node(redis.url());
        String email = email();
        String address = address();
        for (int i = 0; i < PER_ADDRESS - 1; i++) {
            throttle.failed(i < PER_ACCOUNT - 1 ? email : email(), address);
        }

        throttle.succeeded(email);
        throttle.failed(email, address);

        assertThat(throttle.hold(email, address())).isZero();
        assertThat(throttle.hold(email(), address)).isPositive();
    }

    @Test
    void theAccountIsTheAddressWhateverItsCaseAndSurroundingSpace() {
        LoginThrottle throttle = node(redis.url());
        String email = email();
        for (int i = 0; i < PER_ACCOUNT; i++) {
            throttle.failed(" " + email.toUpperCase() + " ", address());
        }

        assertThat(throttle.hold(email, address())).isPositive();
    }

    @Test
    void aPasswordCheckWaitsForTheOneRunningForTheSameAccountOnAnotherNode() throws Exception {
        LoginThrottle nodeA = node(redis.url());
        LoginThrottle nodeB = node(redis.url());
        String email = email();
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = other.submit(() -> nodeA.checkAlone(email, () -> {
                firstRunning.countDown();
                sleep(300);
                order.add("first ends");
                return "first";
            }));
            firstRunning.await();

            String second = nodeB.checkAlone(email, () -> {
                order.add("second runs");
                return "second";
            });

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second).isEqualTo("second");
            assertThat(order).containsExactly("first ends", "second runs");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aPasswordCheckStillWaitingAfterTheWaitIsRefused() {
        LoginThrottle nodeA = node(redis.url());
        LoginThrottle nodeB = node(redis.url());
        String email = email();
        List<Integer> refusals = new ArrayList<>();

        nodeA.checkAlone(email, () -> {
            assertThatThrownBy(() -> nodeB.checkAlone(email, () -> "second")).isInstanceOfSatisfying(DomainException.class,
                    e -> refusals.add(e.status()));
            return "first";
        });

        assertThat(refusals).containsExactly(429);
    }

    @Test
    void checksOfTwoAccountsRunSideBySide() {
        LoginThrottle throttle = node(redis.url());
        String other = email();

        String nested = throttle.checkAlone(email(), () -> throttle.checkAlone(other, () -> "both"));

        assertThat(nested).isEqualTo("both");
    }

    @Test
    void aCheckThatFailsLetsTheNextOneRun() {
        LoginThrottle throttle = node(redis.url());
        String email = email();

        assertThatThrownBy(() -> throttle.checkAlone(email, () -> {
            throw new IllegalStateException("wrong password");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(throttle.checkAlone(email, () -> "next")).isEqualTo("next");
    }

    @Test
    void withoutRedisChecksAreNotGuarded() {
        LoginThrottle throttle = node(TestRedis.nowhere());
        String email = email();

        String nested = throttle.checkAlone(email, () -> throttle.checkAlone(email, () -> "unguarded"));

        assertThat(nested).isEqualTo("unguarded");
    }

    @Test
    void linkRequestsAreAdmittedUntilTheirCountReachesTheLimitThenRefusedWithTheHold() {
        LoginThrottle throttle = node(redis.url());
        String email = email();
        for (int i = 0; i < PER_ACCOUNT; i++) {
            throttle.admit(LoginThrottle.Request.RESET, email, address());
        }

        assertThatThrownBy(() -> throttle.admit(LoginThrottle.Request.RESET, email, address()))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
                });
        assertThat(throttle.hold(email, address())).as("sign-ins keep counts of their own").isZero();
    }

    @Test
    void withoutRedisSignInIsNotHeldBack() {
        LoginThrottle throttle = node(TestRedis.nowhere());
        String email = email();

        for (int i = 0; i <= PER_ACCOUNT; i++) {
            throttle.failed(email, address());
        }

        assertThat(throttle.hold(email, address())).isZero();
    }

    @Test
    void withoutRedisARequestThatMailsSomeoneIsRefusedAsUnavailable() {
        LoginThrottle throttle = node(TestRedis.nowhere());

        for (LoginThrottle.Request mailing : List.of(LoginThrottle.Request.RESET, LoginThrottle.Request.SIGNUP)) {
            assertThatThrownBy(() -> throttle.requestHold(mailing, email(), address()))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.code()).isEqualTo("throttle_unavailable");
                        assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive());
                    });
            assertThatThrownBy(() -> throttle.requested(mailing, email(), address()))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("throttle_unavailable"));
        }
    }

    @Test
    void withoutRedisAnInvitationIsStillAccepted() {
        LoginThrottle throttle = node(TestRedis.nowhere());

        throttle.requested(LoginThrottle.Request.INVITATION, "token", address());

        assertThat(throttle.requestHold(LoginThrottle.Request.INVITATION, "token", address())).isZero();
    }

    private LoginThrottle node(String redisUrl) {
        LoginThrottle throttle = new LoginThrottle();
        throttle.redis = redis.newConnection(redisUrl);
        throttle.rules = new LoginThrottleRules(PER_ACCOUNT, PER_ADDRESS, BACKOFF, Duration.ofMinutes(15), Duration.ofMinutes(15));
        return throttle;
    }

    /** An account of its own per use, so the tests do not share counts. */
    private static String email() {
        return "someone-" + UUID.randomUUID() + "@tenant.test";
    }

    private static String address() {
        return "203.0.113." + UUID.randomUUID();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
