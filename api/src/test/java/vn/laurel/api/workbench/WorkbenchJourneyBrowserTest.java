package vn.laurel.api.workbench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.engine.caseformat.FieldError;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey, in one browser session per person, through the pages only: a policy officer
 * raises {@code advanced_laborer.min_service_months} from 6 to 7 in a draft through the parameter form,
 * sees the scenarios it breaks, corrects them in the scenario form, previews whom the change flips in
 * the demo department, and proposes it; a second officer reads the diff and the preview and approves;
 * after publishing, the person page answers with the new version for someone hired six and a half
 * months before the year's end (no longer eligible); a rollback restores the old answer.
 */
@MicronautTest(transactional = false)
class WorkbenchJourneyBrowserTest extends BrowserTest {
    static final String PARAMETER = "advanced_laborer.min_service_months";
    static final String PERSON = "P-J0001";
    /** Every scenario of a new hire with exactly six months (and the titles that require Advanced Laborer). */
    static final List<String> BROKEN = List.of(
            "scenarios/advanced-laborer/hired-exactly-six-months-before-year-end-is-eligible.yaml",
            "scenarios/advanced-laborer/provisional-2026-hired-exactly-six-months-before-year-end-is-eligible.yaml",
            "scenarios/advanced-laborer/contract-time-at-the-same-agency-completes-the-six-months.yaml",
            "scenarios/advanced-soldier/2022-a-serviceman-hired-on-1-july-qualifies.yaml",
            "scenarios/grassroots-emulation-soldier/provisional-2026-hired-exactly-six-months-before-year-end-qualifies.yaml");
    /** A failing scenario as the check words it: "…": AWARD expected ELIGIBLE, got NOT_ELIGIBLE because [A, B]. */
    static final Pattern GOT = Pattern.compile(": ([A-Z_]+) expected [A-Z_]+, got ([A-Z_]+) because \\[([A-Z_, ]*)]");

    @Inject
    DraftService drafts;

    @Inject
    RuleSetHolder holder;

    @Override
    protected String database() {
        return "laurel_wb_journey";
    }

    /** Someone hired on 16 June 2025 — six and a half months before the year's end — rated good, taking part. */
    void importPersonHiredSixAndAHalfMonthsBeforeYearEnd() throws Exception {
        String doc = """
                [{"asOf":"2026-01-15","year":2025,"subject":{"id":"%s","kind":"PERSON","name":"Đỗ Thị Hạnh",
                  "unit":"HN-SKHCN-DEMO-TDC","hiredOn":"2025-06-16",
                  "ratings":[{"year":2025,"rating":"GOOD"}],
                  "attestations":[{"year":2025,"criterion":"EMULATION_PARTICIPATION","value":true,"attestedBy":"Hội đồng TĐKT"}]}}]
                """.formatted(PERSON);
        importAsClerk("", "application/json", doc);
        // Their membership of the unit from the day they were hired: the preview counts a unit's members.
        importAsClerk("?file=memberships.csv", "text/csv", "subject,unit,from,to\n" + PERSON + ",HN-SKHCN-DEMO-TDC,2025-06-16,\n");
    }

