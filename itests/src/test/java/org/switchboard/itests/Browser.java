package org.switchboard.itests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium session with a profile of its own — cookies and storage apart, as for two people on two
 * machines — driven through the Debian chromedriver; closing it ends both programs.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension LAPTOP = new Dimension(1280, 800);
    public static final Dimension FULL_HD = new Dimension(1920, 1080);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration LOAD = Duration.ofSeconds(30);
    /**
     * Selenium looks for DevTools bindings of the running Chromium's version at every start and warns when
     * there are none; these tests use only WebDriver itself. Held here so the logger keeps its level.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final String label;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    // The browser log is handed out once by chromedriver; what was read is kept here for later assertions.
    private final List<LogEntry> consoleMessages = new ArrayList<>();
    // Should the test JVM be stopped before close() (a forked-process timeout), the browser still goes.
    private final Thread closeAtExit = new Thread(this::quit, "close browser");

    private Browser(String label, ChromeDriverService service, ChromeDriver driver) {
        this.label = label;
        this.service = service;
        this.driver = driver;
        Runtime.getRuntime().addShutdownHook(closeAtExit);
    }

    /** A session at laptop size; {@code label} (agent, supervisor...) names its screenshots and driver log. */
    public static Browser open(String label) throws IOException {
        return open(label, LAPTOP);
    }

    public static Browser open(String label, Dimension size) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "chromedriver"));
        // An explicit driver and browser keep Selenium Manager from looking for (and downloading) its own.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(logs.resolve(label + ".log").toFile())
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options(size));
            Browser browser = new Browser(label, service, driver);
            try {
                browser.resize(size);
            } catch (RuntimeException e) {
                browser.close();
                throw e;
            }
            return browser;
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    private static ChromeOptions options(Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Root in a container: no sandbox; /dev/shm there is small, so Chromium must not rely on it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + size.getWidth() + "," + size.getHeight(), "--no-first-run",
                "--disable-background-networking", "--disable-component-update");
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        return options;
    }

    /** The name given at {@link #open(String)}: whose browser this is. */
    public String label() {
        return label;
    }

    /** The underlying driver, for what these helpers do not cover. */
    public WebDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /**
     * Gives the page itself (the viewport CSS media queries see, and screenshots show) this size; the window
     * around it is larger by whatever the browser's own frame takes, which differs between Chromium versions.
     */
    public void resize(Dimension viewport) {
        WebDriver.Window window = driver.manage().window();
        window.setSize(viewport);
        Dimension inner = viewport();
        if (!inner.equals(viewport)) {
            window.setSize(new Dimension(2 * viewport.getWidth() - inner.getWidth(),
                    2 * viewport.getHeight() - inner.getHeight()));
        }
    }

    /** The page's size now, as {@link #resize(Dimension)} sets it. */
    public Dimension viewport() {
        Map<?, ?> inner = (Map<?, ?>) script("return {width: window.innerWidth, height: window.innerHeight}");
        return new Dimension(((Number) inner.get("width")).intValue(), ((Number) inner.get("height")).intValue());
    }

    /** Saves what the page shows now as {@code target/screenshots/<label>-<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Path target = Files.createDirectories(SCREENSHOTS).resolve(label + "-" + name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Every console message the page has logged so far (JavaScript errors and failed loads come as SEVERE). */
    public List<LogEntry> consoleMessages() {
        driver.manage().logs().get(LogType.BROWSER).forEach(consoleMessages::add);
        return List.copyOf(consoleMessages);
    }

    public void assertNoConsoleErrors() {
        assertNoConsoleErrorsBut();
    }

    /**
     * Fails on any SEVERE console entry except those containing one of {@code expected}: Chromium logs every
     * 4xx answer as an error, including a refusal a test provokes on purpose (a form with an invalid value).
     */
    public void assertNoConsoleErrorsBut(String... expected) {
        List<LogEntry> errors = consoleMessages().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> java.util.Arrays.stream(expected).noneMatch(entry.getMessage()::contains))
                .collect(Collectors.toList());
        if (!errors.isEmpty()) {
            throw new AssertionError("The " + label + " browser logged " + errors.size() + " error(s):\n"
                    + errors.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n")));
        }
    }

    /** The element once it is on the page and visible. */
    public WebElement waitFor(By locator, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The element once its text contains {@code text}. */
    public WebElement waitForText(By locator, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits until the page's title contains {@code text}. */
    public void waitForTitle(String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.titleContains(text));
    }

    /** Waits until the page has set a {@code performance.mark} of this name, e.g. {@link LoadFigures#INTERACTIVE_MARK}. */
    public void waitForMark(String mark, Duration timeout) {
        new WebDriverWait(driver, timeout).until(d -> Boolean.TRUE.equals(script(
                "return performance.getEntriesByName(arguments[0], 'mark').length > 0", mark)));
    }

    /** The current page's load figures, once its load event has ended. */
    public LoadFigures firstLoadFigures() {
        new WebDriverWait(driver, LOAD).until(d -> Boolean.TRUE.equals(script(
                "const n = performance.getEntriesByType('navigation')[0]; return !!n && n.loadEventEnd > 0")));
        return LoadFigures.of((Map<?, ?>) script(LoadFigures.SCRIPT, LoadFigures.INTERACTIVE_MARK));
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(closeAtExit);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or will run: it closes the browser.
        }
        quit();
    }

    // quit() ends Chromium through chromedriver; stopping the service then ends chromedriver, even when quit failed.
    private synchronized void quit() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
