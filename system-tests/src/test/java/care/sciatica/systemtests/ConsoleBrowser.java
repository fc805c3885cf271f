package care.sciatica.systemtests;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * One member of staff in a real Chromium (Debian's chromium and chromium-driver, headless, a fresh profile), signed in
 * to the clinic console through the realm's own login page. Keeps a screenshot of every step under target/.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String consoleUrl;
    private final Path screenshots;
    private final String who;
    private final int width;
    private final List<String> accessibilityProblems = new java.util.ArrayList<>();

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl, Path screenshots, String who, int width) {
        this.width = width;
        this.driver = driver;
        this.consoleUrl = consoleUrl;
        this.screenshots = screenshots;
        this.who = who;
    }

    /** A new browser, signed in as the demo user {@code username}, 1024 px wide. */
    static ConsoleBrowser signedIn(String consoleUrl, String username, Path screenshots) {
        return signedIn(consoleUrl, username, screenshots, 1024);
    }

    /** A new browser {@code width} px wide (768: the tablet beside the couch), signed in as {@code username}. */
    static ConsoleBrowser signedIn(String consoleUrl, String username, Path screenshots, int width) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        try {
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=" + width + ",1400",
                    "--user-data-dir=" + Files.createTempDirectory("console-browser-").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The driver is named explicitly, so Selenium Manager has nothing to look up or download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        driver.manage().timeouts().scriptTimeout(WAIT);
        ConsoleBrowser browser = new ConsoleBrowser(driver, consoleUrl, screenshots, username, width);
        browser.signIn(username);
        return browser;
    }

    private void signIn(String username) {
        driver.get(consoleUrl + "/");
        await().atMost(WAIT).until(() -> !driver.findElements(By.id("username")).isEmpty());
        screenshotOnly("login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        await().atMost(WAIT).until(() -> driver.getCurrentUrl().startsWith(consoleUrl)
                && !driver.findElements(By.cssSelector("header.top .name")).isEmpty());
    }

    void open(String path) {
        driver.get(consoleUrl + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    WebElement awaitElement(String css) {
        await().atMost(WAIT).until(() -> has(css));
        return find(css);
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Submits the form the element is in (as pressing its button does) and waits for the next page. A live page may
     * replace the element between finding and pressing it: then it is found again.
     */
    void submit(String buttonCss) {
        await().atMost(WAIT).ignoreException(org.openqa.selenium.StaleElementReferenceException.class).untilAsserted(() -> {
            WebElement button = find(buttonCss);
            script("arguments[0].scrollIntoView({block: 'center'});", button);
            try {
                button.click();
            } catch (org.openqa.selenium.ElementNotInteractableException e) {
                // Under the sticky session bar, or mid-scroll: press it the way the keyboard does.
                script("arguments[0].form.requestSubmit(arguments[0]);", button);
            }
        });
        await().atMost(WAIT).until(() -> "complete".equals(script("return document.readyState")));
    }

    /**
     * A screenshot under target/, named by the order of the steps, the user and the step; and the page's accessibility
     * check (axe-core), whose serious and critical findings {@link #accessibilityProblems()} collects.
     */
    void screenshot(String step) {
        screenshotOnly(step);
        Accessibility.seriousViolations(driver).forEach(problem ->
                accessibilityProblems.add(step + " " + driver.getCurrentUrl() + ": " + problem));
    }

    List<String> accessibilityProblems() {
        return List.copyOf(accessibilityProblems);
    }

    private void screenshotOnly(String step) {
        try {
            Files.createDirectories(screenshots);
            long count;
            try (var files = Files.list(screenshots)) {
                count = files.count();
            }
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve("%02d-%s-%s.png".formatted(count + 1, who, step)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A full-page screenshot (the whole height of the page), e.g. for the README. */
    void fullPageScreenshot(Path target) {
        Object height = script("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width,
                Math.min(6000, ((Number) height).intValue() + 40)));
        try {
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1400));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