    void importAsClerk(String query, String type, String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/imports" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clerk:clerk".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** The person page's outcome of Advanced Laborer for 2025; the page names the rule-set version in service. */
    String lookUp(Page admin) {
        admin.navigate(base() + "/people/" + PERSON + "?year=2025&lang=en");
        assertThat(admin.locator("main")).containsText(holder.current().version());
        return admin.locator("#award-ADVANCED_LABORER .badge").first().innerText();
    }

    @Test
    void a_threshold_goes_from_a_form_to_service_with_a_second_officer_and_rolls_back() throws Exception {
        importPersonHiredSixAndAHalfMonthsBeforeYearEnd();
        Long revisionBefore = holder.active().revisionId();
        try (BrowserContext policyCtx = context(); BrowserContext reviewerCtx = context(); BrowserContext adminCtx = context()) {
            Page admin = adminCtx.newPage();
            signIn(admin, "admin");
            assertThat(lookUp(admin)).isEqualTo("Eligible");

            // A draft, opened from the drafts page.
            Page policy = policyCtx.newPage();
            signIn(policy, "policy");
            policy.navigate(base() + "/workbench/drafts?lang=vi");
            policy.fill("#title", "Nâng thời gian công tác tối thiểu lên 7 tháng");
            policy.click("form.wb-form button[type=submit]");
            policy.waitForURL(u -> u.matches(".*/workbench/drafts/[0-9]+$"));
            long id = Long.parseLong(policy.url().replaceAll(".*/workbench/drafts/", ""));

            // The threshold through the form: a new dated value, its reference and confidence.
            policy.navigate(base() + "/workbench/drafts/" + id + "/parameters/" + PARAMETER);
            policy.fill("#from", "2026-01-01");
            policy.fill("#value", "7");
            policy.fill("#reference", "Quy chế thi đua, khen thưởng (dự thảo), Điều 5 — thử nghiệm");
            policy.selectOption("#confidence", "UNCONFIRMED");
            policy.click("#new-value button[type=submit]");
            policy.waitForURL(u -> u.contains("saved=1"));
            DraftView afterValue = drafts.view(id);
            assertThat(afterValue.check().passed()).isFalse();
            List<String> failing = afterValue.check().failures().stream().map(f -> f.field()).distinct().toList();
            assertThat(failing).containsExactlyInAnyOrderElementsOf(BROKEN);
            for (String file : BROKEN) assertThat(policy.locator("main")).containsText(file);
            shot(policy, "workbench-journey-breaks-vi");

            // Each broken scenario corrected in the scenario form, reached from the failure's link: the
            // officer expects what the check reports now (the award refused, for the criteria it names).
            for (FieldError failure : afterValue.check().failures()) {
                Matcher got = GOT.matcher(failure.message());
                assertThat(got.find()).as(failure.message()).isTrue();
                String award = got.group(1);
                policy.navigate(base() + "/workbench/drafts/" + id + "/parameters/" + PARAMETER + "?saved=1");
                policy.click("main a[href$='file=" + URLEncoder.encode(failure.field(), StandardCharsets.UTF_8) + "']");
                policy.waitForURL(u -> u.contains("/scenarios/edit"));
                policy.selectOption("[name='expect." + award + ".outcome']", got.group(2));
                for (String criterion : got.group(3).split(", ")) policy.check("[id='expect." + award + ".because-" + criterion + "']");
                if (failure.field().equals(BROKEN.get(0))) shot(policy, "workbench-journey-scenario-vi");
                policy.click("#save");
                policy.waitForURL(u -> u.contains("/scenarios/edit"));
            }
            DraftView corrected = drafts.view(id);
            assertThat(corrected.check().passed()).as(String.valueOf(corrected.check().failures())).isTrue();

            // Whom it flips in the demo department: the person hired in mid-June among them.
            policy.navigate(base() + "/workbench/drafts/" + id + "/preview?unit=HN-SKHCN-DEMO&includeSubunits=true&year=2025&lang=vi");
            assertThat(policy.locator("main")).containsText(PERSON);
            assertThat(policy.locator("main")).containsText("P-0003");
            shot(policy, "workbench-journey-preview-vi");

            // Proposed with a note; the author is offered no approval.
            policy.navigate(base() + "/workbench/drafts/" + id);
            policy.fill("#note", "Quy chế mới yêu cầu 7 tháng công tác; hai kịch bản đã sửa theo.");
            policy.click("#propose-form button[type=submit]");
            policy.waitForURL(u -> u.contains("/workbench/drafts/" + id));
            assertThat(drafts.view(id).status()).isEqualTo(DraftStatus.PROPOSED);
            assertThat(policy.locator("#approve").count()).isZero();

            // The second officer reads the diff and the preview, and approves.
            Page reviewer = reviewerCtx.newPage();
            signIn(reviewer, "reviewer");
            reviewer.navigate(base() + "/workbench/drafts/" + id + "/diff");
            assertThat(reviewer.locator("main")).containsText("rules/parameters/advanced-laborer.yaml");
            assertThat(reviewer.locator("main")).containsText("value: 7");
            assertThat(reviewer.locator("main")).containsText("MIN_SERVICE_MONTHS");
            reviewer.navigate(base() + "/workbench/drafts/" + id + "/preview?unit=HN-SKHCN-DEMO&includeSubunits=true&year=2025");
            assertThat(reviewer.locator("main")).containsText(PERSON);
            reviewer.navigate(base() + "/workbench/drafts/" + id);
            reviewer.fill("#approve-note", "Đã đọc phần so sánh và danh sách bị ảnh hưởng.");
            reviewer.click("#approve");
            reviewer.waitForURL(u -> u.contains("/workbench/drafts/" + id));
            assertThat(drafts.view(id).status()).isEqualTo(DraftStatus.APPROVED);

            // Published: the person page answers with the new version, and the answer changes.
            policy.navigate(base() + "/workbench/drafts/" + id);
            policy.click("#publish");
            policy.waitForURL(u -> u.endsWith("?done=published"));
            DraftView published = drafts.view(id);
            assertThat(holder.active().revisionId()).isEqualTo(published.publishedRevision());
            assertThat(lookUp(admin)).isEqualTo("Not eligible");
            assertThat(admin.locator("#award-ADVANCED_LABORER")).containsText("7");

            // Rolled back from the history page: the old answer again.
            policy.navigate(base() + "/workbench/history");
            policy.check("#confirm-" + revisionBefore);
            policy.click("#rollback-" + revisionBefore);
            policy.waitForURL(u -> u.endsWith("?rolledBack=" + revisionBefore));
            assertThat(holder.active().revisionId()).isEqualTo(revisionBefore);
            assertThat(lookUp(admin)).isEqualTo("Eligible");
        }
    }

    @Test
    void a_client_cannot_open_the_workbench() {
        try (BrowserContext ctx = context()) {
            Page client = ctx.newPage();
            signIn(client, "client");
            for (String url : List.of("/workbench", "/workbench/drafts", "/workbench/history")) {
                assertThat(client.navigate(base() + url).status()).as(url).isEqualTo(403);
            }
            assertThat(client.locator("header nav a[href='/workbench']").count()).isZero();
        }
    }
}
