package app.arv.web.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Verdicts that refuse less: force=true builds an unusable marker, suggest=true offers a better print. */
@ExtendWith(ArvServer.class)
class MarkerVerdictIT {

    private Api.Tenant tenant;
    private String project;

    @BeforeEach
    void freshTenantWithAProject() {
        tenant = Api.newTenant();
        project = MarkerApi.newProject(tenant.memberToken());
    }

    @Test
    void anUnusableImageCreatedWithForceGetsAMarkerAnyway() {
        String id = MediaApi.as(tenant.memberToken()).multiPart("image", "grey.png", MarkerApi.flatImage(), "application/octet-stream")
                .multiPart("title", "Forced").queryParam("force", true)
                .post("/projects/" + project + "/ar-content").then().statusCode(202).extract().path("id");

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT)
                .body("status", equalTo("ready"))
                .body("verdict", equalTo("unusable"))
                .body("file_url", notNullValue());
    }

    @Test
    void aRefusedUnusableMarkerNamesTheOverrideAndIsBuiltWhenRegeneratedWithForce() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "grey.png", MarkerApi.flatImage());
        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT)
                .body("status", equalTo("failed"))
                .body("failure", containsString("force=true"));

        MediaApi.as(tenant.memberToken()).queryParam("force", true).post("/ar-content/" + id + "/marker/regenerate")
                .then().statusCode(202);

        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT)
                .body("status", equalTo("ready"))
                .body("verdict", equalTo("unusable"));
    }

    @Test
    void analyzingADullPhotoWithSuggestOffersAnEnhancedPrintPredictedToBeFoundMoreOften() {
        var answer = MediaApi.as(tenant.memberToken()).multiPart("image", "dull.png", dull(MediaApi.image("coffee.png")), "image/png")
                .queryParam("suggest", true).post("/markers/analyze").then().statusCode(200)
                .body("suggestion.media_type", equalTo("image/png"))
                .extract();

        float before = answer.path("predicted_detection");
        float after = answer.path("suggestion.predicted_detection");
        assertThat(after).isGreaterThan(before);
        byte[] png = Base64.getDecoder().decode((String) answer.path("suggestion.image_base64"));
        assertThat(read(png).getWidth()).isEqualTo(600);
    }

    @Test
    void analyzingAGoodPhotoWithSuggestOffersNothing() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "image/png")
                .queryParam("suggest", true).post("/markers/analyze").then().statusCode(200)
                .body("verdict", equalTo("good"))
                .body("suggestion", nullValue());
    }

    /** The photo with its grey levels squeezed to a tenth around mid-grey: a washed-out print. */
    private static byte[] dull(byte[] png) {
        BufferedImage image = read(png);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = 128 + (((p >> 16) & 0xff) - 128) / 10;
                int g = 128 + (((p >> 8) & 0xff) - 128) / 10;
                int b = 128 + ((p & 0xff) - 128) / 10;
                image.setRGB(x, y, 0xff000000 | (r << 16) | (g << 8) | b);
            }
        }
        return MediaApi.png(image);
    }

    private static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
