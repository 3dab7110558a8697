package app.arv.media;

import app.arv.CountedMetrics;
import app.arv.ServiceBeans;
import app.arv.TestTransactions;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.organization.Organization;
import app.arv.protection.QuotaRules;
import app.arv.protection.RateLimitRules;
import app.arv.security.Caller;
import app.arv.security.Callers;
import app.arv.storage.TestStores;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two multipart uploads of one organization recorded at the same time, on real PostgreSQL and the platform's local store:
 * the second's recording waits for the first's, and then counts against the stored-bytes quota only what is still new.
 */
class ConcurrentUploadsTest {

    private static final UploadRules RULES = new UploadRules(10 << 20, 25, 50_000_000, 0, List.of("image/png"));
    private static final RateLimitRules RATES = new RateLimitRules(true, 60, 1000, 10, 120, 600, 10000);

    @TempDir
    Path dataDir;
    private TestStores stores;
    private Spool spool;
    private Organization acme;
    private Caller member;

    @BeforeEach
    void anOrganizationAndOneOfItsMembers() {
        stores = new TestStores(dataDir);
        spool = TestSpools.in(dataDir);
        acme = TestData.organization("Acme");
        member = Callers.memberOf(acme.getId());
    }

    @Test
    void theSameNewFileUploadedTwiceAtOnceIsStoredOnceWhenTheQuotaHasRoomForOneCopy() throws Exception {
        byte[] horse = TestImages.resource("horse.png");
        // One copy is the original and its thumbnails (a little more than the original here), not a second original.
        long roomForOneCopy = 3L * horse.length;
        AtomicReference<List<MediaResource>> first = new AtomicReference<>();

        Future<List<MediaResource>> second = Database.whileTheFirstIsOpen(
                em -> first.set(upload(em, horse, roomForOneCopy)),
                () -> Database.result(em -> upload(em, horse, roomForOneCopy)));

        assertThat(outcome(second)).extracting(MediaResource::getId)
                .containsExactly(first.get().get(0).getId());
    }

    /** One {@code POST /media} of the file, in the caller's transaction, as the endpoint's service call makes it. */
    private List<MediaResource> upload(EntityManager em, byte[] bytes, long storedBytesQuota) {
        TestTransactions transaction = new TestTransactions();
        transaction.began();
        ServiceBeans beans = stores.beans(em).with(TransactionSynchronizationRegistry.class, transaction)
                .with(UploadRules.class, RULES).with(Spool.class, spool)
                .with(ImageDecoding.class, new ImageDecoding(RULES, 2, 128L << 20, Duration.ofSeconds(1)))
                .with(MetricRegistry.class, new CountedMetrics().registry())
                .with(QuotaRules.class, new QuotaRules(storedBytesQuota, 1000, false, 100)).with(RateLimitRules.class, RATES);
        SpooledFile file = spool.take("horse.png", new ByteArrayInputStream(bytes), RULES.maxFileBytes());
        return beans.get(MediaService.class).upload(member, List.of(file));
    }

    /** How the call ended: its exception thrown here as it was. */
    private static <T> T outcome(Future<T> call) throws InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
