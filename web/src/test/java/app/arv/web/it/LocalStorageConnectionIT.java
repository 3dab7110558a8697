package app.arv.web.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Local-directory connections: confined below ARV's data directory, probed, measured, and kept while in use. */
@ExtendWith(ArvServer.class)
class LocalStorageConnectionIT {

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    private String localConnection(String name, String directory, boolean isDefault) {
        return Api.bearer(tenant.adminToken()).body(Map.of("name", name, "provider", "LOCAL", "directory", directory,
                "is_default", isDefault)).post("/storage-connections").then().statusCode(201).extract().path("id");
    }

    @Test
    void uploadsGoToTheDefaultConnectionsDirectory() {
        String connection = localConnection("brand assets", "brand-assets", true);

        MediaApi.uploadOne(tenant.memberToken(), "rocket.jpg", MediaApi.image("rocket.jpg"));

        Api.bearer(tenant.adminToken()).get("/storage-connections/" + connection + "/stats").then().statusCode(200)
                .body("objects", equalTo(3));
        Path directory = ArvServer.stack().dataDir().resolve("files/storage/connections")
                .resolve(tenant.organizationId().toString()).resolve("brand-assets");
        assertThat(Files.isDirectory(directory)).isTrue();
        assertThat(MediaApi.filesOnDisk(tenant.organizationId())).isZero();
    }

    @Test
    void theProbeOfALocalConnectionSucceeds() {
        String connection = localConnection("scratch", "scratch", false);

        Api.bearer(tenant.adminToken()).post("/storage-connections/" + connection + "/test").then().statusCode(200)
                .body("ok", equalTo(true)).body("steps.name", contains("write", "read", "delete"));
    }

    @Test
    void aDirectoryThatClimbsOutIsRefused() {
        Api.bearer(tenant.adminToken()).body(Map.of("name", "escape", "provider", "LOCAL", "directory", "../../etc"))
                .post("/storage-connections").then().statusCode(422).body("code", equalTo("storage_directory_invalid"));
    }

    @Test
    void aNewDefaultReplacesTheOldOne() {
        String first = localConnection("first", "first", true);

        localConnection("second", "second", true);

        Api.bearer(tenant.adminToken()).get("/storage-connections/" + first).then().body("is_default", equalTo(false));
    }

    @Test
    void aConnectionHoldingMediaCannotBeDeleted() {
        String connection = localConnection("in use", "in-use", true);
        MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));

        Api.bearer(tenant.adminToken()).delete("/storage-connections/" + connection).then().statusCode(409)
                .body("code", equalTo("storage_connection_in_use"));
    }

    @Test
    void anUnusedConnectionCanBeDeleted() {
        String connection = localConnection("spare", "spare", false);

        Api.bearer(tenant.adminToken()).delete("/storage-connections/" + connection).then().statusCode(204);

        Api.bearer(tenant.adminToken()).get("/storage-connections/" + connection).then().statusCode(404);
    }
}
