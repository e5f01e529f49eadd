package vn.laurel.api.workbench.catalogue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three catalogue pages in a browser, in Vietnamese and English: screenshots for docs/ui.md, every
 * visible link of the page reachable with the Tab key alone, no console error, no sideways scroll at 375 px.
 */
@MicronautTest
class WorkbenchCataloguePagesBrowserTest extends BrowserTest {
    static final List<String[]> PAGES = List.of(
            new String[]{"/workbench?regime=LAW_2022", "workbench-catalogue"},
            new String[]{"/workbench/awards/ADVANCED_LABORER?regime=LAW_2022", "workbench-award"},
            new String[]{"/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=RATING_GOOD_OR_BETTER", "workbench-rule"});

    @Test
    void the_pages_in_both_languages_with_every_link_reachable_by_keyboard() {
        try (BrowserContext context = context()) {
            Page page = context.newPage();
            List<String> errors = new ArrayList<>();
            page.onConsoleMessage(m -> { if ("error".equals(m.type())) errors.add(m.text()); });
            signIn(page, "policy");
            for (String lang : List.of("vi", "en")) {
                for (String[] p : PAGES) {
                    page.navigate(base() + p[0] + "&lang=" + lang);
                    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(lang);
                    assertThat(page.locator("main h1").innerText()).isNotBlank();
                    shot(page, p[1] + "-" + lang);
                    assertReachable(page, p[0]);
                }
            }
            assertThat(page.locator("#clause-vi").innerText()).contains("Hoàn thành tốt nhiệm vụ trở lên");
            assertThat(page.locator("#differences").innerText()).contains("Legal basis");
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void the_pages_fit_a_narrow_screen() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 800))) {
            Page page = context.newPage();
            signIn(page, "auditor");
            List<String> addresses = new ArrayList<>(PAGES.stream().map(p -> p[0]).toList());
            // Every award's page in every regime: criterion codes are long words.
            page.navigate(base() + "/workbench");
            @SuppressWarnings("unchecked")
            List<String> regimes = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('#regime option')).map(o => o.value)");
            for (String regime : regimes) {
                page.navigate(base() + "/workbench?regime=" + regime);
                @SuppressWarnings("unchecked")
                List<String> awards = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('#awards tbody a')).map(a => a.getAttribute('href'))");
                addresses.addAll(awards);
            }
            for (String address : addresses) {
                String[] p = {address};
                page.navigate(base() + p[0] + "&lang=vi");
                Object width = page.evaluate("() => document.documentElement.scrollWidth");
                Object wide = page.evaluate("() => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376)"
                        + ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
                assertThat(((Number) width).intValue()).as(p[0] + ": " + wide).isLessThanOrEqualTo(375);
            }
        }
    }

    /** Tabs through the page from its top: every visible link of its main part gets the focus at some point. */
    @SuppressWarnings("unchecked")
    static void assertReachable(Page page, String address) {
        List<String> links = (List<String>) page.evaluate(
                "() => Array.from(document.querySelectorAll('main a[href]')).filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))");
        assertThat(links).as(address).isNotEmpty();
        Set<String> reached = new LinkedHashSet<>();
        page.evaluate("() => document.activeElement && document.activeElement.blur()");
        for (int i = 0; i < 400 && !reached.containsAll(links); i++) {
            page.keyboard().press("Tab");
            Object href = page.evaluate("() => document.activeElement && document.activeElement.getAttribute('href')");
            if (href != null) reached.add(href.toString());
        }
        assertThat(reached).as(address).containsAll(links);
    }
}
