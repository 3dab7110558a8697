package app.arv.platform;

import app.arv.persistence.shared.ClusterLocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Runs every {@link ClusterRound} of the application: one timer per round on each node ({@link NodeTimers}), each firing
 * one transaction that takes the round's lock without waiting — the node that gets it does the round, the others skip
 * it until their next firing. A failed round is logged and left to the next one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterRounds {

    private static final Logger LOG = Logger.getLogger(ClusterRounds.class.getName());

    @Resource
    TimerService timers;

    @Inject
    @Any
    Instance<ClusterRound> rounds;

    @Inject
    ClusterLocks locks;

    @PostConstruct
    void schedule() {
        for (ClusterRound round : rounds) {
            round.interval().ifPresentOrElse(interval -> NodeTimers.every(timers, interval, timerName(round)),
                    () -> LOG.info("The " + timerName(round) + " round is off on this installation"));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void fire(Timer timer) {
        for (ClusterRound round : rounds) {
            if (timerName(round).equals(timer.getInfo())) {
                run(round, Instant.now());
            }
        }
    }

    /** One round as of {@code now} in the caller's transaction: done if this node gets the lock, skipped otherwise. */
    void run(ClusterRound round, Instant now) {
        NodeTimers.round(LOG, "The " + timerName(round), () -> {
            if (locks.tryHold(round.lock())) {
                round.run(now).ifPresent(done -> LOG.fine(timerName(round) + ": " + done));
            }
        });
    }

    private static String timerName(ClusterRound round) {
        return round.lock().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
