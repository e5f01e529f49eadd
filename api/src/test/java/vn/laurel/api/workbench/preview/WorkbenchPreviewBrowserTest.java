package vn.laurel.api.workbench.preview;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.laurel.api.export.ExportFiles;
import vn.laurel.api.pages.BrowserTest;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.store.SubjectSearch;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.web.Params;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview of a draft's effects in a browser: a draft that raises the new hires' minimum service
 * (Advanced Laborer) from 6 to 7 months from 2026-01-01 — in force on the appraisal date of 2025
 * (15 January 2026) — flips whoever has 6 months by the end of 2025. Which people those are is computed
 * here by evaluating every member of the demo department under both rule sets through the engine
 * (not through PreviewService), then compared with the page, its filters and its CSV and XLSX files.
 */
@MicronautTest(transactional = false)
class WorkbenchPreviewBrowserTest extends BrowserTest {
    static final String DEPT = "HN-SKHCN-DEMO";
    static final String PARAMS = "rules/parameters/advanced-laborer.yaml";
    static final String LAST_2024 = "      reference: Thông tư 01/2024/TT-BNV (dưới 06 tháng không xét) — VERIFIED\n";

    @Inject
    DraftService drafts;
    @Inject
    RuleSetHolder holder;
    @Inject
    FactStore facts;
    @Inject
    StoredCases cases;
    @Inject
    UnitDirectory directory;

    private Long draftId;

    @Override
    protected String database() {
        return "laurel_wb_preview";
    }

    /** The draft raising min_service_months to 7 from 2026-01-01 (created once for the class). */
    synchronized long draft() {
        if (draftId != null) return draftId;
        long id = drafts.create("Preview test: 7 months", null, "policy").id();
        String yaml = new String(drafts.file(id, PARAMS), StandardCharsets.UTF_8);
        assertThat(yaml).contains(LAST_2024);
        yaml = yaml.replace(LAST_2024, LAST_2024 + "    - from: 2026-01-01\n      value: 7\n      reference: test of the preview page\n");
        drafts.save(id, PARAMS, yaml.getBytes(StandardCharsets.UTF_8), "policy");
        draftId = id;
        return id;
    }

    /** "subject|award|BEFORE>AFTER" of every outcome of the department in 2025 that the draft changes, by the engine. */
    Set<String> expectedChanges(long id) {
        RuleSet active = holder.current(), proposed = drafts.compiled(id);
        LocalDate asOf = Params.defaultAppraisalDate(2025, MonthDay.of(1, 15), Clock.systemDefaultZone());
        Set<String> people = new TreeSet<>();
        for (String u : directory.subtree(DEPT)) people.addAll(facts.membersOf(u, 2025));
        assertThat(people).hasSizeGreaterThan(100);
        Set<String> out = new TreeSet<>();
        for (String p : people) {
            Subject s = facts.subject(p).orElseThrow();
            var doc = cases.caseOf(s, 2025, asOf, List.of());
            EvaluationResult before = holder.evaluator().evaluate(active, doc), after = holder.evaluator().evaluate(proposed, doc);
            Map<String, String> afterByAward = new HashMap<>();
            after.results().forEach(r -> afterByAward.put(r.award(), r.outcome().name()));
            for (AwardResult b : before.results()) {
                String a = afterByAward.get(b.award());
                if (!b.outcome().name().equals(a)) out.add(p + "|" + b.award() + "|" + b.outcome().name() + ">" + a);
            }
        }
        return out;
    }

