package app.arv.messaging;

import app.arv.ManagedConcurrency;
import app.arv.shared.DomainException;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The check before work that ends in a queue message, against a broker (the container's connection factory, from
 * outside ARV) that answers its round trip at once, slowly, never, or refuses it: a slow broker that answers is not
 * refused; one that is away still is, fast.
 */
class BrokerAvailabilityTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch thawed = new CountDownLatch(1);
    /** How the broker answers a round trip now. */
    private volatile Behaviour broker = Behaviour.PROMPT;

    private enum Behaviour {
        PROMPT, SLOW, FROZEN, REFUSING
    }

    @AfterEach
    void thaw() {
        thawed.countDown();
        threads.shutdownNow();
    }

    @Test
    void aBrokerThatAnswersSlowerThanTheTimeoutIsNotRefusedOnceItHasAnswered() throws Exception {
        BrokerAvailability check = check();
        broker = Behaviour.SLOW;
        catchThrowable(check::require); // nothing known yet: this one may wait past the timeout
        Thread.sleep(3 * TIMEOUT.toMillis()); // the slow round trip has answered meanwhile

        for (int i = 0; i < 4; i++) {
            // Each past the reuse of an answer, each refreshing it with a round trip slower than the timeout.
            assertThatNoException().as("request %d", i).isThrownBy(check::require);
            Thread.sleep(3 * TIMEOUT.toMillis());
        }
    }

    @Test
    void aBrokerAskedAsTheApplicationStartedIsNotWaitedForByTheFirstRequest() throws Exception {
        BrokerAvailability check = check();
        broker = Behaviour.SLOW;
        check.askAtStart();
        Thread.sleep(3 * TIMEOUT.toMillis()); // the first round trip, slower than the timeout, has answered meanwhile

        // Asked for the first time now, it would wait the timeout for the slow round trip and be refused.
        assertThatNoException().as("the first request").isThrownBy(check::require);
    }

    @Test
    void aBrokerThatStopsAnsweringIsRefusedWithoutWaitingOnceItsRoundTripIsOverdue() throws Exception {
        BrokerAvailability check = check();
        check.require();
        broker = Behaviour.FROZEN;
        Thread.sleep(check.checkTrust.toMillis() + 100); // what it said last is no longer trusted

        assertThat(catchThrowable(check::require)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("queue_unavailable"));
        long start = System.nanoTime();
        Throwable next = catchThrowable(check::require);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(next).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("queue_unavailable");
            assertThat(e.retryAfter()).isPresent();
        });
        assertThat(took).as("the round trip in flight is overdue: not waited for again").isLessThan(TIMEOUT);
    }

    @Test
    void aBrokerThatRefusesTheRoundTripIsRefused() {
        BrokerAvailability check = check();
        broker = Behaviour.REFUSING;

        assertThat(catchThrowable(check::require)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("queue_unavailable"));
    }

    private BrokerAvailability check() {
        BrokerAvailability check = new BrokerAvailability();
        check.checkTimeout = TIMEOUT;
        check.checkReuse = Duration.ofMillis(50);
        check.checkTrust = Duration.ofSeconds(2);
        check.executor = ManagedConcurrency.executor(threads);
        check.connectionFactory = (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ConnectionFactory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createContext")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return context();
                });
        return check;
    }

    private JMSContext context() {
        return (JMSContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JMSContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createTemporaryQueue" -> roundTrip();
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Object roundTrip() throws InterruptedException {
        switch (broker) {
            case SLOW -> Thread.sleep(2 * TIMEOUT.toMillis());
            case FROZEN -> thawed.await();
            case REFUSING -> throw new JMSRuntimeException("Connection refused");
            default -> {
            }
        }
        return null;
    }
}
