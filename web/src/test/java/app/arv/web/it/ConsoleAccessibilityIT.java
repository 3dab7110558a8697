package app.arv.web.it;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * WCAG 2.1 AA for whoever uses the console or opens a viewer link: every screen of the console (each route of main.js,
 * signed out, as an organization's admin and as the platform admin, its dialogs, a phone's width) and the viewer page's
 * own parts (its messages, the friendly page of an unknown code) are checked with axe-core, which must find nothing
 * serious or critical and no failure of a WCAG A or AA rule; the viewer's message is said aloud; and an action is done
 * with the keyboard alone. One browser, and one visit of the screens in turn: what they show is created through the API
 * (a marker compiles meanwhile, no model is generated), so the visit is quick.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class ConsoleAccessibilityIT {

    /** How many Tabs may lie between two controls of a screen before the keyboard is taken to have lost its way. */
    private static final int TABS = 60;

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser();
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    @Test
    void noScreenOfTheConsoleNorOfTheViewerFailsWcagAaOrHasASeriousAccessibilityViolation() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.adminToken());
        String content = MarkerApi.createOne(tenant.adminToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));
        String uniqueId = Api.bearer(tenant.adminToken()).get("/ar-content/" + content).then().statusCode(200).extract().path("unique_id");
        Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/a11y", "events", List.of("*"))).post("/webhooks").then()
                .statusCode(201);

        browser.openSignedOut("#/");
        check("sign-in", "input[name=email]");
        browser.type("input[name=email]", tenant.adminEmail());
        browser.type("input[name=password]", "not-the-password");
        browser.click("form button[type=submit]");
        check("sign-in-refused", "form .error");
        for (String signedOut : List.of("forgot", "signup", "reset?token=x", "invitation?token=x")) {
            browser.go("#/" + signedOut);
            check(signedOut.replaceAll("\\?.*", ""), "form h1");
        }
        browser.go("#/sign-in");
        browser.signIn(tenant.adminEmail(), tenant.password());
        check("dashboard", ".dashboard[data-ready=true]");
        browser.go("#/projects");
        check("projects", "#projects-table");
        browser.click("#new-project");
        check("projects-new-dialog", "dialog input[name=name]");
        browser.click("dialog header button");
        browser.go("#/projects/" + project);
        check("project", "#content-table");
        browser.go("#/content/" + content);
        check("content", "main h1");
        for (String screen : List.of("check", "generations", "media", "sessions", "account/password", "audit", "notifications",
                "account/notifications", "webhooks", "no-such-screen")) {
            browser.go("#/" + screen);
            check(screen.replace('/', '-'), "main h1");
        }
        browser.go("#/webhooks");
        browser.click("#webhooks-table .show-deliveries");
        check("webhooks-deliveries-dialog", "dialog h2");
        browser.click("dialog header button");
        for (String tab : List.of("users", "keys", "storage", "sso", "maintenance")) {
            browser.go("#/settings/" + tab);
            check("settings-" + tab, "#tab-" + tab + "[aria-current=page]");
        }
        browser.go("#/platform");
        check("forbidden", "[data-forbidden=true]");
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.go("#/");
            browser.click("header .menu");
            check("dashboard-phone-menu", "nav#nav.open");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
        browser.signInAt("#/platform", ArvServer.ADMIN_EMAIL, ArvServer.ADMIN_PASSWORD);
        for (String tab : List.of("system", "jobs", "organizations", "storage", "mail", "domainClaims")) {
            browser.go("#/platform/" + tab);
            check("platform-" + tab, "#tab-" + tab + "[aria-current=page]");
        }
        // The viewer (its page is served once the marker is ready) in a browser without a camera: the page says so, in its message.
        MarkerApi.awaitMarker(tenant.adminToken(), content, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("ready"));
        browser.driver.get(ArvServer.baseUrl() + "/ar/" + uniqueId);
        checkPage("viewer-message", "#message:not([hidden]) h1");
        browser.driver.get(ArvServer.baseUrl() + "/ar/" + "0".repeat(20));
        checkPage("viewer-unknown-code", "main h1");

        assertThat(violations).allSatisfy((screen, found) -> assertThat(found).as(screen).isEmpty());
    }

    @Test
    void aProjectIsCreatedWithTheKeyboardAlone() {
        Api.Tenant tenant = Api.newTenant();
        browser.signInAt("#/projects", tenant.adminEmail(), tenant.password());
        browser.waitFor("#new-project");
        List<String> unseenFocus = new ArrayList<>();

        tabTo("#new-project", unseenFocus);
        keys(Keys.ENTER);
        browser.until(d -> browser.script("return document.activeElement.matches('dialog input[name=name]')"), "the name field focused");
        keys("Made with keys");
        tabTo("dialog button[type=submit]", unseenFocus);
        keys(Keys.SPACE);
        String heading = browser.until(d -> d.getCurrentUrl().matches(".*#/projects/[\\w-]+$")
                ? browser.waitFor("main h1").getText()
                : null, "the new project's screen");

        assertThat(heading).contains("Made with keys");
        assertThat(unseenFocus).as("controls focused without a visible focus indicator").isEmpty();
        Api.bearer(tenant.adminToken()).get("/projects").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theViewerSaysItsMessageToAScreenReaderWhenItAppears() {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.adminToken());
        String content = MarkerApi.readyOne(tenant.adminToken(), project, "coins.png", MarkerApi.COMPILE_TIMEOUT);
        String uniqueId = Api.bearer(tenant.adminToken()).get("/ar-content/" + content).then().statusCode(200).extract().path("unique_id");

        // No camera in this browser: the page tells the visitor so, in its message, after it was served.
        browser.driver.get(ArvServer.baseUrl() + "/ar/" + uniqueId);
        String title = browser.waitFor("#message h1").getText();
        Object liveRegion = browser.script("const region = document.getElementById('message')"
                + ".closest('[role=alert], [role=status], [aria-live]:not([aria-live=off])');"
                + " return region && (region.getAttribute('aria-live') || region.getAttribute('role'))");

        assertThat(title).isNotBlank();
        assertThat(liveRegion).as("the live region the message is in").isIn("alert", "status", "assertive", "polite");
    }

    @Test
    void followingAMenuLinkTakesTheFocusToTheNewScreensHeading() {
        Api.Tenant tenant = Api.newTenant();
        browser.signInAt("#/", tenant.adminEmail(), tenant.password());
        browser.waitFor(".dashboard[data-ready=true]");

        browser.click("#nav-projects");

        browser.until(d -> browser.script("return document.activeElement.matches('main h1')"), "the focus on the projects' heading");
        assertThat(browser.waitFor("main h1").getText()).isEqualTo(browser.driver.getTitle().replace(" · ARV", ""));
    }

    @Test
    void afterSigningInTheFirstScreensHeadingHasTheFocus() {
        Api.Tenant tenant = Api.newTenant();
        MarkerApi.newProject(tenant.adminToken());

        browser.signInAt("#/projects", tenant.adminEmail(), tenant.password());

        browser.until(d -> browser.script("return document.activeElement.matches('main h1')"), "the focus on the projects' heading");
        assertThat(browser.waitFor("main h1").getText()).isEqualTo(browser.driver.getTitle().replace(" · ARV", ""));
    }

    @Test
    void whatIsUnderWayIsSaidInTheLiveRegionThatWasInThePageBeforeIt() {
        Api.Tenant tenant = Api.newTenant();
        browser.signInAt("#/", tenant.adminEmail(), tenant.password());
        browser.waitFor(".dashboard[data-ready=true]");
        // Every text the page's live region takes, and every other element that would speak for itself as it comes.
        String watch = "window.said = []; window.ownRegions = [];"
                + " new MutationObserver(() => { const t = document.getElementById('announcer').textContent; if (t) window.said.push(t); })"
                + ".observe(document.getElementById('announcer'), {childList: true, characterData: true, subtree: true});"
                + " new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(n => n.nodeType === 1"
                + " && [n, ...n.querySelectorAll('*')].filter(e => e.matches('[role=status], [aria-live]') && !e.matches('#announcer, .announcer'))"
                + ".forEach(e => window.ownRegions.push(e.outerHTML.slice(0, 120))))))"
                + ".observe(document.body, {childList: true, subtree: true});";
        browser.script(watch);
        List<String> saidLoading;
        List<String> regionsLoading;
        List<String> saidVerifying;
        List<String> regionsVerifying;
        slowNetwork(true);
        try {
            browser.go("#/audit");
            browser.waitFor("main .empty, main table");
            saidLoading = strings(browser.script("return window.said"));
            regionsLoading = strings(browser.script("return window.ownRegions"));
            browser.openSignedOut("#/");
            browser.script(watch);
            browser.go("#/signup/verify?token=" + "x".repeat(43));
            browser.waitFor("main .error[role=alert]");
            saidVerifying = strings(browser.script("return window.said"));
            regionsVerifying = strings(browser.script("return window.ownRegions"));
        } finally {
            slowNetwork(false);
        }

        assertThat(saidLoading).as("what the live region said while the audit log was read").contains("Loading…");
        assertThat(regionsLoading).as("live regions of their own").isEmpty();
        assertThat(saidVerifying).as("what the live region said while a sign-up link was checked").contains("Confirming your address…");
        assertThat(regionsVerifying).as("live regions of their own").isEmpty();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /** Every request of the page answered a second late (or at once again). */
    private void slowNetwork(boolean slow) {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", slow ? 1000 : 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void aFilterOfAListKeepsTheFocusInTheFilter() {
        Api.Tenant tenant = Api.newTenant();
        MarkerApi.newProject(tenant.adminToken());
        browser.signInAt("#/", tenant.adminEmail(), tenant.password());
        browser.click("#nav-projects");
        browser.waitFor("#projects-table");

        browser.click("main input[type=search]");
        browser.type("main input[type=search]", "no such project");
        browser.until(d -> d.getCurrentUrl().contains("q=no"), "the filter in the address");
        browser.waitFor("main .empty");

        assertThat(browser.script("return document.activeElement.matches('main input[type=search]')")).isEqualTo(true);
    }

    @Test
    void aSavedMessageIsSaidInTheLiveRegionThatWasInThePageBeforeIt() {
        Api.Tenant tenant = Api.newTenant();
        browser.signInAt("#/account/notifications", tenant.adminEmail(), tenant.password());
        browser.waitFor("#notification-preferences input[type=checkbox]");
        Object liveBefore = browser.script("const region = document.getElementById('announcer');"
                + " return region && region.getAttribute('role') === 'status' && region.textContent === ''");

        browser.click("#notification-preferences input[type=checkbox]");
        browser.click("#preferences-save");
        String saved = browser.waitFor("#preferences-saved").getText();

        assertThat(liveBefore).as("an empty live region before the save").isEqualTo(true);
        assertThat(saved).isNotBlank();
        browser.until(d -> saved.equals(browser.script("return document.getElementById('announcer').textContent")),
                "the live region saying " + saved);
    }

    /** Presses Tab until the element {@code css} has the focus; notes each control on the way whose focus does not show. */
    private void tabTo(String css, List<String> unseenFocus) {
        for (int i = 0; i < TABS; i++) {
            keys(Keys.TAB);
            String focused = (String) browser.script("const e = document.activeElement; const s = getComputedStyle(e);"
                    + " const seen = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';"
                    + " return (seen ? '' : '!') + e.outerHTML.slice(0, 120)");
            if (focused.startsWith("!")) {
                unseenFocus.add(focused.substring(1));
            }
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
        }
        throw new AssertionError(TABS + " Tabs did not reach " + css);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** Waits for what shows the console's screen is ready and its lists read, photographs it, and records axe-core's findings. */
    private void check(String screen, String readyWhen) {
        browser.waitFor(readyWhen);
        browser.until(d -> d.findElements(By.cssSelector("main .loading")).isEmpty(), "the lists of " + screen + " read");
        checkPage(screen, readyWhen);
    }

    private void checkPage(String screen, String readyWhen) {
        WebElement ready = browser.waitFor(readyWhen);
        assertThat(ready.isDisplayed()).isTrue();
        browser.screenshot("a11y-" + screen);
        violations.put(screen, browser.wcagViolations());
    }
}
