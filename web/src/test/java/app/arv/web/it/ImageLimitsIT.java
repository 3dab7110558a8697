package app.arv.web.it;

import app.arv.imaging.input.StreamedPng;
import app.arv.media.TestImages;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Every image ARV reads goes through one decoder: the pixel count is read from the header first, the
 * pixels are decoded subsampled to the size the caller works at, and only a bounded number of decodes
 * run at once. Memory pressure is never reported as a corrupt file.
 */
@ExtendWith(ArvServer.class)
class ImageLimitsIT {

    private static Api.Tenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = Api.newTenant();
    }

    @Test
    void threeParallelHugeSixteenBitPngsAreAnalyzedOrRefusedAsTooLargeNeverAsCorrupt() throws Exception {
        byte[] png = StreamedPng.rgba16(7000, 7000);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                answers.add(clients.submit(() -> MediaApi.as(tenant.memberToken())
                        .multiPart("image", "huge.png", png, "image/png").post("/markers/analyze")));
            }
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).as(response.asString()).isIn(200, 422, 503);
                if (response.statusCode() == 422) {
                    assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo("image_too_large");
                }
                if (response.statusCode() == 503) {
                    assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo("busy");
                    assertThat(response.header("Retry-After")).isNotBlank();
                }
            }
        } finally {
            clients.shutdownNow();
        }
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/health/ready").then().statusCode(200);
    }

    @Test
    void anImageDeclaringMorePixelsThanTheLimitIsRefusedNamingTheLimitBeforeDecoding() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "bomb.png", TestImages.pngDeclaring(50_000, 50_000), "image/png")
                .post("/markers/analyze").then().statusCode(422)
                .body("code", equalTo("image_too_large"))
                .body("detail", containsString("50000000"))
                .body("limit.name", equalTo("max_pixels"))
                .body("limit.value", equalTo(50_000_000));
    }

    @Test
    void aFileThatIsNoImageIsRefusedByItsBytesWhateverItsName() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "photo.png", TestImages.zipBomb(1 << 20), "image/png")
                .post("/markers/analyze").then().statusCode(422)
                .body("code", equalTo("unsupported_file_type"))
                .body("$", not(hasKey("limit")));
    }
}
