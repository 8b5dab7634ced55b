package dev.cardminer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer end to end in Debian's headless Chromium (packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them): a chart bar leads to a card, the search
 * finds cards, and a hostile card runs none of its payloads. Screenshots go to target/screenshots.
 */
class ExplorerBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("cardminer.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("cardminer.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;

    private static Explorer.Running explorer;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
        explorer = Explorer.builder(TestStore.create(dir)).port(0).build().start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (explorer != null) {
            explorer.close();
        }
    }

    private static void open(String path) {
        browser.get(explorer.uri().resolve(path).toString());
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void aChartBarLeadsToItsCardsAndOnToOneCard() throws Exception {
        open("/");
        screenshot("overview");
        WebElement bar = browser.findElement(By.cssSelector("#chart-pipeline a.bar"));
        assertThat(bar.getText()).contains("text-classification");
        bar.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/cards?pipeline="));
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("2 cards");
        screenshot("cards");
        List<String> ids = browser.findElements(By.cssSelector("a.card-link")).stream().map(WebElement::getText).toList();
        assertThat(ids).containsExactlyInAnyOrder("good-org/classifier", "evil/model");
        browser.findElement(By.linkText("good-org/classifier")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/cards/good-org/classifier"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("good-org/classifier");
        assertThat(browser.findElement(By.cssSelector("#evaluation table")).getText()).contains("accuracy").contains("0.91");
        assertThat(browser.findElements(By.cssSelector("#concepts mark.concept"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("a.hub")).getAttribute("href"))
                .isEqualTo("https://huggingface.co/good-org/classifier");
        screenshot("card");
    }

    @Test
    void theSearchBoxAndTheSortSelectWork() throws Exception {
        open("/");
        WebElement search = browser.findElement(By.cssSelector("header input[name=q]"));
        search.sendKeys("speech", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=speech"));
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("1 card");
        assertThat(browser.findElement(By.cssSelector("a.card-link")).getText()).isEqualTo("other/speech");
        // The explorer's own script (served from /static, allowed by the CSP) resubmits on a sort change.
        open("/cards");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("sort"))).selectByValue("id");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("sort=id"));
        assertThat(browser.findElements(By.cssSelector("a.card-link")).get(0).getText()).isEqualTo("bare/nometa");
    }

    @Test
    void hostileCardContentStaysInert() throws Exception {
        open("/cards/evil/model");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("evil/model");
        screenshot("hostile-card");
        assertThat(js("return typeof window.__xss")).isEqualTo("undefined");
        // The payloads are on the page as text, not as elements.
        String body = browser.findElement(By.cssSelector("article.markdown")).getText();
        assertThat(body).contains("<script>window.__xss = 1</script>").contains("onerror=");
        assertThat(js("return document.querySelectorAll('article script, article svg, article iframe, "
                + "article img[onerror], [onload], [onerror]').length")).isEqualTo(0L);
        assertThat(js("return Array.from(document.querySelectorAll('a[href]')).filter(a => "
                + "!/^https?:/.test(a.href)).length")).isEqualTo(0L);
        assertThat(js("return document.scripts.length")).isEqualTo(1L);
        // Clicking what was a javascript: link does nothing either.
        browser.findElement(By.linkText("markdown javascript link")).click();
        assertThat(js("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.getCurrentUrl()).startsWith(explorer.uri().resolve("/cards/evil/model").toString());
    }

    @Test
    void linksToCardsWhoseIdsHaveDotSegmentsReachThoseCards() throws Exception {
        // Chromium resolves "." and ".." path segments (also as %2e) before it sends a request.
        try (Explorer.Running ids = Explorer.builder(TestStore.withIds(dir.resolve("ids"), ExplorerHttpTest.DOT_IDS))
                .port(0).build().start()) {
            for (String id : ExplorerHttpTest.DOT_IDS) {
                browser.get(ids.uri().resolve("/cards?sort=id").toString());
                browser.findElement(By.linkText(id)).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(
                        ExpectedConditions.urlContains("sort=id")));
                assertThat(browser.findElement(By.tagName("h1")).getText()).as(id + " at " + browser.getCurrentUrl())
                        .isEqualTo(id);
            }
        }
    }

    @Test
    void breakdownsConceptsAndChooserRender() throws Exception {
        open("/breakdowns");
        assertThat(browser.findElement(By.id("breakdown")).getText()).contains("text-classification");
        screenshot("breakdowns");
        open("/concepts");
        browser.findElements(By.cssSelector("a.concept-link")).get(0).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("category="));
        browser.findElements(By.cssSelector("a.concept-link")).get(0).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("form="));
        assertThat(browser.findElements(By.cssSelector("table.examples tbody tr"))).isNotEmpty();
        screenshot("concepts");
        open("/choose?task=text-classification");
        List<WebElement> ranked = browser.findElements(By.cssSelector("#ranking tbody tr"));
        assertThat(ranked).hasSize(2);
        assertThat(ranked.get(0).getText()).contains("good-org/classifier").contains("states limitations");
        screenshot("choose");
    }
}