    static List<String> pageChanges(Page page) {
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) page.locator("tr.change").evaluateAll(
                "rows => rows.map(r => r.dataset.subject + '|' + r.dataset.award + '|' + r.dataset.transition + '|' + r.closest('section.unit-group').dataset.unit)");
        return rows;
    }

    String url(long id, String query) {
        return base() + "/workbench/drafts/" + id + "/preview?" + query;
    }

    @Test
    void lists_whom_the_draft_flips_by_unit_filters_and_exports_them() {
        long id = draft();
        Set<String> expected = expectedChanges(id);
        assertThat(expected).as("the draft flips someone in the demo department in 2025").isNotEmpty();
        List<String> consoleErrors = new ArrayList<>();
        try (BrowserContext ctx = context(); Page page = ctx.newPage()) {
            page.onConsoleMessage(m -> { if (m.type().equals("error")) consoleErrors.add(m.text()); });
            signIn(page, "policy");
            // The form first: nothing evaluated until a unit is given.
            Response first = page.navigate(url(id, ""));
            assertThat(first.status()).isEqualTo(200);
            assertThat(page.locator("#report").count()).isZero();
            assertThat(page.locator("#year").inputValue()).isEqualTo(String.valueOf(LocalDate.now().getYear() - 1));

            long t0 = System.nanoTime();
            Response r = page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025"));
            long wallMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).isEqualTo(200);
            System.out.println("PREVIEW-TIMING whole demo department with subunits, 2025: page " + wallMs + " ms, evaluated "
                    + page.locator("#evaluated").innerText() + ", changed " + page.locator("#changed").innerText()
                    + ", computed in " + page.locator("dl.facts dd").nth(5).innerText());
            assertThat(page.locator("#changed").innerText()).isEqualTo(String.valueOf(expected.size()));
            // Each change under its subject's unit, with its transition.
            List<String> shown = pageChanges(page);
            Set<String> withoutUnit = new TreeSet<>();
            for (String row : shown) {
                String[] f = row.split("\\|");
                assertThat(f[3]).as(row).isEqualTo(facts.subject(f[0]).orElseThrow().unit());
                withoutUnit.add(f[0] + "|" + f[1] + "|" + f[2]);
            }
            assertThat(shown).hasSize(expected.size());
            assertThat(withoutUnit).isEqualTo(expected);
            assertThat(page.locator("tr.change a.person").first().getAttribute("href")).matches("/people/P-[0-9]+\\?year=2025");
            assertThat(page.locator("tr.change td.criteria li").count()).isGreaterThanOrEqualTo(expected.size());
            // Requirements in words ("từ 6 trở lên"…), not the engine's record.
            assertThat(page.locator("tr.change td.criteria").allInnerTexts()).noneMatch(t -> t.contains("Requirement[") || t.contains("AT_LEAST"));
            shot(page, "workbench-preview-vi");

            // Again: from the kept report.
            page.reload();
            assertThat(page.locator("dl.facts").innerText()).contains("giữ lại vài phút");

            page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025&lang=en"));
            assertThat(page.locator("h1").innerText()).contains("Preview of effects");
            shot(page, "workbench-preview-en");
            page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025&lang=vi"));

            // Filter by award: only that award's changes.
            String award = expected.iterator().next().split("\\|")[1];
            page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025&award=" + award));
            long ofAward = expected.stream().filter(e -> e.split("\\|")[1].equals(award)).count();
            assertThat(pageChanges(page)).hasSize((int) ofAward).allMatch(row -> row.split("\\|")[1].equals(award));

            // Filter by transition.
            String transition = expected.iterator().next().split("\\|")[2];
            page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025&change=" + transition.replace(">", "%3E")));
            long ofTransition = expected.stream().filter(e -> e.split("\\|")[2].equals(transition)).count();
            assertThat(pageChanges(page)).hasSize((int) ofTransition).allMatch(row -> row.split("\\|")[2].equals(transition));

            // Filter by text: a person's name typed without accents finds that person only.
            String person = expected.iterator().next().split("\\|")[0];
            String name = facts.subject(person).orElseThrow().name();
            page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025"));
            page.fill("#q", SubjectSearch.fold(name));
            page.click("#preview-form button[type=submit]");
            page.waitForURL(u -> u.contains("q="));
            List<String> byName = pageChanges(page);
            assertThat(byName).isNotEmpty().allMatch(row -> row.startsWith(person + "|"));
            assertThat(byName.size()).isLessThanOrEqualTo(expected.size());
            assertThat(page.locator("#q").inputValue()).isEqualTo(SubjectSearch.fold(name));
            page.locator("section.unit-group").first().evaluate("e => e.scrollIntoView({block: 'center'})");
            shot(page, "workbench-preview-filtered-vi");
            // A narrow screen: no sideways scroll (the tables become cards).
            page.setViewportSize(375, 800);
            page.navigate(url(id, "unit=" + DEPT + "&includeSubunits=true&year=2025"));
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(375);
            page.setViewportSize(1280, 900);
            assertThat(consoleErrors).isEmpty();

            // The files: every filtered row (here: the whole report, then the award filter).
            String all = "/workbench/drafts/" + id + "/preview?unit=" + DEPT + "&includeSubunits=true&year=2025";
            var csv = ExportFiles.csv(page.request().get(base() + all + "&format=csv").body());
            assertThat(csv.bom()).isTrue();
            assertThat(csv.header()).contains("Mã", "Họ và tên", "Trước", "Sau", "Tiêu chí thay đổi");
            Set<String> csvRows = new TreeSet<>();
            for (List<String> row : csv.rows()) csvRows.add(row.get(2) + "|" + row.get(4) + "|" + row.get(0));
            Set<String> expectedRows = new TreeSet<>();
            for (String row : shown) {
                String[] f = row.split("\\|");
                expectedRows.add(f[0] + "|" + f[1] + "|" + f[3]);
            }
            assertThat(csv.rows()).hasSize(expected.size());
            assertThat(csvRows).isEqualTo(expectedRows);
            var xlsx = ExportFiles.xlsx(page.request().get(base() + all + "&format=xlsx").body());
            Set<String> xlsxRows = new TreeSet<>();
            for (List<String> row : xlsx.rows()) xlsxRows.add(row.get(2) + "|" + row.get(4) + "|" + row.get(0));
            assertThat(xlsx.rows()).hasSize(expected.size());
            assertThat(xlsxRows).isEqualTo(expectedRows);
            var filteredCsv = ExportFiles.csv(page.request().get(base() + all + "&award=" + award + "&format=csv").body());
            assertThat(filteredCsv.rows()).hasSize((int) ofAward).allMatch(row -> row.get(4).equals(award));
        }
    }

    @Test
    void bad_inputs_are_refused_with_their_field_and_other_roles_are_refused() {
        long id = draft();
        try (BrowserContext ctx = context(); Page page = ctx.newPage()) {
            signIn(page, "policy");
            Response r = page.navigate(url(id, "unit=NO-SUCH-UNIT&year=2025"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(page.locator("#unit").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#form-error").innerText()).contains("đơn vị");
            r = page.navigate(url(id, "unit=" + DEPT + "&year=abc"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(page.locator("#year").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#form-error").innerText()).contains("Năm");
            r = page.navigate(url(id, "unit=" + DEPT + "&year=2025&change=nonsense"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(page.locator("#change").getAttribute("aria-invalid")).isEqualTo("true");
            r = page.navigate(url(id, "unit=" + DEPT + "&year=2025&format=pdf"));
            assertThat(r.status()).isEqualTo(400);
            r = page.navigate(base() + "/workbench/drafts/999999/preview");
            assertThat(r.status()).isEqualTo(404);
            r = page.navigate(base() + "/workbench/drafts/abc/preview");
            assertThat(r.status()).isEqualTo(404);
        }
        for (String role : List.of("client", "auditor", "clerk")) {
            try (BrowserContext ctx = context(); Page page = ctx.newPage()) {
                signIn(page, role);
                Response r = page.navigate(url(id, "unit=" + DEPT + "&year=2025"));
                assertThat(r.status()).as(role).isEqualTo(403);
                r = page.navigate(url(id, "unit=" + DEPT + "&year=2025&format=csv"));
                assertThat(r.status()).as(role).isEqualTo(403);
            }
        }
    }

    @Test
    void a_draft_that_does_not_compile_links_to_its_page() {
        long broken = drafts.create("Preview test: broken", null, "policy").id();
        drafts.save(broken, PARAMS, "advanced_laborer.min_service_months: [unclosed\n".getBytes(StandardCharsets.UTF_8), "policy");
        try (BrowserContext ctx = context(); Page page = ctx.newPage()) {
            signIn(page, "policy");
            Response r = page.navigate(url(broken, "unit=" + DEPT + "&year=2025"));
            assertThat(r.status()).as(page.content()).isEqualTo(422);
            assertThat(page.locator("#not-compiling").count()).as(page.content()).isEqualTo(1);
            assertThat(page.locator("#not-compiling").innerText()).contains("chưa biên dịch được");
            assertThat(page.locator("#draft-link").getAttribute("href")).isEqualTo("/workbench/drafts/" + broken);
        }
    }
}
