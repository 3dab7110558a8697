package app.arv.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for the persistence and service tests: an embedded PostgreSQL 16 started once per test JVM (the
 * ejb module's two test JVMs have one each, on ports of their own). The schema comes from the project's own Flyway
 * migrations, and the ARV persistence unit runs on it outside a container.
 */
public final class Database {

    /** How long a lock test waits for its second transaction to start and to wait for the first's lock. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(20);

    /** How long a claimer in a test of concurrent claims waits for the other one to have claimed. */
    private static final Duration OTHER_CLAIMER_WAIT = Duration.ofSeconds(10);

    /** How long a test of concurrent claims waits for both claims. */
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(30);

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
     * For tests of locks: waits until a second transaction has started and then until it waits for a lock (PostgreSQL
     * shows it in {@code pg_stat_activity}), so that the caller's commit is what lets it go on. A second transaction that
     * never waits fails the test: a fixed pause would let a slow start pass the test without the lock being contended.
     */
    public static void letTheOtherReachTheLock(CountDownLatch otherStarted) {
        try {
            if (!otherStarted.await(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The second transaction did not start within " + LOCK_WAIT);
            }
            long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
            while (!anotherWaitsForALock()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The second transaction did not wait for a lock this one holds within " + LOCK_WAIT);
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether another session of this database is waiting for a lock (a row, a relation, an advisory lock). */
    private static boolean anotherWaitsForALock() {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read pg_stat_activity", e);
        }
    }

    /**
     * For tests of locks: runs {@code first} in a transaction that stays open until {@code second}, started on another
     * thread, waits for a lock {@code first} holds (see {@link #letTheOtherReachTheLock}); the answer is how {@code second} ended.
     */
    public static Future<?> whileTheFirstIsOpen(Consumer<EntityManager> first, Runnable second) {
        return whileTheFirstIsOpen(first, () -> {
            second.run();
            return null;
        });
    }

    /**
     * For tests of locks: as {@link #whileTheFirstIsOpen(Consumer, Runnable)}, where the answer is what {@code second}
     * answered once the first has committed.
     */
    public static <T> Future<T> whileTheFirstIsOpen(Consumer<EntityManager> first, Callable<T> second) {
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<T>> started = new AtomicReference<>();
        try {
            inTransaction(em -> {
                first.accept(em);
                started.set(secondThread.submit(() -> {
                    secondStarted.countDown();
                    return second.call();
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

    /** What {@code work} answers, run in one committed transaction (the act or a look at the database afterwards). */
    public static <T> T result(Function<EntityManager, T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        inTransaction(em -> result.set(work.apply(em)));
        return result.get();
    }

    /**
     * For tests of claims that skip locked rows ({@code FOR UPDATE SKIP LOCKED}): runs {@code claim} for each of two
     * claimers at once, each in a transaction of its own that stays open, its rows locked, until both have claimed. The
     * second claim thus runs while the first one's rows are locked and must skip them, neither waiting for them nor
     * taking them; a claimer that waits fails the test. The answer is what each claimer took, in the claimers' order.
     */
    public static <T> List<List<T>> claimedTogether(Function<EntityManager, List<T>> first, Function<EntityManager, List<T>> second) {
        CountDownLatch bothClaimed = new CountDownLatch(2);
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        try {
            Future<List<T>> a = claimers.submit(() -> claimHolding(first, bothClaimed));
            Future<List<T>> b = claimers.submit(() -> claimHolding(second, bothClaimed));
            return List.of(a.get(CLAIM_WAIT.toMillis(), TimeUnit.MILLISECONDS), b.get(CLAIM_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while two claimers claimed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("A claimer did not claim", e);
        } finally {
            claimers.shutdownNow();
        }
    }

    private static <T> List<T> claimHolding(Function<EntityManager, List<T>> claim, CountDownLatch bothClaimed) {
        return result(em -> {
            List<T> claimed = claim.apply(em);
            bothClaimed.countDown();
            try {
                // The other claimer's claim returns while this one's rows are still locked, or it waited on them.
                if (!bothClaimed.await(OTHER_CLAIMER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("The other claimer waited on the rows this one holds instead of skipping them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return claimed;
        });
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
