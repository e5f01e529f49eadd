package vn.laurel.api.workbench.scenarios;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios in a browser, on a draft of its own database: a policy officer turns an example's
 * expectation into a refusal the rules in service do not give (the page shows it failing, with the
 * sentence saying why, and the failing filter finds it), writes a new scenario from scratch in the
 * form (it passes), and runs all of them (the counts are the draft's check's). Bad inputs answer 400
 * naming the field, and write nothing; a client is refused.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchScenariosBrowserTest extends BrowserTest {
    static final String HIRED = "scenarios/advanced-laborer/hired-exactly-six-months-before-year-end-is-eligible.yaml";
    static final String NEW_FILE = "scenarios/advanced-laborer/excellent-2025-with-participation-attested.yaml";

    @Inject
    DraftService drafts;

    long draft;

    @Override
    protected String database() {
        return "laurel_web_wbscenarios";
    }

    @BeforeAll
    void openDraft() {
        draft = drafts.create("scenarios in the browser", null, "policy").id();
    }

    String url(String rest) {
        return base() + "/workbench/drafts/" + draft + "/scenarios" + rest;
    }

    void as(String user, Consumer<Page> test) {
        try (BrowserContext c = context()) {
            c.setDefaultTimeout(120_000);
            Page page = c.newPage();
            signIn(page, user);
            test.accept(page);
        }
    }

    void both(Page page, String address, String shot) {
        both(page, address, shot, null);
    }

    /** The page in English then Vietnamese (left so), each shot with {@code show} (if any) scrolled into view. */
    void both(Page page, String address, String shot, String show) {
        for (String lang : new String[] {"en", "vi"}) {
            page.navigate(address + (address.contains("?") ? "&" : "?") + "lang=" + lang);
            if (show != null) page.locator(show).first().scrollIntoViewIfNeeded();
            shot(page, shot + "-" + lang);
        }
    }

    @Test
    @Order(1)
    void an_expectation_the_rules_do_not_meet_fails_with_the_sentence_and_the_filter_finds_it() {
        as("policy", page -> {
            both(page, url(""), "workbench-scenarios");
            assertThat(page.locator("tr[data-file='" + HIRED + "']")).hasCount(1);
            assertThat(page.locator(".sc-coverage table")).not().hasCount(0);

            page.navigate(url("/edit?file=" + HIRED));
            assertThat(page.locator("#name")).hasValue("Someone hired on 1 July has exactly six months of service and qualifies");
            assertThat(page.locator("[name='subject.hiredOn']")).hasValue("2025-07-01");
            assertThat(page.locator("[name='subject.ratings[1].rating']")).hasValue("GOOD");
            both(page, url("/edit?file=" + HIRED), "workbench-scenario-form", "#facts-ratings");

            page.selectOption("[name='expect.ADVANCED_LABORER.outcome']", "NOT_ELIGIBLE");
            page.check("[id='expect.ADVANCED_LABORER.because-MIN_SERVICE_MONTHS']");
            page.click("#save");
            page.waitForURL(u -> u.contains("saved=1"));
            assertThat(page.locator("#saved")).isVisible();
            assertThat(page.locator(".sc-result .sc-verdict").first()).hasText("Không đạt");
            assertThat(page.locator(".sc-result .sc-mismatch").first()).containsText("mong đợi NOT_ELIGIBLE because [MIN_SERVICE_MONTHS], thực tế ELIGIBLE");
            assertThat(page.locator("#check-summary")).containsText("không đạt: 1");
            both(page, url("/edit?file=" + HIRED), "workbench-scenario-failing");

            String written = new String(drafts.file(draft, HIRED), StandardCharsets.UTF_8);
            assertThat(written).startsWith("# Circular 01/2024/TT-BNV");
            assertThat(written).contains("ADVANCED_LABORER: { outcome: NOT_ELIGIBLE, because: [MIN_SERVICE_MONTHS] }");
            assertThat(written).contains("    - { year: 2025, criterion: EMULATION_PARTICIPATION, value: true, attestedBy: Hội đồng TĐKT }");

            page.navigate(url("?status=failing"));
            assertThat(page.locator("tr[data-file]")).hasCount(1);
            assertThat(page.locator("tr[data-file='" + HIRED + "'] .sc-mismatch")).containsText("MIN_SERVICE_MONTHS");
        });
    }

    @Test
    @Order(2)
    void a_scenario_written_from_scratch_in_the_form_saves_and_passes_and_run_all_counts_as_the_check() {
        as("policy", page -> {
            page.navigate(url("/new?award=ADVANCED_LABORER"));
            page.fill("#name", "Excellent 2025 with participation attested");
            page.fill("#asOf", "2026-01-15");
            page.fill("#year", "2025");
            page.fill("[name='subject.id']", "P-NEW");
            page.fill("[name='subject.name']", "Trần Thị Bình");
            page.fill("[name='subject.hiredOn']", "2015-03-01");
            page.click("#add-ratings");
            page.fill("[name='subject.ratings[0].year']", "2025");
            page.selectOption("[name='subject.ratings[0].rating']", "EXCELLENT");
            page.click("#add-attestations");
            assertThat(page.locator("[name='subject.ratings[0].rating']")).hasValue("EXCELLENT"); // kept across the added row
            page.fill("[name='subject.attestations[0].year']", "2025");
            page.selectOption("[name='subject.attestations[0].criterion']", "EMULATION_PARTICIPATION");
            page.selectOption("[name='subject.attestations[0].value']", "true");
            page.fill("[name='subject.attestations[0].attestedBy']", "Hội đồng TĐKT");
            page.selectOption("[name='expect.ADVANCED_LABORER.outcome']", "ELIGIBLE");
            page.click("#save");
            page.waitForURL(u -> u.contains("saved=1"));
            assertThat(page.locator("#sc-path")).hasText(NEW_FILE);
            assertThat(page.locator(".sc-result .sc-verdict").first()).hasText("Đạt");
            String written = new String(drafts.file(draft, NEW_FILE), StandardCharsets.UTF_8);
            assertThat(written).contains("hiredOn: 2015-03-01", "- { year: 2025, rating: EXCELLENT }", "ADVANCED_LABORER: ELIGIBLE");

            DraftView view = drafts.view(draft);
            page.navigate(url(""));
            page.click("#run-all");
            page.waitForURL(u -> u.endsWith("/scenarios/run"));
            assertThat(page.locator("#run-counts")).hasText("Số kịch bản đã chạy: " + view.check().scenarios() + " · không đạt: " + view.check().scenarioFailures());
            assertThat(view.check().scenarioFailures()).isEqualTo(1);
            assertThat(page.locator(".sc-outcome.sc-fail")).hasCount(1);
            shot(page, "workbench-scenario-run-vi");
            page.navigate(url("?lang=en"));
            page.click("#run-all");
            page.waitForURL(u -> u.endsWith("/scenarios/run"));
            assertThat(page.locator("#run-counts")).containsText("Scenarios run: " + view.check().scenarios());
            shot(page, "workbench-scenario-run-en");
            page.navigate(url("?lang=vi"));
        });
    }

    @Test
    @Order(3)
    void bad_input_answers_400_naming_the_field_and_writes_nothing() {
        as("policy", page -> {
            page.navigate(url("/new?award=ADVANCED_LABORER"));
            String csrf = page.locator("form.sc-form input[name=_csrf]").getAttribute("value");
            String before = drafts.view(draft).contentHash();
            FormData good = FormData.create().set("_csrf", csrf).set("name", "A bad one").set("asOf", "2026-01-15").set("year", "2025")
                    .set("awards", "ADVANCED_LABORER").set("subject.id", "P-X").set("subject.kind", "PERSON").set("expect", "ADVANCED_LABORER")
                    .set("expect.ADVANCED_LABORER.outcome", "ELIGIBLE").set("save", "1");
            APIResponse noName = page.request().post(url("/new"), RequestOptions.create().setForm(good.set("name", "")).setMaxRedirects(0));
            assertThat(noName.status()).isEqualTo(400);
            assertThat(noName.text()).contains("href=\"#name\"", "là bắt buộc");
            APIResponse badDate = page.request().post(url("/new"), RequestOptions.create()
                    .setForm(good.set("name", "A bad one").set("asOf", "2026-02-30")).setMaxRedirects(0));
            assertThat(badDate.status()).isEqualTo(400);
            assertThat(badDate.text()).contains("href=\"#asOf\"", "value=\"2026-02-30\"");
            APIResponse noCriteria = page.request().post(url("/new"), RequestOptions.create()
                    .setForm(good.set("asOf", "2026-01-15").set("expect.ADVANCED_LABORER.outcome", "NOT_ELIGIBLE")).setMaxRedirects(0));
            assertThat(noCriteria.status()).isEqualTo(400);
            assertThat(noCriteria.text()).contains("href=\"#expect.ADVANCED_LABORER.because\"", "value=\"A bad one\"");
            APIResponse overwrite = page.request().post(url("/new"), RequestOptions.create()
                    .setForm(good.set("expect.ADVANCED_LABORER.outcome", "ELIGIBLE").set("name", "Excellent 2025 with participation attested")).setMaxRedirects(0));
            assertThat(overwrite.status()).isEqualTo(400);
            assertThat(overwrite.text()).contains("đã có tệp kịch bản cùng tên");
            APIResponse forged = page.request().post(url("/new"), RequestOptions.create().setForm(good.set("_csrf", "x")).setMaxRedirects(0));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(drafts.view(draft).contentHash()).isEqualTo(before);
        });
    }

    @Test
    @Order(4)
    void a_client_is_refused_and_an_auditor_reads_and_runs_but_does_not_write() {
        as("client", page -> {
            assertThat(page.navigate(url("")).status()).isEqualTo(403);
            assertThat(page.navigate(url("/edit?file=" + HIRED)).status()).isEqualTo(403);
        });
        as("auditor", page -> {
            assertThat(page.navigate(url("/edit?file=" + HIRED)).status()).isEqualTo(200);
            assertThat(page.locator("#save")).isDisabled();
            String csrf = page.locator("form.sc-form input[name=_csrf]").getAttribute("value");
            APIResponse write = page.request().post(url("/edit?file=" + HIRED), RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("name", "x")).setMaxRedirects(0));
            assertThat(write.status()).isEqualTo(403);
            APIResponse run = page.request().post(url("/run"), RequestOptions.create()
                    .setForm(FormData.create().set("_csrf", csrf).set("scope", "one").set("file", HIRED)).setMaxRedirects(0));
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.text()).contains("Không đạt");
            assertThat(page.navigate(url("/edit?file=scenarios/../rules/x.yaml")).status()).isEqualTo(400);
            assertThat(page.navigate(base() + "/workbench/drafts/999999/scenarios").status()).isEqualTo(404);
        });
    }
}
