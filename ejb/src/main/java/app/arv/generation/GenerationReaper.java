package app.arv.generation;

import app.arv.platform.NodeTimers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.logging.Logger;

/**
 * Items left {@code processing} without a change for {@code arv.generation.stuck-after} fail with a
 * reason: their worker is gone (a node that died mid-model), and a job must not wait for it forever.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GenerationReaper {

    private static final Logger LOG = Logger.getLogger(GenerationReaper.class.getName());
    private static final int BATCH = 200;

    @Resource
    TimerService timers;

    @Inject
    GenerationSteps steps;

    @Inject
    GenerationRules rules;

    @PostConstruct
    void schedule() {
        rules.check();
        NodeTimers.every(timers, rules.reapInterval(), "generation-reaper");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void reap() {
        NodeTimers.round(LOG, "Generation reaper", () -> {
            int reaped = steps.reapStuck(Instant.now().minus(rules.stuckAfter()), BATCH);
            if (reaped > 0) {
                LOG.warning(reaped + " generation items were stuck in processing for over " + rules.stuckAfter() + " and failed");
            }
        });
    }
}
