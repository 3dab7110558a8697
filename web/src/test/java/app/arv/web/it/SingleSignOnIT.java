package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.http.Cookie;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Single sign-on through a real OpenID Connect server ({@link OidcProviderServer}): the browser's
 * redirects followed by hand — ARV's start (and the cookie it gives the browser), the provider's authorize endpoint
 * (which signs in at once), ARV's callback with that cookie, and the console's hand-off of the code the callback sends it
 * with the cookie the callback set — and what ARV answers at the end.
 */
@ExtendWith(ArvServer.class)
@ResourceLock(OidcProviderServer.LOCK)
class SingleSignOnIT {

    private static final OidcProviderServer PROVIDER = OidcProviderServer.shared();
    private static final String BROWSER_COOKIE = "arv_sso_";
    private static final String CALLBACK_PATH = "/api/v1/auth/oidc/" + OidcProviderServer.PROVIDER + "/callback";
    private static final String HANDOFF_PATH = "/api/v1/auth/oidc/handoff";
    private static final String HANDOFF_COOKIE = "arv_sso_handoff_";
    private static final String SHARED_SUBJECT = "subject-" + UUID.randomUUID();
    private static String sharedAdmin;

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
        refusedWith(Api.anonymous().redirects().follow(false).queryParam("state", "never-issued")
                .get("/auth/oidc/" + OidcProviderServer.PROVIDER + "/callback"), "sso_failed");
    }

    @Test
    void aSignInCancelledAtTheProviderSendsTheBrowserToTheSignInScreenAndRemovesItsCookie() {
        Started started = start();
        String state = started.cookie().getName().substring(BROWSER_COOKIE.length());
        URI cancelled = URI.create(ArvServer.baseUrl() + CALLBACK_PATH + "?error=access_denied&state=" + state);

        Response end = callback(cancelled, started.cookies());

        refusedWith(end, "sso_failed");
        Cookie removed = end.detailedCookie(started.cookie().getName());
        assertThat(removed.getPath()).isEqualTo(CALLBACK_PATH);
        assertThat(removed.getMaxAge()).isZero();
    }

    @Test
    void aVerifiedAddressOfAnAccountSignsItIn() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);

        Started started = start();

        Response end = callback(providerRedirect(started.authorize()), started.cookies());

        String token = signedInToken(end);
        Api.bearer(token).get("/me").then().statusCode(200)
                .body("name", equalTo(tenant.adminEmail()))
                .body("organization.id", equalTo(tenant.organizationId().toString()));
    }

    @Test
    void aVerifiedAddressOfAnApprovedDomainJoinsThatOrganizationAsAMember() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant, "sso");
        approve(tenant, domain);
        String email = "newcomer@" + domain;

        Response end = signIn("subject-" + UUID.randomUUID(), email);

        Api.bearer(signedInToken(end)).get("/me").then().statusCode(200)
                .body("name", equalTo(email))
                .body("organization.id", equalTo(tenant.organizationId().toString()))
                .body("roles", equalTo(List.of("member")));
    }

    @Test
    void aDomainClaimedButNotApprovedAdmitsNobody() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant, "pending");

        Response end = signIn("subject-" + UUID.randomUUID(), "newcomer@" + domain);

        refusedWith(end, "no_organization");
    }

    @Test
    void aRefusedDomainAdmitsNobodyAnyMore() {
        Api.Tenant tenant = Api.newTenant();
        String domain = claimed(tenant, "refused");
        approve(tenant, domain);
        Api.bearer(Api.platformAdminToken()).post("/sso-domain-claims/" + tenant.organizationId() + "/" + domain + "/refuse")
                .then().statusCode(200).body("state", equalTo("refused"));

        Response end = signIn("subject-" + UUID.randomUUID(), "newcomer@" + domain);

        refusedWith(end, "no_organization");
    }

    @Test
    void aPublicMailDomainApprovedBeforeClaimsWereCheckedAdmitsNobody() throws SQLException {
        Api.Tenant tenant = Api.newTenant();
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement legacy = db.prepareStatement("INSERT INTO organization_sso_domain "
                        + "(domain, organization_id, state, created_at) VALUES ('mail.ru', ?, 'approved', now())")) {
            legacy.setObject(1, tenant.organizationId());
            legacy.executeUpdate();
        }

        Response end = signIn("subject-" + UUID.randomUUID(), "someone-" + UUID.randomUUID() + "@mail.ru");

        refusedWith(end, "no_organization");
    }

    /** A fresh domain the tenant's admin claimed (pending). */
    private static String claimed(Api.Tenant tenant, String prefix) {
        String domain = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        Api.bearer(tenant.adminToken()).body(Map.of("domains", List.of(domain))).put("/sso-domains").then().statusCode(200);
        return domain;
    }

    private static void approve(Api.Tenant tenant, String domain) {
        Api.bearer(Api.platformAdminToken()).post("/sso-domain-claims/" + tenant.organizationId() + "/" + domain + "/approve")
                .then().statusCode(200).body("state", equalTo("approved"));
    }

    @Test
    void anAddressNoOrganizationAdmitsIsRefused() {
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), "stranger@unknown-" + UUID.randomUUID() + ".test", true);
        Started started = start();

        refusedWith(callback(providerRedirect(started.authorize()), started.cookies()), "no_organization");
    }

    @Test
    void anUnverifiedAddressIsRefused() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), false);
        Started started = start();

        refusedWith(callback(providerRedirect(started.authorize()), started.cookies()), "sso_failed");
    }

    @Test
    void aStateIsGoodForOneCallback() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        Started started = start();
        URI back = providerRedirect(started.authorize());
        answered(callback(back, started.cookies()), 302);

        refusedWith(callback(back, started.cookies()), "sso_failed");
    }

    @Test
    void aStateWhoseCallbackWasRefusedIsUsedUpToo() {
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), "stranger@unknown-" + UUID.randomUUID() + ".test", true);
        Started started = start();
        URI back = providerRedirect(started.authorize());
        refusedWith(callback(back, started.cookies()), "no_organization");

        refusedWith(callback(back, started.cookies()), "sso_failed");
    }

    @Test
    void theStartGivesTheBrowserACookieForTheCallbackOnlyThatScriptsCannotRead() {
        Started started = start();

        Cookie cookie = started.cookie();
        assertThat(cookie.getValue()).isNotBlank();
        assertThat(cookie.getPath()).isEqualTo(CALLBACK_PATH);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getMaxAge()).isEqualTo(600);
    }

    @Test
    void twoSignInsStartedInOneBrowserBothFinish() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        Started firstTab = start();
        Started secondTab = start();
        Map<String, String> browser = Map.of(firstTab.cookie().getName(), firstTab.cookie().getValue(),
                secondTab.cookie().getName(), secondTab.cookie().getValue());

        Response first = callback(providerRedirect(firstTab.authorize()), browser);
        Response second = callback(providerRedirect(secondTab.authorize()), browser);

        Api.bearer(signedInToken(first)).get("/me").then().statusCode(200).body("name", equalTo(tenant.adminEmail()));
        Api.bearer(signedInToken(second)).get("/me").then().statusCode(200).body("name", equalTo(tenant.adminEmail()));
    }

    @Test
    void aCallbackInABrowserThatDidNotStartTheSignInSignsNobodyIn() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        URI attackersCallback = providerRedirect(start().authorize());

        refusedWith(callback(attackersCallback, Map.of()), "sso_failed");
    }

    @Test
    void aCallbackWithTheCookieOfAnotherSignInSignsNobodyIn() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        Started attackers = start();
        Started victims = start();

        refusedWith(callback(providerRedirect(attackers.authorize()), victims.cookies()), "sso_failed");
    }

    @Test
    void aCallbackWithAnotherSignInsKeyUnderItsOwnCookieNameSignsNobodyIn() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        Started attackers = start();
        Started victims = start();
        Map<String, String> forged = Map.of(attackers.cookie().getName(), victims.cookie().getValue());

        refusedWith(callback(providerRedirect(attackers.authorize()), forged), "sso_failed");
    }

    @Test
    void aSignInRemovesTheBrowsersCookie() {
        Api.Tenant tenant = Api.newTenant();
        PROVIDER.nextSignIn("subject-" + UUID.randomUUID(), tenant.adminEmail(), true);
        Started started = start();

        Response end = callback(providerRedirect(started.authorize()), started.cookies());

        Cookie removed = answered(end, 302).extract().detailedCookie(started.cookie().getName());
        assertThat(removed.getPath()).isEqualTo(CALLBACK_PATH);
        assertThat(removed.getMaxAge()).isZero();
    }

    @Test
    void aProviderAccountLinkedToAnAccountIsInItsAuditLogThoughTheBrowserNeverHandedOff() {
        Api.Tenant tenant = Api.newTenant();
        String subject = "subject-" + UUID.randomUUID();
        String adminId = Api.bearer(tenant.adminToken()).get("/me").then().statusCode(200).extract().path("id");

        answered(signIn(subject, tenant.adminEmail()), 302);

        List<Map<String, Object>> linked = Api.bearer(tenant.adminToken()).get("/audit-events?action=sso_identity.linked")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(linked).singleElement().satisfies(event -> {
            assertThat(event.get("subject")).isEqualTo(Map.of("type", "user", "id", adminId));
            assertThat(event.get("details")).isEqualTo(Map.of("provider", OidcProviderServer.PROVIDER, "provider_subject", subject,
                    "email", tenant.adminEmail(), "new_account", false));
        });
    }

    @Test
    void aProviderAccountThatSignedInBeforeIsNotLinkedAgain() {
        Api.Tenant tenant = Api.newTenant();
        String subject = "subject-" + UUID.randomUUID();
        signedInToken(signIn(subject, tenant.adminEmail()));

        signedInToken(signIn(subject, tenant.adminEmail()));

        Api.bearer(tenant.adminToken()).get("/audit-events?action=sso_identity.linked").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aProviderAccountThatSignedInBeforeSignsInItsOwnAccountWhateverAddressItNowHas() {
        Api.Tenant ann = Api.newTenant();
        Api.Tenant other = Api.newTenant();
        String subject = "subject-" + UUID.randomUUID();
        answered(signIn(subject, ann.adminEmail()), 302);

        Response end = signIn(subject, other.adminEmail());

        Api.bearer(signedInToken(end)).get("/me").then().statusCode(200)
                .body("name", equalTo(ann.adminEmail()))
                .body("organization.id", equalTo(ann.organizationId().toString()));
    }

    @Test
    void anAccountLinkedToOneProviderAccountIsNotSignedInByAnotherWithItsAddress() {
        Api.Tenant ann = Api.newTenant();
        answered(signIn("subject-" + UUID.randomUUID(), ann.adminEmail()), 302);

        Response end = signIn("subject-" + UUID.randomUUID(), ann.adminEmail());

        refusedWith(end, "sso_failed");
    }

    /**
     * A finished sign-in of one account shared by the hand-off tests, which look at the hand-off, not at who signs in (one
     * provider account, linked at its first sign-in): fewer new organizations for the suite's sign-in throttle.
     */
    private static synchronized Response signInAsSharedAdmin() {
        if (sharedAdmin == null) {
            sharedAdmin = Api.newTenant().adminEmail();
        }
        return signIn(SHARED_SUBJECT, sharedAdmin);
    }

    @Test
    void theConsoleIsSentAOneTimeCodeAndNoToken() {
        Response end = signInAsSharedAdmin();

        assertThat(end.header("Location")).doesNotContain("token").containsPattern("#/signed-in\\?handoff=[A-Za-z0-9_-]{43}$");
    }

    @Test
    void theHandOffCookieIsSentOnlyToTheHandOffFromArvsOwnPagesAndScriptsCannotReadIt() {
        Cookie cookie = handOffCookie(signInAsSharedAdmin());

        assertThat(cookie.getValue()).isNotBlank();
        assertThat(cookie.getPath()).isEqualTo(HANDOFF_PATH);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.getMaxAge()).isEqualTo(60);
    }

    @Test
    void theHandOffAnswersTheTokensOfANewSessionNotToBeStored() {
        Response end = signInAsSharedAdmin();

        handOff(handOffCode(end), Map.of(handOffCookie(end).getName(), handOffCookie(end).getValue())).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("refresh_token", not(emptyOrNullString()));
    }

    @Test
    void aHandOffCodeOpenedInAnotherBrowserSignsNobodyIn() {
        Response attackers = signInAsSharedAdmin();

        handOff(handOffCode(attackers), Map.of()).then().statusCode(400).body("code", equalTo("sso_failed"))
                .body("$", not(hasKey("access_token")));
    }

    @Test
    void aHandOffCodeWithTheCookieOfAnotherSignInSignsNobodyIn() {
        Response attackers = signInAsSharedAdmin();
        Response victims = signInAsSharedAdmin();
        Map<String, String> forged = Map.of(handOffCookie(attackers).getName(), handOffCookie(victims).getValue());

        handOff(handOffCode(attackers), forged).then().statusCode(400).body("code", equalTo("sso_failed"));
    }

    @Test
    void aHandOffCodeIsGoodOnce() {
        Response end = signInAsSharedAdmin();
        Map<String, String> browser = Map.of(handOffCookie(end).getName(), handOffCookie(end).getValue());
        handOff(handOffCode(end), browser).then().statusCode(200);

        handOff(handOffCode(end), browser).then().statusCode(400).body("code", equalTo("sso_failed"));
    }

    @Test
    void anExpiredHandOffCodeSignsNobodyIn() throws SQLException {
        Response end = signInAsSharedAdmin();
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement expire = db.prepareStatement("UPDATE oidc_handoff SET expires_at = now() - interval '1 second' "
                        + "WHERE code_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")) {
            expire.setString(1, handOffCode(end));
            assertThat(expire.executeUpdate()).isOne();
        }

        handOff(handOffCode(end), Map.of(handOffCookie(end).getName(), handOffCookie(end).getValue())).then().statusCode(400)
                .body("code", equalTo("sso_failed"));
    }

    /** One whole sign-in of this provider account, in a new browser: ARV's last answer. */
    private static Response signIn(String subject, String email) {
        PROVIDER.nextSignIn(subject, email, true);
        Started started = start();
        return callback(providerRedirect(started.authorize()), started.cookies());
    }

    /** A sign-in started in one browser: where it goes next, and the cookie ARV gave that browser for it. */
    private record Started(URI authorize, Cookie cookie) {

        /** What a browser that started only this sign-in sends to the callback. */
        Map<String, String> cookies() {
            return Map.of(cookie.getName(), cookie.getValue());
        }
    }

    /** ARV's start: a 302 to the provider's authorization endpoint, setting the browser's cookie named for its state. */
    private static Started start() {
        ExtractableResponse<Response> start = answered(Api.anonymous().redirects().follow(false)
                .get("/auth/oidc/" + OidcProviderServer.PROVIDER + "/start"), 302)
                .header("Cache-Control", equalTo("no-store")).extract();
        URI location = URI.create(start.header("Location"));
        assertThat(location.toString()).startsWith(PROVIDER.issuer()).contains("code_challenge_method=S256").contains("nonce=");
        String state = Arrays.stream(location.getRawQuery().split("&")).filter(pair -> pair.startsWith("state="))
                .map(pair -> pair.substring("state=".length())).findFirst().orElseThrow();
        Cookie cookie = start.detailedCookie(BROWSER_COOKIE + state);
        assertThat(cookie).as("the cookie for state %s among %s", state, start.detailedCookies()).isNotNull();
        return new Started(location, cookie);
    }

    /** The provider signs the person in at once and sends the browser back to ARV's callback. */
    private static URI providerRedirect(URI authorize) {
        String location = RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(authorize).then().statusCode(302)
                .extract().header("Location");
        assertThat(location).startsWith(ArvServer.baseUrl() + CALLBACK_PATH + "?");
        return URI.create(location);
    }

    /**
     * The URLs are sent as the server wrote them (RestAssured would encode them again), with the cookies of the browser,
     * as a browser sends them to the callback's path.
     */
    private static Response callback(URI back, Map<String, String> browser) {
        return RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).cookies(browser).get(back);
    }

    /**
     * A refused callback: the browser shows it as its page, so ARV sends it on to the console's sign-in screen, which
     * says why (the problem's code) and names the request for support; no hand-off.
     */
    private static void refusedWith(Response end, String code) {
        answered(end, 302);
        String requestId = end.header("X-Request-ID");
        assertThat(requestId).isNotBlank();
        assertThat(end.header("Location"))
                .isEqualTo(ArvServer.baseUrl() + "/console/#/sign-in?sso_error=" + code + "&request_id=" + requestId);
        assertThat(end.detailedCookies().asList()).noneMatch(c -> c.getName().startsWith(HANDOFF_COOKIE));
    }

    /** ARV's answer, checked for its status; a wrong one fails with what ARV said (its problem's code and detail). */
    private static ValidatableResponse answered(Response response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        return response.then();
    }

    /**
     * The access token the console gets: the final redirect sends it to the console with a one-time code in the URL
     * fragment, which the console posts to the hand-off with the cookie the redirect set.
     */
    private static String signedInToken(Response end) {
        Cookie cookie = handOffCookie(end);
        return handOff(handOffCode(end), Map.of(cookie.getName(), cookie.getValue())).then().statusCode(200)
                .extract().path("access_token");
    }

    /** The one-time code in the URL fragment of the final redirect to the console. */
    private static String handOffCode(Response end) {
        answered(end, 302);
        URI console = URI.create(end.header("Location"));
        assertThat(console.getRawQuery()).isNull();
        assertThat(console.getPath()).isEqualTo("/console/");
        String fragment = console.getRawFragment();
        assertThat(fragment).startsWith("/signed-in?handoff=");
        return URLDecoder.decode(fragment.substring("/signed-in?handoff=".length()), StandardCharsets.UTF_8);
    }

    /** The cookie the final redirect set for the hand-off. */
    private static Cookie handOffCookie(Response end) {
        return end.detailedCookies().asList().stream().filter(c -> c.getName().startsWith(HANDOFF_COOKIE)).findFirst()
                .orElseThrow(() -> new AssertionError("no hand-off cookie among " + end.detailedCookies()));
    }

    /** The console's request for the session, from a browser holding these cookies (for the hand-off's path). */
    private static Response handOff(String code, Map<String, String> browser) {
        return Api.anonymous().cookies(browser).body(Map.of("code", code)).post("/auth/oidc/handoff");
    }
}
