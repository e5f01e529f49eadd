package vn.laurel.api.pages;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page an administrator can reach by following links from the home page, in both languages:
 * it answers 200, its html names its language, the browser reports no error (a Content-Security-Policy
 * violation is one), every form control has a label, and at 375 px the page itself never scrolls
 * sideways (wide tables scroll inside their own box).
 */
@MicronautTest
class EveryPageBrowserTest extends BrowserTest {
    static final int MAX_PAGES = 60;

    @Override
    protected String database() {
        return "laurel_web_every_page";
    }

    @Inject
    DraftService drafts;

    @Test
    void every_reachable_page_is_sound_in_both_languages() {
        for (String lang : List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                Page page = ctx.newPage();
                List<String> errors = new ArrayList<>();
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) errors.add(page.url() + ": " + m.text());
                });
                page.onPageError(e -> errors.add(page.url() + ": " + e));
                signIn(page, "admin");
                page.navigate(base() + "/?lang=" + lang);

                Set<String> seen = new LinkedHashSet<>();
                Deque<String> queue = new ArrayDeque<>(List.of("/"));
                List<String> problems = new ArrayList<>();
                while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
                    String path = queue.poll();
                    if (!seen.add(path)) continue;
                    if (!sound(page, path, lang, problems)) continue;
                    for (Object href : (List<?>) page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")) {
                        String next = local(String.valueOf(href));
                        if (next != null && !seen.contains(next)) queue.add(next);
                    }
                }
                assertThat(seen).as("pages reached").hasSizeGreaterThan(5);
                assertThat(problems).as("pages with problems (" + lang + ")").isEmpty();
                assertThat(errors).as("errors reported by the browser (" + lang + ")").isEmpty();
            }
        }
    }

    /**
     * The pages of a draft, which no link from the home page reaches while the demo has no draft: a
     * draft with a changed parameter file and a failing scenario, every page of it, in both languages.
     */
    @Test
    void every_workbench_page_of_a_draft_is_sound_in_both_languages() {
        DraftView d = drafts.create("Every page", null, "policy");
        String path = "rules/parameters/advanced-laborer.yaml";
        String text = new String(drafts.file(d.id(), path), StandardCharsets.UTF_8);
        drafts.save(d.id(), path, text.replace("      value: 6\n", "      value: 7\n").getBytes(StandardCharsets.UTF_8), "policy");
        String draft = "/workbench/drafts/" + d.id();
        List<String> paths = List.of(draft, draft + "/diff", draft + "/parameters",
                draft + "/parameters/advanced_laborer.min_service_months", draft + "/files",
                draft + "/files/rules/awards/advanced-laborer.drl",
                draft + "/rule?file=rules/awards/advanced-laborer.drl&rule=ADVANCED_LABORER%3A+rated+good+or+better",
                draft + "/scenarios", draft + "/scenarios?status=failing",
                draft + "/scenarios/edit?file=scenarios/advanced-laborer/hired-exactly-six-months-before-year-end-is-eligible.yaml",
                draft + "/scenarios/new?award=ADVANCED_LABORER",
                draft + "/preview?unit=HN-SKHCN-DEMO&includeSubunits=true&year=2025",
                "/workbench?draft=" + d.id(), "/workbench/awards/ADVANCED_LABORER?draft=" + d.id());
        for (String lang : List.of("vi", "en")) {
            try (BrowserContext ctx = context()) {
                Page page = ctx.newPage();
                List<String> errors = new ArrayList<>();
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) errors.add(page.url() + ": " + m.text());
                });
                page.onPageError(e -> errors.add(page.url() + ": " + e));
                signIn(page, "admin");
                page.navigate(base() + "/?lang=" + lang);
                List<String> problems = new ArrayList<>();
                for (String p : paths) sound(page, p, lang, problems);
                assertThat(problems).as("draft pages with problems (" + lang + ")").isEmpty();
                assertThat(errors).as("errors reported by the browser (" + lang + ")").isEmpty();
            }
        }
    }

    /** Opens the page and adds what is wrong with it to the problems; false when it did not answer 200. */
    boolean sound(Page page, String path, String lang, List<String> problems) {
        page.setViewportSize(1280, 900);
        Response r = page.navigate(base() + path);
        if (r == null || r.status() != 200) {
            problems.add(path + ": HTTP " + (r == null ? "none" : r.status()));
            return false;
        }
        if (!lang.equals(page.locator("html").getAttribute("lang"))) problems.add(path + ": html lang is not " + lang);
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.type !== 'submit' && e.type !== 'button')"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))"
                + ".map(e => e.name || e.id || e.outerHTML.slice(0, 60))");
        if (unlabelled instanceof List<?> l && !l.isEmpty()) problems.add(path + ": controls without a label " + l);
        page.setViewportSize(375, 800);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth");
        if (overflow instanceof Number w && w.intValue() > 376) problems.add(path + ": " + w + " px wide at 375 px");
        return true;
    }

    /** A page of this site worth visiting: no sign-out, downloads, assets, API or language switches. */
    static String local(String href) {
        if (href.isEmpty() || href.startsWith("#") || href.startsWith("mailto:")) return null;
        URI u;
        try {
            u = URI.create(href);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (u.getScheme() != null || u.getHost() != null) return null;
        String path = u.getPath();
        if (path == null || !path.startsWith("/")) return null;
        if (path.startsWith("/api") || path.startsWith("/assets") || path.startsWith("/swagger") || path.startsWith("/logout")
                || path.contains("export") || path.endsWith(".csv") || path.endsWith(".xlsx")) return null;
        String query = u.getRawQuery();
        if (query != null && query.contains("lang=")) return null;
        return query == null ? path : path + "?" + query;
    }
}
