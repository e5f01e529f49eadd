package vn.laurel.api.workbench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.rules.drafts.DraftView;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A button's address opened as a page leads to the page the button is on, and does nothing. */
@MicronautTest(transactional = false)
class WorkbenchActionAddressesBrowserTest extends BrowserTest {
    @Inject
    DraftService drafts;

    @Override
    protected String database() {
        return "laurel_wb_addresses";
    }

    @Test
    void a_buttons_address_opened_as_a_page_leads_to_its_page_and_changes_nothing() {
        DraftView d = drafts.create("Addresses", null, "policy");
        try (BrowserContext ctx = context()) {
            Page page = ctx.newPage();
            signIn(page, "policy");
            for (String action : List.of("propose", "approve", "reject", "publish", "discard")) {
                Response r = page.navigate(base() + "/workbench/drafts/" + d.id() + "/" + action);
                assertThat(r.status()).as(action).isEqualTo(200);
                assertThat(page.url()).as(action).endsWith("/workbench/drafts/" + d.id());
            }
            page.navigate(base() + "/workbench/drafts/" + d.id() + "/scenarios/run");
            assertThat(page.url()).endsWith("/workbench/drafts/" + d.id() + "/scenarios");
            page.navigate(base() + "/workbench/history/rollback");
            assertThat(page.url()).endsWith("/workbench/history");
            page.navigate(base() + "/workbench/drafts/abc/publish");
            assertThat(page.url()).endsWith("/workbench/drafts");
            DraftView after = drafts.view(d.id());
            assertThat(after.status()).isEqualTo(DraftStatus.OPEN);
            assertThat(after.updatedAt()).isEqualTo(d.updatedAt());
        }
        try (BrowserContext ctx = context()) {
            Page client = ctx.newPage();
            signIn(client, "client");
            assertThat(client.navigate(base() + "/workbench/drafts/" + d.id() + "/publish").status()).isEqualTo(403);
        }
    }
}
