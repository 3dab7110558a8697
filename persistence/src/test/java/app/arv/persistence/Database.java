package app.arv.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for the persistence tests: the database named by {@code TEST_DATABASE_URL} when
 * set, otherwise an embedded PostgreSQL 16 started once per test JVM. The schema comes from the
 * project's own Flyway migrations, and the ARV persistence unit runs on it outside a container.
 */
public final class Database {

    private static EmbeddedPostgres embedded;
    private static DataSource dataSource;
    private static EntityManagerFactory factory;

    private Database() {
    }

    public static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
                dataSource = embedded.getPostgresDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; nothing left to clean up after.
                }
            }));
        }
        return dataSource;
    }

    public static Flyway flyway(DataSource target) {
        return Flyway.configure().dataSource(target).locations("classpath:db/migration").cleanDisabled(false).load();
    }

    /** The persistence unit on the migrated schema, with Hibernate checking that mappings and tables agree. */
    public static synchronized EntityManagerFactory entityManagerFactory() {
        if (factory == null) {
            flyway(dataSource()).migrate();
            factory = Persistence.createEntityManagerFactory("arv", Map.of(
                    "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                    "jakarta.persistence.jtaDataSource", dataSource(),
                    "jakarta.persistence.nonJtaDataSource", dataSource(),
                    "hibernate.transaction.jta.platform", "none",
                    "hibernate.hbm2ddl.auto", "validate",
                    "hibernate.boot.allow_jdbc_metadata_access", "true"));
        }
        return factory;
    }

    /**
     * For tests of locks: waits until a second transaction has started, then gives it time to reach the lock
     * the caller's transaction holds, so that the caller's commit is what lets it go on.
     */
    public static void letTheOtherReachTheLock(CountDownLatch otherStarted) {
        try {
            otherStarted.await();
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * For tests of locks: runs {@code first} in a transaction that stays open until {@code second}, started on another
     * thread, has had time to reach the locks {@code first} holds; the answer is how {@code second} ended.
     */
    public static Future<?> whileTheFirstIsOpen(Consumer<EntityManager> first, Runnable second) {
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> started = new AtomicReference<>();
        try {
            inTransaction(em -> {
                first.accept(em);
                started.set(secondThread.submit(() -> {
                    secondStarted.countDown();
                    second.run();
                }));
                letTheOtherReachTheLock(secondStarted);
            });
            return started.get();
        } finally {
            secondThread.shutdown();
        }
    }

    /** Runs work in one committed transaction, as a container would around a service call. */
    public static void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Stores the entities, in this order, in one committed transaction (the arrange step of most tests). */
    public static void persist(Object... entities) {
        inTransaction(em -> {
            for (Object entity : entities) {
                em.persist(entity);
            }
        });
    }
}
