package app.arv.web.bench;

import app.arv.launcher.ArvStack;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.arv.web.bench.BenchClient.list;
import static app.arv.web.bench.BenchClient.median;

/**
 * Benchmark, not a test: the console's first load in headless Chromium on loopback, an org admin already signed in,
 * browser cache off, {@value #ROUNDS} loads. (1) Bytes transferred until the dashboard shows (the page, its scripts,
 * styles, messages and API answers; model-viewer is not among them: it loads only where a model is shown), from the
 * Resource Timing entries; (2) time from navigation to the dashboard's figures on screen (the console's
 * {@code arv-dashboard-ready} mark). Needs /usr/bin/chromium and /usr/bin/chromedriver. Run with web/bench/bench.sh console.
 */
public final class ConsoleLoadBench {

    private static final int ROUNDS = 7;

    private ConsoleLoadBench() {
    }

    public static void main(String[] args) {
        try (ArvStack arv = ArvStack.builder().env("ARV_ADMIN_EMAIL", BenchClient.ADMIN).env("ARV_ADMIN_PASSWORD", BenchClient.PASSWORD)
                .env("ARV_PASSWORD_BCRYPT_COST", "4").build().start()) {
            String base = arv.baseUrl();
            String email = "boss-" + System.nanoTime() + "@bench.test";
            String admin = BenchClient.login(base, BenchClient.ADMIN, BenchClient.PASSWORD);
            BenchClient.as(base, admin).contentType("application/json").body(Map.of("name", "Console bench", "slug",
                    "console-" + System.nanoTime(), "admin", Map.of("email", email, "password", BenchClient.PASSWORD)))
                    .post("/organizations").then().statusCode(201);

            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File("/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
            ChromeDriver chrome = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort().build(), options);
            try {
                chrome.executeCdpCommand("Network.enable", Map.of());
                chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                chrome.get(base + "/console/#/");
                wait(chrome).until(d -> !d.findElements(By.name("email")).isEmpty());
                chrome.findElement(By.name("email")).sendKeys(email);
                chrome.findElement(By.name("password")).sendKeys(BenchClient.PASSWORD);
                chrome.findElement(By.cssSelector("form button[type=submit]")).click();
                wait(chrome).until(d -> !d.findElements(By.cssSelector(".dashboard[data-ready]")).isEmpty());

                List<Double> kilobytes = new ArrayList<>();
                List<Double> millis = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    chrome.navigate().refresh();
                    wait(chrome)
                            .until(d -> chrome.executeScript("return performance.getEntriesByName('arv-dashboard-ready').length") instanceof Long n && n > 0);
                    Number ready = (Number) chrome.executeScript("return performance.getEntriesByName('arv-dashboard-ready')[0].startTime");
                    Number bytes = (Number) chrome.executeScript("return performance.getEntriesByType('navigation')[0].transferSize"
                            + " + performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, 0)");
                    Object modelViewer = chrome.executeScript("return performance.getEntriesByType('resource').some(r => r.name.includes('model-viewer'))");
                    System.out.printf("load %d: %.1f KB transferred, dashboard usable after %.0f ms (model-viewer loaded: %s)%n",
                            round + 1, bytes.doubleValue() / 1024, ready.doubleValue(), modelViewer);
                    if (round > 0) { // the first load after sign-in warms the server's JIT
                        kilobytes.add(bytes.doubleValue() / 1024);
                        millis.add(ready.doubleValue());
                    }
                }
                System.out.printf("console first load: median %.1f KB transferred before the 3D viewer (loads: %s)%n", median(kilobytes),
                        list(kilobytes, "%.1f"));
                System.out.printf("dashboard usable after: median %.0f ms on loopback (loads: %s)%n", median(millis), list(millis, "%.0f"));
            } finally {
                chrome.quit();
            }
        }
    }

    private static WebDriverWait wait(ChromeDriver chrome) {
        return new WebDriverWait(chrome, Duration.ofSeconds(60));
    }
}
