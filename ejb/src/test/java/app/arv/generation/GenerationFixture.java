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
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generation services' collaborators as the container wires them, outside a server: repositories
 * on the persistence tests' PostgreSQL, events on a real Redis, after-commit work after each call's
 * commit ({@link StepTransactions}); and an organization with queued jobs, as GenerationService leaves them.
 */
final class GenerationFixture {

    final GenerationRepository generations = new GenerationRepository();
    final MediaRepository media = new MediaRepository();
    final StepTransactions transactions = new StepTransactions(generations, media);
    final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    final MarkerFiles files = new MarkerFiles();
    final GenerationEvents events = new GenerationEvents();
    final GenerationEventHub hub = new GenerationEventHub();
    final MetricRegistry metrics = countingRegistry();
    final Organization organization = new Organization("Acme", "acme-" + UUID.randomUUID().toString().substring(0, 8));

    GenerationFixture(TestRedis redis) {
        StepTransactions.inject(files, "media", media);
        AfterCommit afterCommit = new AfterCommit();
        StepTransactions.inject(afterCommit, "transactions", transactions);
        events.redis = redis.newConnection();
        events.afterCommit = afterCommit;
        hub.redis = events.redis;
        Database.inTransaction(em -> em.persist(organization));
    }

    UUID org() {
        return organization.getId();
    }

    /** Just the counters the generation services keep, in memory (the platform's registry needs a server). */
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

    long count(String counter) {
        return counters.getOrDefault(counter, new AtomicLong()).get();
    }

    MediaResource image() {
        UUID id = UUID.randomUUID();
        MediaResource image = new MediaResource(id, org(), "%064x".formatted(id.getLeastSignificantBits() & Long.MAX_VALUE),
                1000, "image/png", "horse.png", 400, 328, null, "orgs/" + org() + "/" + id);
        Database.inTransaction(em -> em.persist(image));
        return image;
    }

    /** A job as GenerationService leaves it: queued, one item per image. */
    List<GenerationItem> queuedJob(MediaResource... sources) {
        GenerationJob job = new GenerationJob(org(), null, LocalModelProvider.NAME, GenerationPriority.NORMAL,
                new GenerationOptions(2000, TextureQuality.HD), sources.length);
        List<GenerationItem> items = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            items.add(new GenerationItem(org(), job.getId(), i, sources[i].getId()));
        }
        Database.inTransaction(em -> {
            em.persist(job);
            items.forEach(em::persist);
        });
        return items;
    }

    GenerationJob jobOf(GenerationItem item) {
        return transactions.call(() -> generations.findJob(org(), item.getJobId()).orElseThrow());
    }

    GenerationItem reread(GenerationItem item) {
        return transactions.call(() -> generations.findItem(org(), item.getId()).orElseThrow());
    }

    List<StoredEvent> events(GenerationItem item) {
        return hub.since(item.getJobId(), null);
    }

    List<String> eventTypes(GenerationItem item) {
        return events(item).stream().map(StoredEvent::type).toList();
    }
}
