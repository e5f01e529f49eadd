package vn.laurel.api.pages;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.ThrowawayPostgres;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A browser test: Debian's chromium driven by Playwright against the server on a real port, with
 * PostgreSQL and the demo department. A subclass is annotated {@code @MicronautTest} and names its own
 * database. {@link #shot} saves a page to docs/screenshots/ (docs/ui.md lists them).
 */
public abstract class BrowserTest extends PostgresTest {
    public static final Path SHOTS = ThrowawayPostgres.repoRoot().resolve("docs/screenshots");

    @Inject
    protected EmbeddedServer server;

    protected Playwright playwright;
    protected Browser browser;

    @BeforeAll
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
    }

    protected String base() {
        return "http://127.0.0.1:" + server.getPort();
    }

    protected BrowserContext context() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** The visible part of the page, as docs/screenshots/NAME.png. */
    protected void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(false));
    }

    /** Signs in through the form (demo accounts: password = name) and waits for the home page. */
    protected void signIn(Page page, String name) {
        page.navigate(base() + "/login");
        page.fill("#username", name);
        page.fill("#password", name);
        page.click("main button[type=submit]");
        page.waitForURL(u -> !u.contains("/login"));
        // A page visited signed out before is where sign-in returns; a test starts from home.
        if (!page.url().equals(base() + "/")) page.navigate(base() + "/");
    }
}
