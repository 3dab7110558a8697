package app.arv.web.it;

import app.arv.storage.MisbehavingS3;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import java.util.function.ToIntBiFunction;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the compile job makes of an organization's store that will not do its part. One that refuses the connection's
 * settings (502 {@code storage_misconfigured}) fails the item at once with the reason, rather than leaving it "compiling" in
 * a job that completed (nothing would ever pick it up again). One that is only away for now (503
 * {@code storage_unavailable}) is no fault of the item's: it stays compiling, and the recovery timer's restart compiles it
 * once the store is back.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class MarkerStoreRefusalIT {

    private static final Duration STORE_TOUCHED = Duration.ofSeconds(60);

    @Test
    void aMarkerTheStoreDeniesFailsAtOnceWithTheReason() throws Exception {
        try (MisbehavingS3 denying = new MisbehavingS3(MisbehavingS3.Misbehaviour.DENIED_WRITES)) {
            Api.Tenant tenant = S3StorageIT.tenantStoringIn(denying.endpoint());
            String project = MarkerApi.newProject(tenant.memberToken());

            String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

            MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("failed"))
                    .body("failure", containsString("the compiled marker could not be stored"));
        }
    }

    @Test
    void aMarkerTheStoreCannotTakeForAWhileIsReadyOnceTheStoreIsBack() throws Exception {
        compilesOnceTheStoreIsBack(MisbehavingS3.Misbehaviour.REFUSED_WRITES, (store, tenant) -> store.slowWrites(), 2);
    }

    @Test
    void aPortraitTheStoreCannotSendForAWhileCompilesOnceTheStoreIsBack() throws Exception {
        compilesOnceTheStoreIsBack(MisbehavingS3.Misbehaviour.REFUSED_READS, (store, tenant) -> store.objectReads(), 2);
    }

    /**
     * Every restart meets the store away, so the job runs more executions than the five it is given for failures of its
     * own (a few seconds each with the suite's recovery rounds): the outage spends none of them.
     */
    @Test
    void aPortraitTheStoreCannotSendForLongerThanAJobsExecutionsCompilesOnceTheStoreIsBack() throws Exception {
        compilesOnceTheStoreIsBack(MisbehavingS3.Misbehaviour.REFUSED_READS,
                (store, tenant) -> BatchJobsApi.executionsOf(tenant.organizationId()).size(), 7);
    }

    /**
     * A portrait compiled while the organization's store is {@code away} that way: the marker waits through
     * {@code meetings} meetings with it ({@code metAway} counts them: the first compile, then the recovery timer's
     * restarts) and is ready once the store is back.
     */
    private static void compilesOnceTheStoreIsBack(MisbehavingS3.Misbehaviour away,
            ToIntBiFunction<MisbehavingS3, Api.Tenant> metAway, int meetings) throws Exception {
        try (MisbehavingS3 store = new MisbehavingS3(away)) {
            Api.Tenant tenant = S3StorageIT.tenantStoringIn(store.endpoint());
            String project = MarkerApi.newProject(tenant.memberToken());

            String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
            awaitAttempts(tenant, id, () -> metAway.applyAsInt(store, tenant), meetings);
            store.comeBack();

            MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
        }
    }

    /**
     * Waits until the store has been met away {@code attempts} times (the first compile, then the recovery timer's
     * restarts), the marker still waiting for it all along.
     */
    private static void awaitAttempts(Api.Tenant tenant, String contentId, IntSupplier refused, int attempts)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(STORE_TOUCHED);
        while (refused.getAsInt() < attempts) {
            String status = MediaApi.as(tenant.memberToken()).get("/ar-content/" + contentId + "/marker").then().statusCode(200)
                    .extract().path("status");
            if (!"pending".equals(status) && !"compiling".equals(status)) {
                throw new AssertionError("The marker became " + status + " while the store was away (met "
                        + refused.getAsInt() + " times)");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The store was met " + refused.getAsInt() + " times within " + STORE_TOUCHED
                        + ", not " + attempts);
            }
            Thread.sleep(100);
        }
    }
}
