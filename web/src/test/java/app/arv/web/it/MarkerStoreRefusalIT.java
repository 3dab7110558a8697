package app.arv.web.it;

import app.arv.storage.MisbehavingS3;
import app.arv.storage.S3ProxyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A compiled marker the organization's store refuses to take is skipped by the compile job's writer: the item fails with
 * the reason, rather than staying "compiling" in a job that completed (nothing would ever pick it up again).
 */
@ExtendWith(ArvServer.class)
class MarkerStoreRefusalIT {

    @Test
    void aMarkerTheStoreRefusesToTakeFailsWithTheReason() throws Exception {
        try (MisbehavingS3 refusing = new MisbehavingS3(MisbehavingS3.Misbehaviour.REFUSED_WRITES)) {
            Api.Tenant tenant = Api.newTenant();
            Api.bearer(tenant.adminToken()).body(Map.of("name", "refusing", "provider", "S3", "endpoint", refusing.endpoint(),
                    "region", "us-east-1", "bucket", "arv-media", "access_key", S3ProxyServer.ACCESS_KEY,
                    "secret_key", S3ProxyServer.SECRET_KEY, "is_default", true))
                    .post("/storage-connections").then().statusCode(201);
            String project = MarkerApi.newProject(tenant.memberToken());

            String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

            MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("failed"))
                    .body("failure", containsString("the compiled marker could not be stored"));
        }
    }
}
