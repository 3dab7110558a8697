package app.arv.web.it;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Self-service sign-up through HTTP and the real SMTP server. The suite's server runs with sign-up off (the default),
 * which the first test checks; the others talk to the suite's second node (see {@link SecondNode}), which
 * runs with ARV_SIGNUP_ENABLED=true. Each request comes from a client address of its own (X-Forwarded-For), so the throttle's
 * per-client count is not shared between tests.
 */
@ExtendWith(ArvServer.class)
@Order(1)
@Isolated("runs with the second node up, which would take compile and generation work of other classes (see SecondNode)")
class SignupIT {

    @RegisterExtension
    static final SecondNode ENABLED = new SecondNode();

    private static final Pattern LINK = Pattern.compile("(\\S+)/console/#/signup/verify\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "a-brand-new-password-42";

    @Test
    void withSignUpOffEveryStepAnswersNotFoundAndNothingIsSent() {
        String email = newAddress();

        Api.anonymous().get("/auth/signup").then().statusCode(200).body("enabled", equalTo(false));
        signUp(Api.anonymous(), "Off Ltd", email, PASSWORD).then().statusCode(404).body("code", equalTo("signup_disabled"));
        Api.anonymous().body(Map.of("token", "x".repeat(43))).post("/auth/signup/verify").then().statusCode(404)
                .body("code", equalTo("signup_disabled"));
        // a form that would not pass validation gets the same answer: a switched-off installation describes no form
        Api.anonymous().body(Map.of("email", "not an address")).post("/auth/signup").then().statusCode(404)
                .body("code", equalTo("signup_disabled"));

        assertThat(Inbox.receivedBy(email)).isEmpty();
    }

    @Test
    void withSignUpOnTheConsoleIsToldSo() {
        enabled().get("/auth/signup").then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void theMailedLinkOpensTheOrganizationWithItsAdminSignedIn() {
        String email = newAddress();

        signUp(enabled(), "Café Sunrise", email, PASSWORD).then().statusCode(202);
        Matcher link = linkIn(Inbox.mailTo(email));
        assertThat(link.group(1)).isEqualTo(ENABLED.get().baseUrl());

        Response verified = verify(link.group(2));

        verified.then().statusCode(201).body("token_type", equalTo("Bearer")).body("refresh_token", notNullValue());
        String token = verified.path("access_token");
        enabled().header("Authorization", "Bearer " + token).get("/me").then().statusCode(200).body("name", equalTo(email))
                .body("organization.name", equalTo("Café Sunrise")).body("organization.slug", matchesPattern("cafe-sunrise-[a-z0-9]{6}"))
                .body("roles", hasItem("org-admin"));
        enabled().header("Authorization", "Bearer " + token).get("/me/account").then().statusCode(200).body("name", equalTo("Sam Founder"));
        Api.login(email, PASSWORD);
    }

    @Test
    void theOrganizationsAuditLogBeginsWithItsOpeningByTheSignUp() {
        String email = newAddress();
        signUp(enabled(), "Audit Bakery", email, PASSWORD).then().statusCode(202);

        String token = verify(linkIn(Inbox.mailTo(email)).group(2)).then().statusCode(201).extract().path("access_token");

        enabled().header("Authorization", "Bearer " + token).get("/audit-events?action=organization.created").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].actor.label", equalTo(email))
                .body("items[0].details.via", equalTo("signup")).body("items[0].details.name", equalTo("Audit Bakery"));
    }

    @Test
    void theLinkWorksOnce() {
        String email = newAddress();
        signUp(enabled(), "Once Inc", email, PASSWORD).then().statusCode(202);
        String rawToken = linkIn(Inbox.mailTo(email)).group(2);
        verify(rawToken).then().statusCode(201);

        verify(rawToken).then().statusCode(400).body("code", equalTo("invalid_token"));
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswerAndOnlyTheUnknownOneAMail() {
        Api.Tenant tenant = Api.newTenant();
        String unknown = newAddress();

        Response known = signUp(enabled(), "Copycat", tenant.adminEmail(), PASSWORD);
        Response nobody = signUp(enabled(), "Copycat", unknown, PASSWORD);

        assertThat(known.statusCode()).isEqualTo(nobody.statusCode()).isEqualTo(202);
        assertThat(known.asString()).isEqualTo(nobody.asString());
        Inbox.mailTo(unknown);
        assertThat(Inbox.receivedBy(tenant.adminEmail())).noneMatch(mail -> LINK.matcher(Inbox.textOf(mail)).find());
    }

    @Test
    void aWeakPasswordIsRefusedAndNothingIsSent() {
        String email = newAddress();

        signUp(enabled(), "Weak Co", email, "qwertyuiop").then().statusCode(422).body("code", equalTo("weak_password"));
        signUp(enabled(), "", email, PASSWORD).then().statusCode(400);

        assertThat(Inbox.receivedBy(email)).isEmpty();
    }

    @Test
    void anUnknownLinkIsRefused() {
        verify("x".repeat(43)).then().statusCode(400).body("code", equalTo("invalid_token"));
    }

    @Test
    void aVisitorCreatesAnOrganizationInTheConsoleAndTheMailedLinkSignsThemIntoIt() throws Exception {
        String email = newAddress();
        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            browser.driver.get(ENABLED.get().baseUrl() + "/console/#/sign-in");
            browser.click("#create-organization");
            browser.type("input[name=organization_name]", "Browser Bakery");
            browser.type("input[name=name]", "Sam Founder");
            browser.type("input[name=email]", email);
            browser.type("input[name=password]", PASSWORD);
            browser.click("form button[type=submit]");
            browser.waitFor("#account-form-done");
            browser.screenshot("signup-mail-sent");
            Matcher link = linkIn(Inbox.mailTo(email));

            browser.driver.get(link.group());
            String who = browser.waitFor("header .who").getText();
            // the new organization's dashboard, loaded: no projects yet
            assertThat(browser.waitFor("#dashboard-projects").getText()).isEqualTo("0");
            browser.screenshot("signup-verified");
            List<String> accessibility = browser.seriousAccessibilityViolations();

            assertThat(who).contains(email, "Browser Bakery");
            assertThat(accessibility).isEmpty();
        }
    }

    @Test
    void theSignUpLinkStaysWhereItIsWhenTheSignInButtonsOfTheProvidersArriveLate() throws Exception {
        // The page's fetch of the provider list is held back 1.5 s and every position the link takes is recorded, from
        // the first moment it is in the page: a pointer (or a test's click) aimed at the link must not find it moved.
        String slowProvidersAndWatchTheLink = """
                const realFetch = window.fetch;
                window.fetch = (input, init) => String(input).includes('/auth/oidc/providers')
                    ? new Promise(resolve => setTimeout(resolve, 1500)).then(() => realFetch(input, init))
                    : realFetch(input, init);
                window.signUpLinkTops = [];
                new MutationObserver(() => {
                    const link = document.getElementById('create-organization');
                    if (link) window.signUpLinkTops.push(link.getBoundingClientRect().top);
                }).observe(document, { childList: true, subtree: true });
                """;
        try (ConsoleBrowser browser = ConsoleBrowser.start()) {
            browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", slowProvidersAndWatchTheLink));
            browser.driver.get(ENABLED.get().baseUrl() + "/console/#/sign-in");

            browser.waitFor("#sso-" + OidcProviderServer.PROVIDER);
            browser.waitFor("#create-organization");
            List<?> tops = (List<?>) browser.script("return [...new Set(window.signUpLinkTops)]");

            assertThat(tops).as("the link's distinct positions from its first appearance on").hasSize(1);
        }
    }

    private static RequestSpecification enabled() {
        return RestAssured.given().baseUri(ENABLED.get().baseUrl()).basePath("/api/v1").contentType(ContentType.JSON);
    }

    private static Response signUp(RequestSpecification request, String organization, String email, String password) {
        return request.header("X-Forwarded-For", Api.newClientAddress()).body(Map.of("organization_name", organization, "email", email,
                "name", "Sam Founder", "password", password)).post("/auth/signup");
    }

    private static Response verify(String rawToken) {
        return enabled().body(Map.of("token", rawToken)).post("/auth/signup/verify");
    }

    private static String newAddress() {
        return "founder-" + UUID.randomUUID() + "@example.com";
    }

    private static Matcher linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(Inbox.textOf(mail));
        assertThat(link.find()).as("a verification link in the mail's text").isTrue();
        return link;
    }
}
