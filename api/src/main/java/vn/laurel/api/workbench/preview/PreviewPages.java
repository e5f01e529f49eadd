package vn.laurel.api.workbench.preview;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.pages.Choice;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.preview.PreviewService;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.web.Params;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

/**
 * Whose outcomes a draft flips: every person of a unit (and its subunits) in a year evaluated under
 * the rules in service and under the draft, as POST /api/v1/ruleset/preview {"draft": N, …} does —
 * the same services and limits — with the changes grouped by unit, filtered by award, transition
 * and name, and downloadable as CSV or XLSX. Nothing is stored.
 *
 * <p>Roles: WORKBENCH_EDIT (POLICY, ADMIN), not WORKBENCH: the API's preview is
 * {@code @Secured({POLICY, ADMIN})} (it evaluates whole populations), so an auditor is refused here too.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class PreviewPages {
    private final Pages pages;
    private final DraftService drafts;
    private final UnitDirectory directory;
    private final RuleSetHolder rules;
    private final PreviewReports reports;
    private final PreviewViews views;
    private final ValueTexts values;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public PreviewPages(Pages pages, DraftService drafts, UnitDirectory directory, RuleSetHolder rules, PreviewReports reports,
                        PreviewViews views, ValueTexts values, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.pages = pages;
        this.drafts = drafts;
        this.directory = directory;
        this.rules = rules;
        this.reports = reports;
        this.views = views;
        this.values = values;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    @Get("/workbench/drafts/{id}/preview")
    public HttpResponse<?> preview(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        if (!rawId.matches("[0-9]{1,18}") || Long.parseLong(rawId) < 1) return pages.error(request, HttpStatus.NOT_FOUND, "wbpreview.error.draft");
        long id = Long.parseLong(rawId);
        DraftView draft;
        try {
            draft = drafts.view(id);
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.NOT_FOUND, "wbpreview.error.draft");
        }
        Map<String, Object> model = pages.model(request, "wbpreview.title");
        model.put("draftId", id);
        model.put("draft", draft);
        model.put("draftUrl", "/workbench/drafts/" + id);
        RuleSet proposed;
        try {
            proposed = drafts.compiled(id);
        } catch (ProblemException | RuleSetException e) {
            // Its problems are on the draft's page (the check names file and line): say so and link there.
            model.put("notCompiling", true);
            return pages.page(request, HttpStatus.UNPROCESSABLE_ENTITY, "workbench/preview", model);
        }
        RuleSet active = rules.current();
        Collection<UnitDirectory.Unit> units = directory.all().values();
        Set<String> codes = new HashSet<>();
        units.forEach(u -> codes.add(u.code()));
        String defaultUnit = UnitDirectory.top(units).orElse("");
        Map<String, String> awardNames = awardNames(active, proposed, lang);
        int thisYear = LocalDate.now(clock).getYear();
        PreviewQuery q;
        try {
            q = PreviewQuery.parse(request.getParameters(), codes, defaultUnit, awardNames.keySet(), thisYear);
            if (q.format() != null && !q.asked()) throw new PreviewQuery.Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.unitRequired", "unit");
        } catch (PreviewQuery.Bad e) {
            PreviewQuery kept = PreviewQuery.lenient(request.getParameters(), codes, defaultUnit, thisYear);
            form(model, kept, units, awardNames, Map.of(), thisYear, lang);
            return bad(request, model, e);
        }
        if (!q.asked()) {
            form(model, q, units, awardNames, Map.of(), thisYear, lang);
            return pages.page(request, "workbench/preview", model);
        }
        LocalDate asOf = Params.defaultAppraisalDate(q.year(), appraisalDay, clock);
        PreviewReports.Cached cached;
        try {
            cached = reports.report(new PreviewReports.Key(draft.contentHash(), active.version(), q.unit(), q.subunits(), q.year()),
                    () -> proposed, asOf);
        } catch (ProblemException e) {
            form(model, q, units, awardNames, Map.of(), thisYear, lang);
            int status = e.problem().status();
            if (status == 429) return bad(request, model, new PreviewQuery.Bad(HttpStatus.TOO_MANY_REQUESTS, "wbpreview.error.busy", null));
            if (status == 422) return bad(request, model, new PreviewQuery.Bad(HttpStatus.UNPROCESSABLE_ENTITY, "wbpreview.error.tooMany", "unit"));
            return bad(request, model, new PreviewQuery.Bad(HttpStatus.BAD_REQUEST, "wbpreview.error.unit", "unit"));
        }
        PreviewService.Report report = cached.report();
        Map<String, String> unitNames = UnitDirectory.namesOf(units);
        List<PreviewViews.Row> rows = views.rows(report, q, unitNames, awardNames, lang);
        String unitName = unitNames.getOrDefault(q.unit(), q.unit());
        if (q.format() != null) {
            List<String> title = List.of(values.text(lang, "wbpreview.fileTitle", id, unitName + " (" + q.unit() + ")", q.year()),
                    values.text(lang, "wbpreview.versions", report.activeVersion(), report.proposedVersion()));
            String file = "preview-draft-" + id + "-" + q.unit() + "-" + q.year();
            var table = views.table(rows, title, lang);
            return q.format().equals("xlsx") ? Downloads.xlsx(table, file) : Downloads.csv(table, file, true);
        }
        form(model, q, units, awardNames, views.transitions(report, lang), thisYear, lang);
        model.put("report", report);
        model.put("fromCache", cached.fromCache());
        model.put("seconds", String.format(Locale.ROOT, "%.1f", report.elapsedMs() / 1000.0));
        model.put("asOf", ValueTexts.date(asOf, lang));
        model.put("unitName", unitName);
        model.put("summary", views.summary(report, q, id, awardNames, lang));
        model.put("groups", PreviewViews.byUnit(rows));
        model.put("shown", rows.size());
        model.put("filtered", q.filtered());
        model.put("allUrl", q.url(id, null, null, null, null));
        model.put("csvUrl", q.url(id, q.award(), q.change(), q.text(), "csv"));
        model.put("xlsxUrl", q.url(id, q.award(), q.change(), q.text(), "xlsx"));
        return pages.page(request, "workbench/preview", model);
    }

    private MutableHttpResponse<?> bad(HttpRequest<?> request, Map<String, Object> model, PreviewQuery.Bad e) {
        model.put("error", e.key);
        model.put("errorField", e.field);
        model.put("textInvalid", "q".equals(e.field)); // (OGNL reads 'q' as a character, not a string)
        return pages.page(request, e.status, "workbench/preview", model);
    }

    /** The awards either rule set knows, by code, named in the page's language (the draft's name first: it may rename one). */
    private static Map<String, String> awardNames(RuleSet active, RuleSet proposed, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AwardDefinition a : proposed.awards().values()) out.put(a.code(), a.name().in(lang));
        for (AwardDefinition a : active.awards().values()) out.putIfAbsent(a.code(), a.name().in(lang));
        return out;
    }

    private void form(Map<String, Object> model, PreviewQuery q, Collection<UnitDirectory.Unit> units, Map<String, String> awardNames,
                      Map<String, String> transitions, int thisYear, String lang) {
        model.put("q", q);
        model.put("units", units.stream().map(u -> new Choice(u.code(), u.name() + " (" + u.code() + ")", u.code().equals(q.unit()))).toList());
        List<Choice> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 10; y--) years.add(new Choice(String.valueOf(y), String.valueOf(y), y == q.year()));
        if (q.year() < thisYear - 10) years.add(new Choice(String.valueOf(q.year()), String.valueOf(q.year()), true));
        model.put("years", years);
        List<Choice> awards = new ArrayList<>();
        awards.add(new Choice("", values.text(lang, "wbpreview.allAwards"), q.award() == null));
        awardNames.forEach((code, name) -> awards.add(new Choice(code, name, code.equals(q.award()))));
        model.put("awards", awards);
        List<Choice> changes = new ArrayList<>();
        changes.add(new Choice("", values.text(lang, "wbpreview.allChanges"), q.change() == null));
        transitions.forEach((v, text) -> changes.add(new Choice(v, text, v.equals(q.change()))));
        if (q.change() != null && !transitions.containsKey(q.change())) changes.add(new Choice(q.change(), q.change().replace(">", " → ") + " (0)", true));
        model.put("changes", changes);
    }
}
