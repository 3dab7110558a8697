package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Single sign-on through a real OpenID Connect server ({@link OidcProviderServer}): the browser's
 * redirects followed by hand — ARV's start, the provider's authorize endpoint (which signs in at once),
 * ARV's callback — and what ARV answers at the end.
 */
@ExtendWith(ArvServer.class)
@ResourceLock(OidcProviderServer.LOCK)
class SingleSignOnIT {

    private static final OidcProviderServer PROVIDER = OidcProviderServer.shared();

    @Test
    void theConfiguredProviderIsListed() {
        Api.anonymous().get("/auth/oidc/providers").then().statusCode(200)
                .body("providers", hasItem(OidcProviderServer.PROVIDER));
    }

    @Test
    void anUnknownProviderIsNotFound() {
        Api.anonymous().redirects().follow(false).get("/auth/oidc/nosuch/start").then().statusCode(404);
    }

    @Test
    void aProviderNameThatIsNoPathSegmentIsNotFound() {
        Api.anonymous().urlEncodingEnabled(false).redirects().follow(false).get("/auth/oidc/a%20b/start").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found"));
    }

    @Test
    void aProviderThatDoesNotAnswerIsUnavailableAtOnce() {
        long started = System.nanoTime();

        Api.anonymous().redirects().follow(false).get("/auth/oidc/" + OidcProviderServer.UNREACHABLE + "/start").then()
                .statusCode(503).body("code", equalTo("identity_provider_unavailable"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aCallbackWithoutCodeFails() {
        Api.anonymous().redirects().follow(false).queryParam("state", "never-issued")
                .get("/auth/oidc/" + OidcProviderServer.PROVIDER + "/callback").then()
                .statusCode(400).body("code", equalTo("sso_failed"));
    }

    @Test
    void aVerifiedAddressOfAnAccountSignsItIn() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);

        Response end = callback(providerRedirect(start()));

        String token = signedInToken(end);
        Api.bearer(token).get("/me").then().statusCode(200)
                .body("name", equalTo(tenant.adminEmail()))
                .body("organization.id", equalTo(tenant.organizationId().toString()));
    }

    @Test
    void aVerifiedAddressOfAnAllowedDomainJoinsThatOrganizationAsAMember() {
        Api.Tenant tenant = Api.newTenant();
        String domain = "sso-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Api.bearer(tenant.adminToken()).body(Map.of("domains", List.of(domain.toUpperCase()))).put("/sso-domains")
                .then().statusCode(200).body("domains", equalTo(List.of(domain)));
        String email = "newcomer@" + domain;
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), email, true);

        Response end = callback(providerRedirect(start()));

        Api.bearer(signedInToken(end)).get("/me").then().statusCode(200)
                .body("name", equalTo(email))
                .body("organization.id", equalTo(tenant.organizationId().toString()))
                .body("roles", equalTo(List.of("member")));
    }

    @Test
    void aDomainAllowedByOneOrganizationCannotBeAllowedByAnother() {
        String domain = "taken-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Api.bearer(Api.newTenant().adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains")
                .then().statusCode(200);

        Api.bearer(Api.newTenant().adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains")
                .then().statusCode(409).body("code", equalTo("domain_taken"));
    }

    @Test
    void anAddressNoOrganizationAdmitsIsRefused() {
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), "stranger@unknown-" + UUID.randomUUID() + ".test", true);

        answered(callback(providerRedirect(start())), 403).body("code", equalTo("no_organization"));
    }

    @Test
    void anUnverifiedAddressIsRefused() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), false);

        answered(callback(providerRedirect(start())), 400).body("code", equalTo("sso_failed"));
    }

    @Test
    void aStateIsGoodForOneCallback() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        URI back = providerRedirect(start());
        answered(callback(back), 302);

        answered(callback(back), 400).body("code", equalTo("sso_failed"));
    }

    @Test
    void aStateWhoseCallbackWasRefusedIsUsedUpToo() {
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), "stranger@unknown-" + UUID.randomUUID() + ".test", true);
        URI back = providerRedirect(start());
        answered(callback(back), 403);

        answered(callback(back), 400).body("code", equalTo("sso_failed"));
    }

    /** ARV's start: a 302 to the provider's authorization endpoint. */
    private static URI start() {
        String location = answered(Api.anonymous().redirects().follow(false).get("/auth/oidc/" + OidcProviderServer.PROVIDER + "/start"), 302)
                .header("Cache-Control", equalTo("no-store")).extract().header("Location");
        assertThat(location).startsWith(PROVIDER.issuer()).contains("code_challenge_method=S256").contains("nonce=");
        return URI.create(location);
    }

    /** The provider signs the person in at once and sends the browser back to ARV's callback. */
    private static URI providerRedirect(URI authorize) {
        String location = RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).then().statusCode(302)
                .extract().header("Location");
        assertThat(location).startsWith(ArvServer.baseUrl() + "/api/v1/auth/oidc/" + OidcProviderServer.PROVIDER + "/callback?");
        return URI.create(location);
    }

    /** The URLs are sent as the server wrote them (RestAssured would encode them again). */
    private static Response callback(URI back) {
        return RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(back);
    }

    /** ARV's answer, checked for its status; a wrong one fails with what ARV said (its problem's code and detail). */
    private static ValidatableResponse answered(Response response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        return response.then();
    }

    /** The access token the console is handed, in the URL fragment of the final redirect. */
    private static String signedInToken(Response end) {
        answered(end, 302);
        URI console = URI.create(end.header("Location"));
        assertThat(console.getRawQuery()).isNull();
        assertThat(console.getPath()).isEqualTo("/console/");
        String fragment = console.getRawFragment();
        assertThat(fragment).startsWith("/signed-in?");
        for (String pair : fragment.substring(fragment.indexOf('?') + 1).split("&")) {
            if (pair.startsWith("access_token=")) {
                return URLDecoder.decode(pair.substring("access_token=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no access_token in " + fragment);
    }
}
