package app.arv.idempotency;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The claims this node's running requests hold, and their renewal: every {@link IdempotencyRules#renewal()} each
 * one's lease is extended to a whole {@code arv.idempotency.lease} from then, so a request keeps its key however long
 * it runs (a 250 MB upload over a slow link), and only a claim whose node stopped runs out and may be taken over.
 * A request lets go of its claim when it ends, however it ends (the web layer's request listener). A claim held
 * longer than {@code arv.idempotency.retention} is let go unrenewed all the same: its record is deleted by then
 * ({@link IdempotencyExpiry}), so a request that never said it ended cannot keep a key, nor this record grow, for ever.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeldClaims {

    private static final Logger LOG = Logger.getLogger(HeldClaims.class.getName());

    /** Record id to when its request claimed it. */
    private final Map<UUID, Instant> held = new ConcurrentHashMap<>();

    @Resource
    TimerService timers;

    @Inject
    IdempotencyKeys keys;

    @Inject
    IdempotencyRules rules;

    @PostConstruct
    void schedule() {
        NodeTimers.every(timers, rules.renewal(), "idempotency-lease-renewal");
    }

    /** A request of this node claimed the record ({@link Claim.Granted}): its lease is renewed until {@link #letGo}. */
    public void hold(UUID recordId) {
        held.put(recordId, Instant.now());
    }

    /** The request that held the record ended: its lease is no longer renewed. */
    public void letGo(UUID recordId) {
        held.remove(recordId);
    }

    /** The records whose leases this node renews. */
    public Set<UUID> held() {
        return Set.copyOf(held.keySet());
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void renewRound() {
        NodeTimers.round(LOG, "Idempotency lease renewal", () -> renew(Instant.now()));
    }

    /** Extends the leases of the claims held at {@code now}, after letting go of those held longer than the retention. */
    void renew(Instant now) {
        Instant oldest = now.minus(rules.retention());
        List<UUID> overdue = held.entrySet().stream().filter(claim -> claim.getValue().isBefore(oldest)).map(Map.Entry::getKey).toList();
        if (!overdue.isEmpty()) {
            overdue.forEach(held::remove);
            LOG.warning(() -> overdue.size() + " idempotency claims held longer than arv.idempotency.retention let go unrenewed");
        }
        Set<UUID> renewed = held();
        if (!renewed.isEmpty()) {
            keys.renew(renewed, now.plus(rules.lease()));
        }
    }
}
