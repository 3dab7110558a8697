package app.arv.web.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One headless Chromium for the console's browser tests: Debian's {@code chromium} driven through Debian's
 * {@code chromedriver} by Selenium (both named explicitly, so Selenium Manager never downloads anything). Missing
 * ones skip the tests locally and fail them on CI ({@code CI=true}), as {@link BrowserE2e} does.
 *
 * <p>Files are "dropped" the way a person's drag from the desktop arrives: Selenium puts real files into a
 * throw-away {@code <input type=file>} (the one way a page may hold local files), and a script dispatches a
 * {@code drop} event carrying them in a {@code DataTransfer} on the console's drop zone.
 *
 * <p>A browser test class holds one for all its tests as a JUnit extension, which starts it before them, photographs
 * the page of each test that fails (target/console-screenshots/failed-{test}.png) and quits it after them:
 * {@code @RegisterExtension static final ConsoleBrowser browser = new ConsoleBrowser();}. A test of its own may also
 * {@link #start()} one and close it.
 */
final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback, TestWatcher, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private static final String DROP = "const [target, input] = arguments; const transfer = new DataTransfer();"
            + " for (const file of input.files) transfer.items.add(file);"
            + " target.dispatchEvent(new DragEvent('dragover', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
            + " target.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));"
            + " input.remove();";

    /** Content-Security-Policy violations of the page, collected from its first load (the console never reloads). */
    private static final String WATCH_CSP = "if (!window.cspViolations) { window.cspViolations = [];"
            + " document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' '"
            + " + e.blockedURI)); }";

    /** axe-core's tags of the WCAG 2.0 and 2.1 rules of levels A and AA. */
    private static final Set<String> WCAG_AA = Set.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Chromium, driven; null before the browser is started and once it is closed. */
    ChromeDriver driver;
    Path downloads;
    private Path screenshots;
    private String axe;

    /** A browser started when its test class starts (see the class comment). */
    ConsoleBrowser() {
    }

    /** A browser started now, for the caller to close. */
    static ConsoleBrowser start() throws IOException {
        ConsoleBrowser browser = new ConsoleBrowser();
        browser.open();
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        open();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            close();
        }
    }

    private void open() throws IOException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            missing.add(chromium + " (apt-get install chromium)");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add(chromedriver + " (apt-get install chromium-driver)");
        }
        if (!missing.isEmpty()) {
            String message = "console browser test prerequisites missing: " + String.join(", ", missing);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " -- CI=true, so this is a failure, not a skip");
            }
            assumeTrue(false, message);
        }
        downloads = Files.createTempDirectory("arv-console-downloads");
        screenshots = Path.of(System.getProperty("arv.console.screenshots", "target/console-screenshots"));
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // WebGL (model-viewer) on the CPU: no GPU on a build machine.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--lang=en-US", "--disable-search-engine-choice-screen");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "en-US,en"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        axe = axeCore();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    /** axe-core's script, a test resource (src/test/resources/axe-core, with its licence): the tests download nothing. */
    private static String axeCore() throws IOException {
        try (InputStream script = ConsoleBrowser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (script == null) {
                throw new IllegalStateException("axe-core/axe.min.js is not among the test resources");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Opens the console afresh (signed out) at {@code hash}: its storage emptied, then the page loaded once more. The
     * storage is reached from a page of the server's origin; one is loaded first only when the browser shows none (the
     * previous test's page does otherwise), so each test loads the console once, not twice.
     */
    void openSignedOut(String hash) {
        String console = ArvServer.baseUrl() + "/console/";
        if (!driver.getCurrentUrl().startsWith(ArvServer.baseUrl() + "/")) {
            driver.get(console);
        }
        script("sessionStorage.clear(); localStorage.clear();");
        driver.get(console + hash);
        driver.navigate().refresh();
        waitFor("input[name=email]");
        script(WATCH_CSP);
    }

    /** Opens the console afresh at {@code hash} and signs in there. */
    void signInAt(String hash, String email, String password) {
        openSignedOut(hash);
        signIn(email, password);
    }

    void signIn(String email, String password) {
        script(WATCH_CSP);
        type("input[name=email]", email);
        type("input[name=password]", password);
        click("form button[type=submit]");
        waitFor("#sign-out");
    }

    /** Moves within the console the way its links do (no page load). */
    void go(String hash) {
        script("location.hash = arguments[0]", hash);
    }

    WebElement waitFor(String css) {
        return until(d -> shown(d, css), "an element " + css);
    }

    /** The first element {@code css} shown, or null. */
    private static WebElement shown(ChromeDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /**
     * The text of the element {@code css} once it is shown; found afresh at each look, so a re-render that replaced it
     * meanwhile (a list read again, a route change) is waited out rather than failing on the element it replaced.
     */
    String text(String css) {
        return until(d -> {
            WebElement element = shown(d, css);
            return element == null ? null : element.getText();
        }, "an element " + css);
    }

    /** The DOM property {@code name} (an input's {@code value}) of the element {@code css} once it is shown; as {@link #text}. */
    String property(String css, String name) {
        return until(d -> {
            WebElement element = shown(d, css);
            return element == null ? null : element.getDomProperty(name);
        }, "an element " + css);
    }

    /** The texts of every element {@code css}, in order, read together (read again if one is replaced meanwhile). */
    List<String> texts(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList(), "the elements " + css);
    }

    /** Waits for an element, hidden or not. */
    WebElement present(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null), "an element " + css);
    }

    <T> T until(Function<ChromeDriver, T> condition, String what) {
        return until(condition, what, WAIT);
    }

    <T> T until(Function<ChromeDriver, T> condition, String what, Duration timeout) {
        try {
            // An element found just before a re-render replaces it (a route change) is stale by the time it is looked at:
            // the next poll finds the new one.
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class).until(d -> {
                T value = condition.apply((ChromeDriver) d);
                return value instanceof Boolean b && !b ? null : value;
            });
        } catch (TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl()
                    + "; the page said: " + driver.findElement(By.id("app")).getText() + "; its console: "
                    + driver.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
    }

    /** Clicks the element {@code css} once it is shown (found again if a re-render replaces it before the click lands). */
    void click(String css) {
        until(d -> {
            WebElement element = shown(d, css);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        }, "an element " + css + " to click");
    }

    /** Types {@code text} into the field {@code css}, emptied first (found again, and emptied again, if it is replaced). */
    void type(String css, String text) {
        until(d -> {
            WebElement field = shown(d, css);
            if (field == null) {
                return false;
            }
            field.clear();
            field.sendKeys(text);
            return true;
        }, "a field " + css);
    }

    /** Drops real files of the test resources onto the element {@code css} (see the class comment). */
    void drop(String css, String... images) {
        WebElement target = waitFor(css);
        WebElement input = (WebElement) script("const input = document.createElement('input'); input.type = 'file';"
                + " input.multiple = true; document.body.append(input); return input;");
        input.sendKeys(java.util.Arrays.stream(images).map(ConsoleBrowser::resource).collect(Collectors.joining("\n")));
        script(DROP, target, input);
    }

    /**
     * What {@code look} answers while the page's requests to {@code url} (a pattern, {@code *} any characters) fail as
     * they do when the server cannot be reached; they reach it again afterwards.
     */
    <T> T whileUnreachable(String url, Supplier<T> look) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(url)));
        try {
            return look.get();
        } finally {
            driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    @SuppressWarnings("unchecked")
    List<String> cspViolations() {
        return (List<String>) script("return window.cspViolations || []");
    }

    /** The page as an image under target/console-screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * axe-core's serious and critical violations of the page as it is now: each rule's id, impact and help (what it asks
     * for), and the elements it names.
     */
    List<String> seriousAccessibilityViolations() {
        return accessibilityViolations(false);
    }

    /**
     * axe-core's violations of the page as it is now that fail WCAG 2.1 AA (a rule tagged with one of its levels,
     * whatever axe-core takes its impact to be: a page that cannot be zoomed is "moderate" to it) or that it takes to be
     * serious or critical; each as {@link #seriousAccessibilityViolations} says it.
     */
    List<String> wcagViolations() {
        return accessibilityViolations(true);
    }

    @SuppressWarnings("unchecked")
    private List<String> accessibilityViolations(boolean wcag) {
        if (!Boolean.TRUE.equals(script("return typeof window.axe !== 'undefined'"))) {
            script(axe);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) asyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " help: v.help, tags: v.tags, nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))),"
                + " e => done([{id: 'axe failed', impact: 'critical', help: String(e), tags: [], nodes: ''}]));");
        return violations.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))
                || wcag && ((List<String>) v.get("tags")).stream().anyMatch(WCAG_AA::contains))
                .map(v -> v.get("id") + " (" + v.get("impact") + ", " + v.get("help") + "): " + v.get("nodes")).toList();
    }

    /** Waits until the browser has finished saving {@code name} to its download folder; answers its bytes. */
    byte[] downloaded(String name) {
        Path file = downloads.resolve(name);
        // Finished: under its name, no partial file beside it, not empty, and the same length for half a second. The
        // name alone was not enough: a print kit was once read with its first page drawn without its QR code.
        long[] seen = {-1, System.nanoTime()}; // the length, and since when it is that
        until(d -> {
            long size = Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload")) ? file.toFile().length() : -1;
            if (size != seen[0]) {
                seen[0] = size;
                seen[1] = System.nanoTime();
            }
            return size > 0 && System.nanoTime() - seen[1] >= Duration.ofMillis(500).toNanos();
        }, "the download " + name, Duration.ofSeconds(60));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String image) {
        try {
            return Path.of(ConsoleBrowser.class.getResource("/images/" + image).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        driver = null;
        try (Stream<Path> files = Files.walk(downloads)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.err.println("The downloads folder " + downloads + " was not removed: " + e);
        }
    }
}
