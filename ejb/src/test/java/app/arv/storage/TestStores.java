package app.arv.storage;

import app.arv.ServiceBeans;
import app.arv.TestTransactions;
import app.arv.outbound.OutboundPolicy;
import app.arv.persistence.Database;
import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageConnectionRepository;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link ObjectStores} as the container sets it up, for the service tests: the platform's local store and the key
 * that encrypts S3 secrets in a directory of the test's, S3 stores on this machine (127.0.0.1) allowed, timeouts of
 * seconds. One per test; {@link #beans} gives one transaction's beans with it, {@link #inTransaction} also runs what
 * is due once the transaction has ended (staged objects settled).
 */
public final class TestStores {

    /** Storage connections (and the operator's hosts) on this machine allowed. */
    private static final OutboundPolicy LOOPBACK_ALLOWED = new OutboundPolicy("127.0.0.1", "", "127.0.0.1",
            InetAddress::getAllByName);

    private final Path dataDir;
    private final OutboundPolicy outbound;

    public TestStores(Path dataDir) {
        this(dataDir, LOOPBACK_ALLOWED);
    }

    /** @param outbound the installation's allow-lists */
    public TestStores(Path dataDir, OutboundPolicy outbound) {
        this.dataDir = dataDir;
        this.outbound = outbound;
    }

    /** The beans of one transaction, {@link ObjectStores} among them, wired to that transaction's repositories. */
    public ServiceBeans beans(EntityManager em) {
        ServiceBeans beans = new ServiceBeans(em).with(OutboundPolicy.class, outbound);
        ObjectStores stores = new ObjectStores();
        stores.dataDir = dataDir.toString();
        stores.encryptionKey = Optional.empty();
        stores.outbound = outbound;
        stores.timeouts = new StorageTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
        stores.connections = beans.get(StorageConnectionRepository.class);
        stores.init();
        return beans.with(ObjectStores.class, stores);
    }

    /**
     * One call in a transaction of its own, committed unless the call throws; what the beans registered for the end of
     * the transaction runs once it has ended, as the container's transaction registry would — in a transaction of its
     * own, as the container's threads give the work they take on then (forgetting the owed deletions of removed objects).
     */
    public <T> T inTransaction(Function<ServiceBeans, T> call) {
        TestTransactions completions = new TestTransactions();
        completions.began();
        EntityManager em = Database.entityManagerFactory().createEntityManager();
        boolean committed = false;
        try {
            em.getTransaction().begin();
            T result = call.apply(beans(em).with(TransactionSynchronizationRegistry.class, completions));
            em.getTransaction().commit();
            committed = true;
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            try {
                // Nothing of the ended transaction is written again by the next one.
                em.clear();
                em.getTransaction().begin();
                completions.ended(committed);
                em.getTransaction().commit();
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
    }

    /**
     * An S3 connection of the organization (region {@code us-east-1}, no base path), not saved yet, its secret sealed
     * as the service seals it (with the key {@link #beans} use).
     */
    public StorageConnection s3(UUID organizationId, String name, String endpoint, String bucket, String accessKey, String secret) {
        StorageConnection connection = StorageConnection.s3(organizationId, name, endpoint, "us-east-1", bucket, accessKey, null, null);
        beans(null).get(ObjectStores.class).sealSecret(connection, secret);
        return connection;
    }
}
