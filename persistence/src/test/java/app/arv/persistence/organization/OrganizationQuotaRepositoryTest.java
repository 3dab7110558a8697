package app.arv.persistence.organization;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.media.MediaResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationQuotaRepositoryTest extends TwoTenantsTest {

    private static final LocalDate MONTH = LocalDate.of(2026, 11, 1);

    private final OrganizationQuotaRepository quotas = new OrganizationQuotaRepository();

    @Test
    void overridesArePutAndReadBackWithNullMeaningTheDefault() {
        Database.inTransaction(em -> {
            quotas.em = em;
            quotas.findOrCreate(acme.getId()).override(5, null, 2, 1000L, null, true, 3, null, null);
        });

        Database.inTransaction(em -> {
            quotas.em = em;
            OrganizationQuota quota = quotas.find(acme.getId()).orElseThrow();
            assertThat(quota.getRequestsPerMinute()).isEqualTo(5);
            assertThat(quota.getRequestsPerHour()).isNull();
            assertThat(quota.getStoredBytes()).isEqualTo(1000L);
            assertThat(quota.getFalAllowed()).isTrue();
            assertThat(quotas.find(globex.getId())).isEmpty();
        });
    }

    @Test
    void storedBytesSumTheOrganizationsLiveResourcesOnly() {
        Database.inTransaction(em -> {
            em.persist(resource(acme, 100));
            em.persist(resource(acme, 20));
            em.persist(resource(globex, 5000));
            MediaResource retired = resource(acme, 7000);
            retired.markDeleted(Instant.now());
            em.persist(retired);
        });

        Database.inTransaction(em -> {
            quotas.em = em;
            assertThat(quotas.storedBytes(acme.getId())).isEqualTo(120);
        });
    }

    @Test
    void generationsWithinTheLimitsAreCountedForTheMonth() {
        Database.inTransaction(em -> {
            quotas.em = em;
            assertThat(quotas.countGenerations(acme.getId(), MONTH, 3, 1, 10, 5)).isTrue();
            assertThat(quotas.countGenerations(acme.getId(), MONTH, 2, 0, 10, 5)).isTrue();
        });

        Database.inTransaction(em -> {
            quotas.em = em;
            assertThat(quotas.usage(acme.getId(), MONTH)).isEqualTo(new OrganizationQuotaRepository.MonthUsage(5, 1));
            assertThat(quotas.usage(acme.getId(), MONTH.plusMonths(1))).isEqualTo(new OrganizationQuotaRepository.MonthUsage(0, 0));
            assertThat(quotas.usage(globex.getId(), MONTH)).isEqualTo(new OrganizationQuotaRepository.MonthUsage(0, 0));
        });
    }

    @Test
    void generationsPastEitherLimitAreRefusedAndCountNothing() {
        Database.inTransaction(em -> {
            quotas.em = em;
            quotas.countGenerations(acme.getId(), MONTH, 8, 4, 10, 5);

            assertThat(quotas.countGenerations(acme.getId(), MONTH, 3, 0, 10, 5)).isFalse();
            assertThat(quotas.countGenerations(acme.getId(), MONTH, 2, 2, 10, 5)).isFalse();
            assertThat(quotas.usage(acme.getId(), MONTH)).isEqualTo(new OrganizationQuotaRepository.MonthUsage(8, 4));
        });
    }

    @Test
    void localGenerationsAreCountedWhenTheFalBudgetWasLoweredBelowThisMonthsFalUse() {
        Database.inTransaction(em -> {
            quotas.em = em;
            quotas.countGenerations(acme.getId(), MONTH, 8, 8, 100, 10);

            // The operator stops FAL spending (budget 5, then 0): the free local generator goes on working.
            assertThat(quotas.countGenerations(acme.getId(), MONTH, 3, 0, 100, 5)).isTrue();
            assertThat(quotas.countGenerations(acme.getId(), MONTH, 1, 0, 100, 0)).isTrue();
            assertThat(quotas.countGenerations(acme.getId(), MONTH, 1, 1, 100, 5)).isFalse();
            assertThat(quotas.usage(acme.getId(), MONTH)).isEqualTo(new OrganizationQuotaRepository.MonthUsage(12, 8));
        });
    }

    @Test
    void ofTwoConcurrentTransactionsOnlyOneGetsTheLastItems() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<Boolean>> second = new AtomicReference<>();
        AtomicBoolean first = new AtomicBoolean();
        try {
            Database.inTransaction(em -> {
                quotas.em = em;
                first.set(quotas.countGenerations(acme.getId(), MONTH, 6, 0, 10, 10));
                second.set(secondThread.submit(() -> countInOwnTransaction(6, secondStarted)));
                Database.letTheOtherReachTheLock(secondStarted);
            });

            assertThat(first).isTrue();
            assertThat(second.get().get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            secondThread.shutdownNow();
        }
    }

    @Test
    void theStoredBytesLockMakesASecondTransactionWaitForTheFirstsCommit() throws Exception {
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService secondThread = Executors.newSingleThreadExecutor();
        AtomicReference<Future<Long>> second = new AtomicReference<>();
        try {
            Database.inTransaction(em -> {
                quotas.em = em;
                quotas.lockStoredBytes(acme.getId());
                second.set(secondThread.submit(() -> storedBytesAfterLock(secondStarted)));
                Database.letTheOtherReachTheLock(secondStarted);
                em.persist(resource(acme, 300));
            });

            assertThat(second.get().get(30, TimeUnit.SECONDS)).isEqualTo(300);
        } finally {
            secondThread.shutdownNow();
        }
    }

    private boolean countInOwnTransaction(int items, CountDownLatch started) {
        OrganizationQuotaRepository other = new OrganizationQuotaRepository();
        AtomicBoolean counted = new AtomicBoolean();
        started.countDown();
        Database.inTransaction(em -> {
            other.em = em;
            counted.set(other.countGenerations(acme.getId(), MONTH, items, 0, 10, 10));
        });
        return counted.get();
    }

    private long storedBytesAfterLock(CountDownLatch started) {
        OrganizationQuotaRepository other = new OrganizationQuotaRepository();
        AtomicReference<Long> bytes = new AtomicReference<>();
        started.countDown();
        Database.inTransaction(em -> {
            other.em = em;
            other.lockStoredBytes(acme.getId());
            bytes.set(other.storedBytes(acme.getId()));
        });
        return bytes.get();
    }

    private static MediaResource resource(Organization org, long size) {
        return TestData.resource(org.getId(), TestData.randomSha256(), size, "image/png", "poster.png");
    }
}
