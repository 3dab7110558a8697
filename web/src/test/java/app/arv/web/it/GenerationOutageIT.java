package app.arv.web.it;

import app.arv.storage.S3ProxyServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * An outage of what ARV itself depends on — here an organization's object store, stopped while its items are made or
 * wait in the queue — delays generation items rather than failing them: a store away for longer than the broker's
 * back-off for broken attempts (5 deliveries, about 15 s) and back within {@code ARV_GENERATION_OUTAGE_PATIENCE} (the
 * suite's {@link ArvServer#GENERATION_OUTAGE_PATIENCE}) leaves every item completed, none of its attempts spent; one
 * away past it fails the item with a reason naming the outage.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class GenerationOutageIT {

    /** Longer than the broker's back-off (1 + 2 + 4 + 8 s), shorter than the suite's patience. */
    private static final Duration SHORT_OUTAGE = Duration.ofSeconds(25);

    @TempDir
    Path directory;

    /** A tenant whose default store is a bucket of its own, with the images uploaded while it was up. */
    private record Bucket(Api.Tenant tenant, S3ProxyServer store, List<String> images) {
    }

    private Bucket aTenantWithImagesInItsBucket(String... names) throws Exception {
        S3ProxyServer store = new S3ProxyServer(directory.resolve("s3"));
        store.createBucket("arv-media");
        Api.Tenant tenant = S3StorageIT.tenantStoringIn(store.endpoint());
        List<String> images = Arrays.stream(names).map(name -> MediaApi.uploadOne(tenant.memberToken(), name, MediaApi.image(name)))
                .toList();
        return new Bucket(tenant, store, images);
    }

    private static String generate(Api.Tenant tenant, List<String> images) {
        return Api.bearer(tenant.memberToken()).body(Map.of("media_ids", images, "face_limit", 1000)).post("/generations").then()
                .statusCode(202).extract().path("id");
    }

    @Test
    void itemsWhoseStoreIsAwayLongerThanTheBrokersBackOffCompleteOnceItIsBackWithoutSpendingAttempts() throws Exception {
        // Three items, two workers: items being made and one waiting in the queue meet the outage.
        Bucket bucket = aTenantWithImagesInItsBucket("horse.png", "coffee.png", "camera.png");
        int port = bucket.store().port();
        bucket.store().close();
        String job = generate(bucket.tenant(), bucket.images());

        Thread.sleep(SHORT_OUTAGE.toMillis());
        Api.bearer(bucket.tenant().memberToken()).get("/generations/" + job).then().statusCode(200)
                .body("counts.failed", equalTo(0));
        S3ProxyServer back = new S3ProxyServer(directory.resolve("s3"), port);
        try {
            GenerationApi.awaitFinished(bucket.tenant().memberToken(), job, Duration.ofMinutes(3))
                    .body("status", equalTo("completed"))
                    .body("counts.completed", equalTo(3))
                    .body("items.attempts", everyItem(equalTo(1)));
        } finally {
            back.close();
        }
    }

    @Test
    void anItemWhoseStoreStaysAwayPastThePatienceFailsWithAReasonNamingTheOutage() throws Exception {
        Bucket bucket = aTenantWithImagesInItsBucket("horse.png");
        bucket.store().close();

        String job = generate(bucket.tenant(), bucket.images());

        GenerationApi.awaitFinished(bucket.tenant().memberToken(), job, ArvServer.GENERATION_OUTAGE_PATIENCE.plusMinutes(2))
                .body("status", equalTo("failed"))
                .body("items[0].status", equalTo("failed"))
                .body("items[0].attempts", equalTo(0))
                .body("items[0].error", containsString("The storage was unavailable for longer than "
                        + ArvServer.GENERATION_OUTAGE_PATIENCE + " (since "))
                .body("items[0].error", containsString("retry the item"));
    }
}
