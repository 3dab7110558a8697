package app.arv.web.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Uploading to the library: checked, stored once per organization, thumbnails attached, deleted when unused. */
@ExtendWith(ArvServer.class)
class MediaUploadIT {

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void anUploadedImageHasItsSniffedTypeSizeAndTwoThumbnails() {
        byte[] rocket = MediaApi.image("rocket.jpg");

        // The client calls it a PNG and sends it as octet-stream: only the bytes decide.
        String id = MediaApi.uploadOne(tenant.memberToken(), "rocket.png", rocket);

        MediaApi.as(tenant.memberToken()).get("/media/" + id).then().statusCode(200)
                .body("media_type", equalTo("image/jpeg"))
                .body("size_bytes", equalTo(rocket.length))
                .body("sha256", equalTo(MediaApi.sha256(rocket)))
                .body("width", equalTo(640)).body("height", equalTo(427))
                .body("original_name", equalTo("rocket.png"))
                .body("thumbnails.width", contains(256, 640))
                .body("thumbnails.media_type", contains("image/jpeg", "image/jpeg"));
    }

    @Test
    void theLibraryListingCarriesEachFilesThumbnails() {
        String id = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));

        MediaApi.as(tenant.memberToken()).get("/media").then().statusCode(200)
                .body("items.id", contains(id))
                .body("items[0].thumbnails.width", contains(256, 640))
                .body("items[0].used_by", equalTo(0));
    }

    @Test
    void aThumbnailCanBeDownloaded() {
        String id = MediaApi.uploadOne(tenant.memberToken(), "chelsea.png", MediaApi.image("chelsea.png"));
        String thumbnailUrl = MediaApi.as(tenant.memberToken()).get("/media/" + id).then().extract().path("thumbnails[0].content_url");

        byte[] thumbnail = MediaApi.as(tenant.memberToken()).basePath("").get(thumbnailUrl).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();

        assertThat(thumbnail).startsWith(0xFF, 0xD8, 0xFF);
    }

    @Test
    void identicalBytesAreStoredOnceAndListedOnce() {
        byte[] horse = MediaApi.image("horse.png");
        String first = MediaApi.uploadOne(tenant.memberToken(), "horse.png", horse);
        long objects = MediaApi.storedObjects(tenant.adminToken());

        String second = MediaApi.uploadOne(tenant.adminToken(), "same-horse.png", horse);

        assertThat(second).isEqualTo(first);
        assertThat(MediaApi.storedObjects(tenant.adminToken())).isEqualTo(objects);
        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isEqualTo(1);
    }

    @Test
    void theSameBytesInAnotherOrganizationAreStoredSeparately() {
        byte[] horse = MediaApi.image("horse.png");
        String mine = MediaApi.uploadOne(tenant.memberToken(), "horse.png", horse);
        Api.Tenant other = Api.newTenant();

        String theirs = MediaApi.uploadOne(other.memberToken(), "horse.png", horse);

        assertThat(theirs).isNotEqualTo(mine);
        assertThat(MediaApi.filesOnDisk(other.organizationId())).isEqualTo(3);
    }

    @Test
    void severalFilesInOneRequestAreAllStored() {
        MediaApi.as(tenant.memberToken())
                .multiPart("files", "rocket.jpg", MediaApi.image("rocket.jpg"), "image/jpeg")
                .multiPart("files", "coins.png", MediaApi.image("coins.png"), "image/png")
                .multiPart("files", "chelsea.webp", MediaApi.image("chelsea-lossless.webp"), "image/webp")
                .post("/media").then().statusCode(201)
                .body("items.media_type", contains("image/jpeg", "image/png", "image/webp"));

        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isEqualTo(3);
    }

    @Test
    void anUploadedFileIsCreatedWhereLocationSays() {
        var created = MediaApi.upload(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg")).extract();

        String id = created.path("items[0].id");
        assertThat(created.header("Location")).endsWith("/api/v1/media/" + id);
        MediaApi.as(tenant.memberToken()).basePath("").get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void severalFilesInOneRequestAreLocatedByTheFirst() {
        var created = MediaApi.as(tenant.memberToken())
                .multiPart("files", "coins.png", MediaApi.image("coins.png"), "image/png")
                .multiPart("files", "rocket.jpg", MediaApi.image("rocket.jpg"), "image/jpeg")
                .post("/media").then().statusCode(201).extract();

        assertThat(created.header("Location")).endsWith("/api/v1/media/" + created.path("items[0].id"));
    }

    @Test
    void aPathInTheFileNameIsReducedToItsLastSegmentAndNeverReachesTheDisk() {
        String id = MediaApi.uploadOne(tenant.memberToken(), "../../etc/passwd", MediaApi.image("coins.png"));

        MediaApi.as(tenant.memberToken()).get("/media/" + id).then().body("original_name", equalTo("passwd"));
        assertThat(MediaApi.localStore(tenant.organizationId()).getParent().getParent().getParent().resolve("etc/passwd"))
                .doesNotExist();
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isEqualTo(3);
    }

    @Test
    void deletingTheLastUseDeletesTheFileAndItsThumbnails() {
        String id = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isEqualTo(3);

        MediaApi.as(tenant.memberToken()).delete("/media/" + id).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).get("/media/" + id).then().statusCode(404);
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isZero();
        assertThat(MediaApi.storedObjects(tenant.adminToken())).isZero();
    }

    @Test
    void anotherOrganizationsMediaIsNotFound() {
        String id = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));
        Api.Tenant other = Api.newTenant();

        MediaApi.as(other.adminToken()).get("/media/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        MediaApi.as(other.adminToken()).get("/media/" + id + "/content").then().statusCode(404);
        MediaApi.as(other.adminToken()).delete("/media/" + id).then().statusCode(404);
        MediaApi.as(other.adminToken()).get("/media").then().body("items", hasSize(0));

        MediaApi.as(tenant.memberToken()).get("/media/" + id).then().statusCode(200);
    }
}
