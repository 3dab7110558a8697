package app.arv.web.it;

import app.arv.imaging.mind.format.MindReader;
import app.arv.imaging.mind.format.MindTarget;
import app.arv.imaging.mind.quality.QualityPicture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** GET /ar-content/{id}/quality.png: the compiled marker's features and coverage drawn on the portrait. */
@ExtendWith(ArvServer.class)
class QualityPictureIT {

    private static final Duration COMPILE_TIMEOUT = Duration.ofSeconds(120);

    private Api.Tenant tenant;
    private String project;

    @BeforeEach
    void freshTenantWithAProject() {
        tenant = Api.newTenant();
        project = MarkerApi.newProject(tenant.memberToken());
    }

    private String readyChelsea() {
        String id = MarkerApi.readyOne(tenant.memberToken(), project, "chelsea.png", COMPILE_TIMEOUT);
        return id;
    }

    private byte[] picture(String id) {
        return MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/quality.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
    }

    @Test
    void aReadyMarkersPictureIsAPngOfThePortraitsWorkingSize() {
        String id = readyChelsea();
        int width = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/marker").then().extract().path("width");
        int height = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/marker").then().extract().path("height");

        BufferedImage png = decode(picture(id));

        assertThat(png.getWidth()).isEqualTo(width).isEqualTo(451);
        assertThat(png.getHeight()).isEqualTo(height).isEqualTo(300);
    }

    @Test
    void theStoredMarkersFeaturesAreDrawnOverThePortraitWhereTheRuntimePlacesThem() throws Exception {
        String id = readyChelsea();
        byte[] mind = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/marker/file").then().statusCode(200)
                .extract().asByteArray();
        MindTarget target = new MindReader().read(mind).targets().get(0);
        BufferedImage portrait = decode(MediaApi.image("chelsea.png"));

        BufferedImage drawn = decode(picture(id));

        List<double[]> features = QualityPicture.features(target);
        assertThat(features).hasSizeGreaterThan(50);
        long changed = 0;
        for (double[] f : features) {
            int x = (int) f[0];
            int y = (int) f[1];
            assertThat(drawn.getRGB(x, y)).as("feature at %d, %d", x, y).isEqualTo(QualityPicture.FEATURE_COLOUR);
            changed += portrait.getRGB(x, y) != drawn.getRGB(x, y) ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(features.size() * 9L / 10);
    }

    @Test
    void anUnchangedPictureIsNotDrawnAgainForAClientThatHasIt() {
        String id = readyChelsea();
        String etag = MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/quality.png").then().statusCode(200)
                .extract().header("ETag");

        MediaApi.as(tenant.memberToken()).header("If-None-Match", etag).get("/ar-content/" + id + "/quality.png").then()
                .statusCode(304).header("ETag", equalTo(etag));
        MediaApi.as(tenant.memberToken()).header("If-None-Match", "\"quality-0-stale\"").get("/ar-content/" + id + "/quality.png")
                .then().statusCode(200).header("ETag", equalTo(etag));
    }

    @Test
    void anotherOrganizationsContentIsNotFound() {
        String id = readyChelsea();
        Api.Tenant other = Api.newTenant();

        MediaApi.as(other.memberToken()).get("/ar-content/" + id + "/quality.png").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + UUID.randomUUID() + "/quality.png").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
    }

    @Test
    void aMarkerThatWasNotCompiledHasNoPictureButAConflictSayingWhy() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "grey.png", MarkerApi.flatImage());
        MarkerApi.awaitMarker(tenant.memberToken(), id, COMPILE_TIMEOUT).body("status", equalTo("failed"));

        MediaApi.as(tenant.memberToken()).get("/ar-content/" + id + "/quality.png").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("marker_not_ready"))
                .body("detail", containsString("could not be compiled"));
    }

    @Test
    void aPhotoIsCheckedAsAPictureWithoutStoringAnything() {
        byte[] png = MediaApi.as(tenant.memberToken()).multiPart("image", "chelsea.png", MediaApi.image("chelsea.png"), "application/octet-stream")
                .post("/markers/analyze/picture").then().statusCode(200).contentType("image/png").extract().asByteArray();

        BufferedImage drawn = decode(png);
        assertThat(drawn.getWidth()).isEqualTo(451);
        assertThat(drawn.getHeight()).isEqualTo(300);
        MediaApi.as(tenant.memberToken()).get("/media").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedForThePictureAsForTheReport() {
        MediaApi.as(tenant.memberToken()).multiPart("image", "notes.txt", "not an image".getBytes(), "application/octet-stream")
                .post("/markers/analyze/picture").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("unsupported_file_type"));
    }

    @Test
    void theOpenApiDocumentDescribesThePictureAndItsConflict() {
        io.restassured.path.json.JsonPath openapi = io.restassured.RestAssured.given().baseUri(ArvServer.baseUrl())
                .accept("application/json").get("/openapi").then().statusCode(200).extract().jsonPath();

        String get = "paths.'/api/v1/ar-content/{id}/quality.png'.get";
        assertThat(openapi.getMap(get + ".responses.'200'.content")).containsKey("image/png");
        assertThat(openapi.getMap(get + ".responses")).containsKeys("404", "409");
        assertThat(openapi.getList(get + ".tags")).containsExactly("markers");
        assertThat(openapi.getMap("paths.'/api/v1/markers/analyze/picture'.post.responses.'200'.content")).containsKey("image/png");
    }

    private static BufferedImage decode(byte[] image) {
        try {
            return ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
