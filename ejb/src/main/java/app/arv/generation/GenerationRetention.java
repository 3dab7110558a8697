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
 * The scheduled form of the admin clean-up: every {@code arv.generation.cleanup-interval}, jobs of
 * every organization finished longer than {@code arv.generation.retention} ago are deleted with
 * their files (as {@code POST /api/v1/admin/cleanup} does for one organization). A retention of
 * zero or less keeps jobs forever.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class GenerationRetention {

    private static final Logger LOG = Logger.getLogger(GenerationRetention.class.getName());

    @Resource
    TimerService timers;

    @Inject
    GenerationAdmin admin;

    @Inject
    GenerationRules rules;

    @PostConstruct
    void schedule() {
        if (rules.keepsJobsForever()) {
            LOG.info("Generation retention is off: finished jobs are kept until an admin cleans them up");
            return;
        }
        rules.check();
        NodeTimers.every(timers, rules.cleanupInterval(), "generation-retention");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void apply() {
        NodeTimers.round(LOG, "Generation retention", () -> {
            GenerationAdmin.Cleanup done = admin.retireFinishedBefore(Instant.now().minus(rules.retention()));
            if (done.jobsDeleted() > 0) {
                LOG.info(done.jobsDeleted() + " generation jobs (" + done.itemsDeleted() + " items) finished over "
                        + rules.retention() + " ago were deleted");
            }
        });
    }
}
