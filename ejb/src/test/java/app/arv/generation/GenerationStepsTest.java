package app.arv.generation;

import app.arv.events.AfterCommit;
import app.arv.events.TestRedis;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.marker.MarkerFiles;
import app.arv.persistence.Database;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.generation.GenerationStatus;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.platform.ServerNode;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item's steps on a real PostgreSQL (after Flyway, Hibernate validating the mapping) and a real
 * Redis, without a server: each step in its own committed transaction, as a worker's calls run, and
 * the events read back from the job's stream as SSE clients read them.
 */
class GenerationStepsTest {

    @RegisterExtension
    static final TestRedis redis = new TestRedis();

    private final GenerationRepository generations = new GenerationRepository();
    private final MediaRepository media = new MediaRepository();
    private final StepTransactions transactions = new StepTransactions(generations, media);
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final GenerationSteps steps = new GenerationSteps();
    private final GenerationEventHub hub = new GenerationEventHub();
    private Organization acme;

    @BeforeEach
    void wireAsTheContainerWould() {
        MarkerFiles files = new MarkerFiles();
        StepTransactions.inject(files, "media", media);
        AfterCommit afterCommit = new AfterCommit();
        StepTransactions.inject(afterCommit, "transactions", transactions);
        GenerationEvents events = new GenerationEvents();
        events.redis = redis.newConnection();
        events.afterCommit = afterCommit;
        hub.redis = events.redis;
        steps.generations = generations;
        steps.files = files;
        steps.events = events;
        steps.metrics = countingRegistry();
        steps.node = ServerNode.named("node-a");

        acme = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));
        Database.inTransaction(em -> em.persist(acme));
    }

    /** Just the counters GenerationSteps keeps, in memory (the platform's registry needs a server). */
    private MetricRegistry countingRegistry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{MetricRegistry.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("counter") || args.length != 1 || !(args[0] instanceof String name)) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    AtomicLong count = counters.computeIfAbsent(name, n -> new AtomicLong());
                    return new Counter() {
                        @Override
                        public void inc() {
                            count.incrementAndGet();
                        }

                        @Override
                        public void inc(long n) {
                            count.addAndGet(n);
                        }

                        @Override
                        public long getCount() {
                            return count.get();
                        }
                    };
                });
    }

    private MediaResource image() {
        UUID id = UUID.randomUUID();
        MediaResource image = new MediaResource(id, acme.getId(), "%064x".formatted(id.getLeastSignificantBits() & Long.MAX_VALUE),
                1000, "image/png", "horse.png", 400, 328, null, "orgs/" + acme.getId() + "/" + id);
        Database.inTransaction(em -> em.persist(image));
        return image;
    }

    /** A job as GenerationService leaves it: queued, one item per image. */
    private List<GenerationItem> queuedJob(MediaResource... sources) {
        GenerationJob job = new GenerationJob(acme.getId(), null, LocalModelProvider.NAME, GenerationPriority.NORMAL,
                new GenerationOptions(2000, TextureQuality.HD), sources.length);
        List<GenerationItem> items = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            items.add(new GenerationItem(acme.getId(), job.getId(), i, sources[i].getId()));
        }
        Database.inTransaction(em -> {
            em.persist(job);
            items.forEach(em::persist);
        });
        return items;
    }

    private GenerationJob jobOf(GenerationItem item) {
        return transactions.call(() -> generations.findJob(acme.getId(), item.getJobId()).orElseThrow());
    }

    private GenerationItem reread(GenerationItem item) {
        return transactions.call(() -> generations.findItem(acme.getId(), item.getId()).orElseThrow());
    }

    private List<String> eventTypes(GenerationItem item) {
        return hub.since(item.getJobId(), null).stream().map(StoredEvent::type).toList();
    }

    @Test
    void aClaimedItemRunsOnTheClaimingNodeWithItsJobsOptions() {
        GenerationItem item = queuedJob(image()).get(0);

        var claim = transactions.call(() -> steps.claim(acme.getId(), item.getId())).orElseThrow();

        assertThat(claim.options()).isEqualTo(new GenerationOptions(2000, TextureQuality.HD));
        assertThat(claim.provider()).isEqualTo(LocalModelProvider.NAME);
        GenerationItem taken = reread(item);
        assertThat(taken.getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(taken.getNode()).isEqualTo("node-a");
        assertThat(jobOf(item).getStatus()).isEqualTo(GenerationStatus.PROCESSING);
        assertThat(eventTypes(item)).containsExactly("progress");
    }

    @Test
    void aFinishedItemIsNotClaimedAgain() {
        GenerationItem item = queuedJob(image()).get(0);
        transactions.run(() -> steps.fail(acme.getId(), item.getId(), "broken"));

        var claim = transactions.call(() -> steps.claim(acme.getId(), item.getId()));

        assertThat(claim).isEmpty();
        assertThat(reread(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void anItemWhoseSourceWasDeletedFailsWhenClaimed() {
        MediaResource source = image();
        GenerationItem item = queuedJob(source).get(0);
        Database.inTransaction(em -> em.find(MediaResource.class, source.getId()).markDeleted(Instant.now()));

        var claim = transactions.call(() -> steps.claim(acme.getId(), item.getId()));

        assertThat(claim).isEmpty();
        assertThat(reread(item).getError()).contains("source image was deleted");
        assertThat(jobOf(item).getStatus()).isEqualTo(GenerationStatus.FAILED);
    }

    @Test
    void theLastItemToEndSettlesTheJobAndAnnouncesItOnce() {
        List<GenerationItem> items = queuedJob(image(), image());
        transactions.run(() -> steps.fail(acme.getId(), items.get(0).getId(), "first broke"));
        assertThat(jobOf(items.get(0)).getStatus()).isEqualTo(GenerationStatus.PROCESSING);

        transactions.run(() -> steps.fail(acme.getId(), items.get(1).getId(), "second broke"));

        assertThat(jobOf(items.get(0)).getStatus()).isEqualTo(GenerationStatus.FAILED);
        List<StoredEvent> events = hub.since(items.get(0).getJobId(), null);
        assertThat(events).extracting(StoredEvent::type).containsExactly("item_failed", "item_failed", "completed");
        assertThat(events.get(2).data()).isEqualTo("{\"status\":\"failed\",\"completed\":0,\"failed\":2}");
        assertThat(counters.get("arv_generation_items_failed")).hasValue(2);
    }

    @Test
    void anItemTheBrokerGaveUpOnFailsWithItsLastAttemptsReason() {
        GenerationItem item = queuedJob(image()).get(0);
        transactions.call(() -> steps.claim(acme.getId(), item.getId()));
        transactions.run(() -> steps.noteAttemptFailure(acme.getId(), item.getId(), "storage timed out"));

        transactions.run(() -> steps.giveUp(acme.getId(), item.getId()));

        GenerationItem failed = reread(item);
        assertThat(failed.getStatus()).isEqualTo(GenerationStatus.FAILED);
        assertThat(failed.getError()).isEqualTo("Gave up after 1 attempts; last error: storage timed out");
    }

    @Test
    void progressOfAnItemNoLongerProcessingIsDropped() {
        GenerationItem item = queuedJob(image()).get(0);
        transactions.call(() -> steps.claim(acme.getId(), item.getId()));
        transactions.run(() -> steps.fail(acme.getId(), item.getId(), "broken"));

        transactions.run(() -> steps.progress(acme.getId(), item.getId(), 60, "texturing"));

        assertThat(reread(item).getStage()).isEqualTo("failed");
        assertThat(eventTypes(item)).containsExactly("progress", "item_failed", "completed");
    }
}
