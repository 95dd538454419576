package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, never a downloaded one: the driver and
 * the browser are both given by path, so Selenium Manager has nothing to look up or fetch. Tests using
 * it are skipped where the driver is not installed ({@code .ci/run} installs it).
 */
final class Browser {

    static final String DRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {}

    static boolean installed() {
        return new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute();
    }

    static void assumeInstalled() {
        assumeTrue(installed(), DRIVER + " and " + CHROMIUM + " (apt-get install chromium chromium-driver) are needed");
    }

    /** A fresh browser with its own profile, asking for French pages as a browser set to French does. */
    static ChromeDriver start(Path profile) {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--lang=fr-FR",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core, injected into the page by Selenium, finds no serious or critical violation. */
    static void assertAccessible(ChromeDriver driver) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(serious)
                .as("axe-core violations on " + driver.getCurrentUrl())
                .isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                + rule.getNodes().stream()
                        .limit(3)
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }

    /** The text as a reader sees it, French thin and no-break spaces read as spaces. */
    static String plain(String text) {
        return text.replace('\u202f', ' ')
                .replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .trim();
    }
}
