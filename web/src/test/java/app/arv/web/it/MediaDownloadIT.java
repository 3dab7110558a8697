package app.arv.web.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Serving bytes from local storage: validators, conditional GET and single byte ranges. */
@ExtendWith(ArvServer.class)
class MediaDownloadIT {

    private static Api.Tenant tenant;
    private static byte[] rocket;
    private static String content;

    @BeforeAll
    static void anUploadedImage() {
        tenant = Api.newTenant();
        rocket = MediaApi.image("rocket.jpg");
        content = "/media/" + MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", rocket) + "/content";
    }

    @Test
    void theContentIsServedWithItsHashAsETag() {
        Response response = MediaApi.as(tenant.memberToken()).get(content);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(rocket);
        assertThat(response.header("ETag")).isEqualTo("\"" + MediaApi.sha256(rocket) + "\"");
        assertThat(response.header("Last-Modified")).isNotBlank();
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aMatchingIfNoneMatchAnswersNotModified() {
        String etag = MediaApi.as(tenant.memberToken()).get(content).header("ETag");

        MediaApi.as(tenant.memberToken()).header("If-None-Match", etag).get(content).then()
                .statusCode(304).header("ETag", etag);
    }

    @Test
    void anUnchangedIfModifiedSinceAnswersNotModified() {
        String lastModified = MediaApi.as(tenant.memberToken()).get(content).header("Last-Modified");

        MediaApi.as(tenant.memberToken()).header("If-Modified-Since", lastModified).get(content).then().statusCode(304);
    }

    @Test
    void aRangeIsServedAsPartialContent() {
        Response response = MediaApi.as(tenant.memberToken()).header("Range", "bytes=100-199").get(content);

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes 100-199/" + rocket.length);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(rocket, 100, 200));
    }

    @Test
    void aSuffixRangeServesTheLastBytes() {
        byte[] tail = MediaApi.as(tenant.memberToken()).header("Range", "bytes=-10").get(content).then()
                .statusCode(206).extract().asByteArray();

        assertThat(tail).isEqualTo(Arrays.copyOfRange(rocket, rocket.length - 10, rocket.length));
    }

    @Test
    void aRangeBeyondTheEndIsNotSatisfiable() {
        MediaApi.as(tenant.memberToken()).header("Range", "bytes=" + rocket.length + "-").get(content).then()
                .statusCode(416).header("Content-Range", "bytes */" + rocket.length)
                .body("code", equalTo("range_not_satisfiable"));
    }
}
