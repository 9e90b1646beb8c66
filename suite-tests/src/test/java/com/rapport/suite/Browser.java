package com.rapport.suite;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium, driven through its own chromedriver: both are named explicitly, so
 * Selenium Manager never downloads a browser or a driver. Each browser has a profile of its own,
 * deleted when it closes.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration PAGE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;
    private final URI base;

    private Browser(WebDriver driver, Path profile, URI base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    static Browser start(URI base) {
        Path profile;
        try {
            profile = Files.createTempDirectory("rapport-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PAGE);
            return new Browser(driver, profile, base);
        } catch (RuntimeException e) {
            service.stop();
            SuiteFiles.deleteRecursively(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** A fresh session: the browser forgets its cookies, as a new visitor would have none. */
    void forgetSession() {
        open("/login");
        driver.manage().deleteAllCookies();
    }

    /** Signs in with the login form and waits for the dashboard it lands on. */
    void signIn(String username, String password) {
        forgetSession();
        open("/login");
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form [type=submit]")).click();
        await().atMost(PAGE).until(() -> text("[data-test=user]").equals(username));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The text of the first element matching css, or "" while there is none. */
    String text(String css) {
        List<WebElement> found = findAll(css);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Runs a script that calls its last argument when done, and answers what it was called with. */
    Object asyncScript(String javascript) {
        driver.manage().timeouts().scriptTimeout(PAGE);
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript);
    }

    /**
     * The URLs (with their queries) of the requests this page has made to {@code path}, oldest first, as the
     * browser's own Resource Timing records them once each answer is in. A new page starts a new record.
     */
    List<String> requested(String path) {
        Object urls = ((JavascriptExecutor) driver).executeScript("""
                return performance.getEntriesByType('resource')
                    .filter(entry => new URL(entry.name).pathname === arguments[0])
                    .map(entry => entry.name);""", path);
        return ((List<?>) urls).stream().map(String::valueOf).toList();
    }

    void screenshot(String name) {
        try {
            Path directory = Files.createDirectories(screenshots());
            Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the build keeps them (failsafe sets rapport.screenshots): suite-tests/target/screenshots. */
    private static Path screenshots() {
        String directory = System.getProperty("rapport.screenshots");
        if (directory == null) {
            throw new IllegalStateException("system property rapport.screenshots is not set: run through Maven (./mvnw verify)");
        }
        return Path.of(directory);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            SuiteFiles.deleteRecursively(profile);
        }
    }

    /** A screenshot after every test, named after it, and marked when the test failed. */
    static final class Screenshots implements AfterTestExecutionCallback {

        private final Supplier<Browser> browser;

        Screenshots(Supplier<Browser> browser) {
            this.browser = browser;
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            Browser open = browser.get();
            if (open != null) {
                String outcome = context.getExecutionException().isPresent() ? "-FAILED" : "";
                open.screenshot(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName() + outcome);
            }
        }
    }
}
