package app.arv.web.it;

import app.arv.storage.S3ProxyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 10, finding 4: an org admin pointed an S3 connection at ARV itself (http://127.0.0.1:8080) and
 * read its internal error page through the connection test. The suite's server allows exactly the host
 * text 127.0.0.1 (its S3Proxy stores live there), so every other spelling of this machine stays refused.
 */
@ExtendWith(ArvServer.class)
class StorageSsrfIT {

    private static Api.Tenant tenant;
    private static int arvPort;

    @BeforeAll
    static void aTenant() {
        tenant = Api.newTenant();
        arvPort = URI.create(ArvServer.baseUrl()).getPort();
    }

    private static Map<String, Object> s3(String name, String endpoint) {
        return Map.of("name", name, "provider", "S3", "endpoint", endpoint, "region", "us-east-1", "bucket", "arv-media",
                "access_key", S3ProxyServer.ACCESS_KEY, "secret_key", S3ProxyServer.SECRET_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:%d/", "http://LOCALHOST.:%d/", "http://[::1]:%d/", "http://2130706433:%d/",
            "http://0x7f000001:%d/", "http://0177.0.0.1:%d/", "http://127.1:%d/", "http://0x7f.0.0.1:%d/",
            "http://[::ffff:127.0.0.1]:%d/", "http://[::ffff:7f00:1]:%d/", "http://0.0.0.0:%d/", "http://169.254.169.254:%d/",
            "http://[fe80::1]:%d/", "http://[fd00::1]:%d/", "http://10.0.0.1:%d/", "http://172.16.0.1:%d/",
            "http://192.168.1.1:%d/", "http://100.64.0.1:%d/", "http://224.0.0.1:%d/", "http://[::]:%d/",
            "http://user@localhost:%d/", "file:///etc/passwd#%d", "gopher://localhost:%d/", "ftp://localhost:%d/"})
    void aConnectionToAnInternalAddressIsRefused(String endpoint) {
        Api.bearer(tenant.adminToken()).body(s3("internal " + System.nanoTime(), endpoint.formatted(arvPort)))
                .post("/storage-connections").then().statusCode(422).body("code", equalTo("endpoint_not_allowed"));
    }

    @Test
    void aNameThatResolvesToThisMachineAndOneThatDoesNotResolveGetTheSameAnswer() {
        String resolvesPrivately = Api.bearer(tenant.adminToken()).body(s3("private " + System.nanoTime(), "http://localhost:9000/"))
                .post("/storage-connections").then().statusCode(422).body("code", equalTo("endpoint_not_allowed"))
                .extract().path("detail");
        String resolvesNowhere = Api.bearer(tenant.adminToken())
                .body(s3("nowhere " + System.nanoTime(), "http://no-such-host-" + System.nanoTime() + ".invalid:9000/"))
                .post("/storage-connections").then().statusCode(422).body("code", equalTo("endpoint_not_allowed"))
                .extract().path("detail");

        assertThat(resolvesPrivately).isEqualTo(resolvesNowhere);
    }

    @Test
    void changingAnEndpointToAnInternalAddressIsRefused() {
        String id = Api.bearer(tenant.adminToken()).body(s3("allowed " + System.nanoTime(), "http://127.0.0.1:9"))
                .post("/storage-connections").then().statusCode(201).extract().path("id");

        Api.bearer(tenant.adminToken()).body(Map.of("endpoint", "http://localhost:" + arvPort))
                .patch("/storage-connections/" + id).then().statusCode(422).body("code", equalTo("endpoint_not_allowed"));
    }

    @Test
    void theTestOfAnEndpointThatIsNotS3NeverShowsWhatItAnswered() {
        // Allowed by the suite's list: ARV's own HTTP port, whose error pages are HTML.
        String id = Api.bearer(tenant.adminToken()).body(s3("arv itself " + System.nanoTime(), "http://127.0.0.1:" + arvPort))
                .post("/storage-connections").then().statusCode(201).extract().path("id");

        String report = Api.bearer(tenant.adminToken()).post("/storage-connections/" + id + "/test").then().statusCode(200)
                .body("ok", equalTo(false)).extract().asString();

        assertThat(report).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("<!doctype")
                .doesNotContainIgnoringCase("payara").doesNotContain("<");
    }
}
