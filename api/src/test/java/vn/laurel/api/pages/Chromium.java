package vn.laurel.api.pages;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium for the browser tests, driven by Playwright (whose own browser download cannot
 * work here: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 is set in the surefire configuration). When
 * /usr/bin/chromium is missing it installs {@code chromium} and {@code fonts-noto-core} (Vietnamese
 * glyphs) with apt-get, as {@link vn.laurel.api.ThrowawayPostgres} installs PostgreSQL.
 */
public final class Chromium {
    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private Chromium() {}

    public static synchronized void ensureInstalled() {
        if (Files.isExecutable(EXECUTABLE) && Files.isDirectory(Path.of("/usr/share/fonts/truetype/noto"))) return;
        apt("apt-get", "update", "-q");
        apt("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium", "fonts-noto-core");
        if (!Files.isExecutable(EXECUTABLE)) throw new IllegalStateException("apt-get installed no " + EXECUTABLE);
    }

    /** Headless, without a sandbox (the tests run as root in CI) and without any call home. */
    public static Browser launch(Playwright playwright) {
        ensureInstalled();
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    private static void apt(String... command) {
        try {
            // Output to a file: writing to the surefire fork's own streams corrupts its channel.
            File log = Files.createTempFile("laurel-apt-", ".log").toFile();
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(900, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log.toPath()));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
