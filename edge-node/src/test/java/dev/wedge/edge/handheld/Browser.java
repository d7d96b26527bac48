package dev.wedge.edge.handheld;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through /usr/bin/chromedriver (never a downloaded driver), sized like a
 * handheld, with helpers to type scans as a keyboard-wedge scanner does and to save screenshots.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriverService service;
    final ChromeDriver driver;
    final WebDriverWait wait;

    Browser() throws IOException {
        profile = Files.createTempDirectory("wedge-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=412,915");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(412, 915));
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Files.createDirectories(SCREENSHOTS);
    }

    static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    WebElement id(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return id(id).getText();
    }

    void waitForScreen(String screen) {
        wait.until(d -> screen.equals(d.findElement(By.tagName("body")).getDomAttribute("data-screen")));
    }

    int feedbackSeq() {
        String seq = id("feedback").getDomAttribute("data-seq");
        return seq == null ? 0 : Integer.parseInt(seq);
    }

    /** Types a scan into the focused scan field followed by Enter and waits for the app's feedback. */
    String scan(String typed) {
        int before = feedbackSeq();
        WebElement field = driver.switchTo().activeElement();
        if (!"scan".equals(field.getDomAttribute("id"))) {
            throw new IllegalStateException("the scan field does not have the focus (focus is on "
                    + field.getDomAttribute("id") + ")");
        }
        field.sendKeys(typed + Keys.ENTER);
        wait.until(d -> feedbackSeq() > before);
        return feedbackKind();
    }

    String feedbackKind() {
        return id("feedback").getDomAttribute("data-kind");
    }

    /** Clicks and waits for feedback. */
    String clickForFeedback(String id) {
        int before = feedbackSeq();
        id(id).click();
        wait.until(d -> feedbackSeq() > before);
        return feedbackKind();
    }

    void screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Logs in on the handheld: badge scan, then PIN. */
    void login(java.net.URI base, String badge, String pin) {
        driver.get(base.resolve("/app/").toString());
        waitForScreen("login");
        wait.until(d -> "scan".equals(d.switchTo().activeElement().getDomAttribute("id")));
        driver.switchTo().activeElement().sendKeys(badge + Keys.ENTER);
        wait.until(d -> id("pin").isDisplayed());
        id("pin").sendKeys(pin + Keys.ENTER);
        waitForScreen("menu");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        service.stop();
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
