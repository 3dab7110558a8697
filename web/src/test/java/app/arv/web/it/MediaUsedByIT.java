package app.arv.web.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** "Used by N" of the media library: how many owners use a file besides the library, on the listing and on one file. */
@ExtendWith(ArvServer.class)
class MediaUsedByIT {

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aLibraryImageUsedByTwoArContentsIsUsedByTwo() {
        String portrait = MediaApi.uploadOne(tenant.memberToken(), "chelsea.png", MediaApi.image("chelsea.png"));
        String unused = MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));
        String project = MarkerApi.newProject(tenant.memberToken());

        fromLibrary(project, portrait, "Anna");
        fromLibrary(project, portrait, "Boris");

        List<Map<String, Object>> items = MediaApi.as(tenant.memberToken()).get("/media").then().statusCode(200)
                .extract().path("items");
        assertThat(items).extracting(i -> i.get("id") + "=" + i.get("used_by"))
                .containsExactlyInAnyOrder(portrait + "=2", unused + "=0");
        MediaApi.as(tenant.memberToken()).get("/media/" + portrait).then().statusCode(200).body("used_by", equalTo(2));
    }

    @Test
    void deletingAUsedFileFromTheLibraryKeepsItForItsUsers() {
        String portrait = MediaApi.uploadOne(tenant.memberToken(), "chelsea.png", MediaApi.image("chelsea.png"));
        String content = fromLibrary(MarkerApi.newProject(tenant.memberToken()), portrait, "Anna");

        MediaApi.as(tenant.memberToken()).delete("/media/" + portrait).then().statusCode(204);

        assertThat(MediaApi.libraryTotal(tenant.memberToken())).isZero();
        MediaApi.as(tenant.memberToken()).get("/media/" + portrait).then().statusCode(200).body("used_by", equalTo(1));
        MediaApi.as(tenant.memberToken()).get("/ar-content/" + content).then().statusCode(200)
                .body("source_media_id", equalTo(portrait));
    }

    @Test
    void aUsedFileDeletedFromTheLibraryIsNotFoundThereTheSecondTime() {
        String portrait = MediaApi.uploadOne(tenant.memberToken(), "chelsea.png", MediaApi.image("chelsea.png"));
        fromLibrary(MarkerApi.newProject(tenant.memberToken()), portrait, "Anna");
        MediaApi.as(tenant.memberToken()).delete("/media/" + portrait).then().statusCode(204);

        MediaApi.as(tenant.memberToken()).delete("/media/" + portrait).then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void anotherOrganizationNeitherSeesNorCountsTheFile() {
        Api.Tenant stranger = Api.newTenant();
        String portrait = MediaApi.uploadOne(tenant.memberToken(), "chelsea.png", MediaApi.image("chelsea.png"));
        fromLibrary(MarkerApi.newProject(tenant.memberToken()), portrait, "Anna");

        MediaApi.as(stranger.memberToken()).get("/media/" + portrait).then().statusCode(404);
        assertThat(MediaApi.libraryTotal(stranger.memberToken())).isZero();
    }

    private String fromLibrary(String project, String mediaId, String title) {
        return Api.bearer(tenant.memberToken()).body(Map.of("title", title, "media_id", mediaId))
                .post("/projects/" + project + "/ar-content").then().statusCode(202).extract().path("id");
    }
}
