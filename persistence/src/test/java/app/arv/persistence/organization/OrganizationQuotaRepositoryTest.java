package app.arv.persistence.organization;

import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.TwoTenantsTest;
import app.arv.persistence.media.MediaResource;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
        AtomicBoolean first = new AtomicBoolean();

        Future<Boolean> second = Database.whileTheFirstIsOpen(em -> first.set(quotas(em).countGenerations(acme.getId(), MONTH, 6, 0, 10, 10)),
                () -> Database.result(em -> quotas(em).countGenerations(acme.getId(), MONTH, 6, 0, 10, 10)));

        assertThat(first).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theStoredBytesLockMakesASecondTransactionWaitForTheFirstsCommit() throws Exception {
        Future<Long> second = Database.whileTheFirstIsOpen(em -> {
            quotas(em).lockStoredBytes(acme.getId());
            em.persist(resource(acme, 300));
        }, () -> Database.result(em -> {
            OrganizationQuotaRepository other = quotas(em);
            other.lockStoredBytes(acme.getId());
            return other.storedBytes(acme.getId());
        }));

        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(300);
    }

    /** A quota repository of its own working on {@code em}, as each concurrent transaction has. */
    private static OrganizationQuotaRepository quotas(EntityManager em) {
        OrganizationQuotaRepository repository = new OrganizationQuotaRepository();
        repository.em = em;
        return repository;
    }

    private static MediaResource resource(Organization org, long size) {
        return TestData.resource(org.getId(), TestData.randomSha256(), size, "image/png", "poster.png");
    }
}
