package app.arv.generation;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.TestTransactions;
import app.arv.events.RedisConnection;
import app.arv.events.TestRedis;
import app.arv.generation.fal.FalModelProvider;
import app.arv.generation.fal.FalRules;
import app.arv.imaging.model3d.GenerationOptions;
import app.arv.imaging.model3d.TextureQuality;
import app.arv.notification.RecordedOccurrences;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.generation.GenerationItem;
import app.arv.persistence.generation.GenerationJob;
import app.arv.persistence.generation.GenerationPriority;
import app.arv.persistence.generation.GenerationRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.platform.ServerNode;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The generation services as the container runs them, outside a server: built by {@link ServiceBeans}
 * on the persistence tests' PostgreSQL, one committed transaction per call, events on a real Redis,
 * sent once the call has committed ({@link app.arv.events.AfterCommit} on {@link TestTransactions}); the providers of a
 * server without a FAL key unless a test says otherwise ({@link #providers}); and an organization with queued jobs, as
 * GenerationService leaves them.
 */
public final class GenerationFixture {

    /** FAL's settings on a server that has no key for it: FAL is a provider bean, known to be paid, but not offered. */
    static final FalRules NO_FAL_KEY = new FalRules("https://queue.fal.run", Optional.empty(), Duration.ofSeconds(10),
            Duration.ofSeconds(60), 209_715_200, Duration.ofSeconds(2), Duration.ofMinutes(10));

    private final RedisConnection redis;
    private final TestTransactions transactions = new TestTransactions();
    private final CountedMetrics metrics = new CountedMetrics();
    private final GenerationEventHub hub;
    private final Organization organization;
    private final String node;
    private final TestRedis testRedis;
    private final RecordedOccurrences occurrences = new RecordedOccurrences();
    private final List<Consumer<ServiceBeans>> supplied = new ArrayList<>();

    public GenerationFixture(TestRedis testRedis) {
        this(testRedis, TestData.organization("Acme"), "node-a");
    }

    private GenerationFixture(TestRedis testRedis, Organization organization, String node) {
        this.testRedis = testRedis;
        this.organization = organization;
        this.node = node;
        redis = testRedis.newConnection();
        // Only its stream reading is used here: no database, no subscription.
        hub = new ServiceBeans(null).with(RedisConnection.class, redis).get(GenerationEventHub.class);
        providersOf(NO_FAL_KEY);
    }

    /** The same organization's calls as a second node makes them: its own Redis client, the same database and Redis. */
    GenerationFixture onAnotherNode() {
        return new GenerationFixture(testRedis, organization, "node-b");
    }

    /** What the services announced (a job finished), in order. */
    RecordedOccurrences occurrences() {
        return occurrences;
    }

    /** What the container would bring from outside ARV (configuration, CDI's lookups), for every call from now on. */
    <T> void supply(Class<T> type, T instance) {
        supplied.add(beans -> beans.with(type, instance));
    }

    /** The provider beans the deployment has ({@link ModelProviders}' CDI instance), for every call from now on. */
    void providers(ModelProvider... providers) {
        supply(Instance.class, new ProviderBeans(providers));
    }

    /** The provider beans of a server with these FAL settings (a key or none): the local generator and FAL. */
    void providersOf(FalRules fal) {
        ServiceBeans container = new ServiceBeans(null).with(FalRules.class, fal);
        providers(container.get(LocalModelProvider.class), container.get(FalModelProvider.class));
    }

    /** What the container would bring that depends on the call's own beans (its transaction's), for every call from now on. */
    void supplyEach(Consumer<ServiceBeans> supply) {
        supplied.add(supply);
    }

    public UUID org() {
        return organization.getId();
    }

    /** One call of a bean in its own committed transaction; its after-commit work runs after the commit. */
    public <B, T> T call(Class<B> bean, Function<B, T> call) {
        T result = committed(transactions, bean, call);
        transactions.ended(true);
        return result;
    }

    /**
     * One call committed as {@link #call} commits it, with its after-commit work (its events) held back, as when the
     * thread that committed it is paused right after the commit: the answer lets that work run.
     */
    <B> Runnable runHoldingAfterCommit(Class<B> bean, Consumer<B> call) {
        TestTransactions held = new TestTransactions();
        committed(held, bean, b -> {
            call.accept(b);
            return null;
        });
        return () -> held.ended(true);
    }

    /** The call in its own transaction on {@code registry}; a transaction that did not commit has ended when this throws. */
    private <B, T> T committed(TestTransactions registry, Class<B> bean, Function<B, T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            Database.inTransaction(em -> {
                registry.began();
                ServiceBeans beans = new ServiceBeans(em).with(RedisConnection.class, redis).with(MetricRegistry.class, metrics.registry())
                        .with(TransactionSynchronizationRegistry.class, registry)
                        .with(ServerNode.class, ServerNode.named(node)).with(Event.class, occurrences);
                supplied.forEach(supply -> supply.accept(beans));
                result.set(call.apply(beans.get(bean)));
            });
        } catch (RuntimeException | Error e) {
            registry.ended(false);
            throw e;
        }
        return result.get();
    }

    /** One call of a bean that answers nothing, in its own committed transaction. */
    public <B> void run(Class<B> bean, Consumer<B> call) {
        call(bean, b -> {
            call.accept(b);
            return null;
        });
    }

    long count(String counter) {
        return metrics.count(counter);
    }

    public MediaResource image() {
        UUID id = UUID.randomUUID();
        MediaResource image = new MediaResource(id, org(), "%064x".formatted(id.getLeastSignificantBits() & Long.MAX_VALUE),
                1000, "image/png", "horse.png", 400, 328, null, "orgs/" + org() + "/" + id);
        Database.persist(image);
        return image;
    }

    /** A job as GenerationService leaves it: queued, one item per image. */
    List<GenerationItem> queuedJob(MediaResource... sources) {
        return queuedJob(LocalModelProvider.NAME, sources);
    }

    /** A job for that provider as GenerationService leaves it. */
    public List<GenerationItem> queuedJob(String provider, MediaResource... sources) {
        return persistedJob(provider, null, sources);
    }

    /**
     * A job for that provider as GenerationService accepts it, its items counted against this month's quotas (the
     * quota rules supplied must admit them).
     */
    public List<GenerationItem> countedJob(String provider, MediaResource... sources) {
        LocalDate month = call(GenerationQuota.class, quota -> quota.admit(org(), provider, sources.length));
        return persistedJob(provider, month, sources);
    }

    private List<GenerationItem> persistedJob(String provider, LocalDate countedIn, MediaResource... sources) {
        GenerationJob job = new GenerationJob(org(), null, provider, GenerationPriority.NORMAL,
                new GenerationOptions(2000, TextureQuality.HD), sources.length);
        List<GenerationItem> items = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            GenerationItem item = new GenerationItem(org(), job.getId(), i, sources[i].getId());
            item.countedIn(countedIn);
            items.add(item);
        }
        Database.inTransaction(em -> {
            em.persist(job);
            items.forEach(em::persist);
        });
        return items;
    }

    GenerationJob jobOf(GenerationItem item) {
        return call(GenerationRepository.class, r -> r.findJob(org(), item.getJobId()).orElseThrow());
    }

    public GenerationItem reread(GenerationItem item) {
        return call(GenerationRepository.class, r -> r.findItem(org(), item.getId()).orElseThrow());
    }

    List<StoredEvent> events(GenerationItem item) {
        return hub.since(item.getJobId(), null);
    }

    List<String> eventTypes(GenerationItem item) {
        return events(item).stream().map(StoredEvent::type).toList();
    }
}
