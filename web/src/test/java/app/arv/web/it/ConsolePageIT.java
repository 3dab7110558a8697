package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's page as served: the root address leads to it, and its policy lets nothing run but ARV's own files. */
@ExtendWith(ArvServer.class)
class ConsolePageIT {

    @Test
    void theRootAddressRedirectsToTheConsole() {
        Response root = RestAssured.given().baseUri(ArvServer.baseUrl()).redirects().follow(false).get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.header("Location")).endsWith("/console/");
    }

    @Test
    void theConsoleRunsOnlyItsOwnScriptsWithoutInlineCode() {
        Response page = RestAssured.given().baseUri(ArvServer.baseUrl()).get("/console/");

        assertThat(page.statusCode()).isEqualTo(200);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'sha256-")
                .contains("connect-src 'self' blob:", "frame-ancestors 'none'").doesNotContain("unsafe-inline", "'unsafe-eval'", "http");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.body().asString()).contains("<script type=\"module\" src=\"js/main.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    @Test
    void theConsolesLibrariesAreServedFromTheWar() {
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/console/vendor/htm/preact/standalone.module.js").then()
                .statusCode(200);
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/console/vendor/model-viewer/dist/model-viewer.min.js").then()
                .statusCode(200);
        RestAssured.given().baseUri(ArvServer.baseUrl()).get("/console/i18n/ru.json").then().statusCode(200);
    }
}
