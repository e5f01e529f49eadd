package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.decisions.CandidatesService;
import vn.laurel.api.export.CandidateRows;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.export.Table;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.web.Params;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.model.Outcome;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

/**
 * Who is eligible: the candidates of an award in a unit (or its subtree) for a year, as
 * GET /api/v1/awards/{code}/candidates answers them — the same service, roles and scope check — with
 * filters, sorting and pages in the address (so a list can be shared), and the whole filtered list as
 * CSV or an Excel workbook.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CandidatesPages {
    static final int PAGE_SIZE = 50;
    static final int MAX_PARAM = 200;
    /** The orders the page offers (the API also sorts by id). */
    static final List<String> SORTS = List.of("outcome", "name", "rank");

    private final Pages pages;
    private final ScopeGuard scope;
    private final UnitDirectory directory;
    private final CandidatesService service;
    private final CandidateRows rows;
    private final RequestLimits limits;
    private final RuleSetHolder rules;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public CandidatesPages(Pages pages, ScopeGuard scope, UnitDirectory directory, CandidatesService service, CandidateRows rows,
                           RequestLimits limits, RuleSetHolder rules, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.pages = pages;
        this.scope = scope;
        this.directory = directory;
        this.service = service;
        this.rows = rows;
        this.limits = limits;
        this.rules = rules;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    /** What the list is of, as the address says it; {@code asked} is false on a first visit (no award chosen yet). */
    record Query(String unit, boolean subunits, String award, int year, @Nullable Outcome outcome, String sort, int page, boolean asked) {}

    /** A bad parameter: the status, the sentence (a message key) and the form field to mark. */
    static final class BadQuery extends RuntimeException {
        final HttpStatus status;
        final String key;
        final String field;

        BadQuery(HttpStatus status, String key, String field) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.field = field;
        }
    }

    /** A link of the results: where it goes, its text, whether it is the current one. */
    public record Link(String url, String text, boolean current) {}

    @Get("/candidates")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.CANDIDATES);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        List<UnitDirectory.Unit> units;
        try {
            units = directory.visible(scope.visibleUnits(request, "unit"));
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        if (units.isEmpty()) return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        Map<String, Object> model = pages.model(request, "candidates.title");
        Query q;
        try {
            q = query(request, units);
        } catch (BadQuery e) {
            form(model, request, lenient(request, units), units, lang);
            model.put("error", e.key);
            model.put("errorField", e.field);
            return pages.page(request, e.status, "candidates", model);
        }
        form(model, request, q, units, lang);
        if (!q.asked()) return pages.page(request, "candidates", model);
        try {
            CandidatesService.Candidates all = evaluate(request, q);
            results(model, q, all, units, lang);
        } catch (BadQuery e) {
            model.put("error", e.key);
            model.put("errorField", e.field);
            return pages.page(request, e.status, "candidates", model);
        }
        return pages.page(request, "candidates", model);
    }

    @Get("/candidates/export.csv")
    public HttpResponse<?> csv(HttpRequest<?> request) {
        return export(request, false);
    }

    @Get("/candidates/export.xlsx")
    public HttpResponse<?> xlsx(HttpRequest<?> request) {
        return export(request, true);
    }

    /** Every row of the list the page shows (filter and order kept, pages ignored), headed in the page's language. */
    private HttpResponse<?> export(HttpRequest<?> request, boolean xlsx) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.CANDIDATES);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        try {
            List<UnitDirectory.Unit> units = directory.visible(scope.visibleUnits(request, "unit"));
            if (units.isEmpty()) return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
            Query q = query(request, units);
            if (!q.asked()) throw new BadQuery(HttpStatus.BAD_REQUEST, "candidates.error.award", "award");
            CandidatesService.Candidates all = evaluate(request, q);
            List<CandidatesService.Candidate> selected = CandidateRows.select(all.candidates(), q.outcome(), q.sort());
            Map<String, String> names = UnitDirectory.namesOf(units);
            Table table = rows.table(all, selected, awardName(q.award(), lang), names.getOrDefault(q.unit(), q.unit()), q.subunits(),
                    q.outcome(), names, lang);
            String file = q.award() + "-" + q.unit() + "-" + q.year();
            return xlsx ? Downloads.xlsx(table, file) : Downloads.csv(table, file, true);
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        } catch (BadQuery e) {
            return pages.error(request, e.status, e.key);
        }
    }

    /** The service's answer, as the API's: the same scope check, the same limit on lists evaluated at once. */
    private CandidatesService.Candidates evaluate(HttpRequest<?> request, Query q) {
        try {
            scope.requireUnit(request, "unit", q.unit());
        } catch (ProblemException e) {
            throw new BadQuery(HttpStatus.FORBIDDEN, "error.scope", "unit");
        }
        LocalDate asOf = Params.defaultAppraisalDate(q.year(), appraisalDay, clock);
        try {
            return limits.wide(() -> service.candidates(q.award(), q.year(), asOf, q.unit(), q.subunits()));
        } catch (ProblemException e) {
            int status = e.problem().status();
            if (status == 429) throw new BadQuery(HttpStatus.TOO_MANY_REQUESTS, "candidates.error.busy", null);
            if (status == 404) throw new BadQuery(HttpStatus.NOT_FOUND, "candidates.error.notFound", null);
            throw new BadQuery(HttpStatus.UNPROCESSABLE_ENTITY, "candidates.error.tooMany", "unit");
        } catch (CaseFormatException e) {
            throw new BadQuery(HttpStatus.UNPROCESSABLE_ENTITY, "error.facts", null);
        }
    }

    /** The parameters, checked: each bad one is a 400 (404 for an unknown unit or award) naming its field. */
    Query query(HttpRequest<?> request, List<UnitDirectory.Unit> units) {
        var params = request.getParameters();
        for (String name : List.of("unit", "award", "year", "outcome", "sort", "page", "includeSubunits")) {
            String v = params.get(name);
            if (v != null && v.length() > MAX_PARAM) throw new BadQuery(HttpStatus.BAD_REQUEST, "candidates.error.tooLong", name);
        }
        String award = blankToNull(params.get("award"));
        boolean asked = award != null;
        String unit = blankToNull(Params.id(params.get("unit")));
        if (unit == null) unit = defaultUnit(units);
        String u = unit;
        if (units.stream().noneMatch(x -> x.code().equals(u))) throw new BadQuery(HttpStatus.NOT_FOUND, "candidates.error.unit", "unit");
        if (award == null) award = rules.current().awards().keySet().iterator().next();
        else if (rules.current().award(award).isEmpty()) throw new BadQuery(HttpStatus.NOT_FOUND, "candidates.error.award", "award");
        int year = lastYear();
        String y = blankToNull(params.get("year"));
        if (y != null) {
            try {
                year = Params.year(y);
            } catch (ProblemException e) {
                throw new BadQuery(HttpStatus.BAD_REQUEST, "error.year", "year");
            }
            if (year > LocalDate.now(clock).getYear()) throw new BadQuery(HttpStatus.BAD_REQUEST, "error.year", "year");
        }
        Outcome outcome = null;
        String o = blankToNull(params.get("outcome"));
        if (o != null) {
            try {
                outcome = Outcome.valueOf(o);
            } catch (IllegalArgumentException e) {
                throw new BadQuery(HttpStatus.BAD_REQUEST, "candidates.error.outcome", "outcome");
            }
        }
        String sort = Objects.requireNonNullElse(blankToNull(params.get("sort")), "outcome");
        if (!SORTS.contains(sort)) throw new BadQuery(HttpStatus.BAD_REQUEST, "candidates.error.sort", "sort");
        int page = 0;
        String p = blankToNull(params.get("page"));
        if (p != null) {
            try {
                page = Params.integer(p) - 1;
            } catch (NumberFormatException e) {
                page = -1;
            }
            if (page < 0 || page > 100_000) throw new BadQuery(HttpStatus.BAD_REQUEST, "candidates.error.page", "page");
        }
        // A first visit has the box ticked; after that the address says (an unticked box sends nothing).
        String sub = params.get("includeSubunits");
        boolean subunits = asked ? sub != null && !sub.equals("false") : true;
        return new Query(unit, subunits, award, year, outcome, sort, page, asked);
    }

    /** The form's values when the address could not be read: whatever of it was good, defaults for the rest. */
    private Query lenient(HttpRequest<?> request, List<UnitDirectory.Unit> units) {
        var params = request.getParameters();
        String unit = Params.id(params.get("unit"));
        if (unit == null || units.stream().noneMatch(x -> x.code().equals(unit))) {
            return new Query(defaultUnit(units), true, firstAward(params.get("award")), lastYear(), null, "outcome", 0, false);
        }
        return new Query(unit, params.get("includeSubunits") != null, firstAward(params.get("award")), lastYear(), null, "outcome", 0, false);
    }

    private String firstAward(@Nullable String asked) {
        if (asked != null && rules.current().award(asked).isPresent()) return asked;
        return rules.current().awards().keySet().iterator().next();
    }

    private void form(Map<String, Object> model, HttpRequest<?> request, Query q, List<UnitDirectory.Unit> units, String lang) {
        model.put("q", q);
        model.put("units", units.stream().map(u -> new Choice(u.code(), u.name() + " (" + u.code() + ")", u.code().equals(q.unit()))).toList());
        List<Choice> awards = new ArrayList<>();
        for (AwardDefinition a : rules.current().awards().values()) awards.add(new Choice(a.code(), a.name().in(lang), a.code().equals(q.award())));
        model.put("awards", awards);
        List<Choice> years = new ArrayList<>();
        int last = LocalDate.now(clock).getYear();
        for (int y = last; y >= last - 10; y--) years.add(new Choice(String.valueOf(y), String.valueOf(y), y == q.year()));
        if (q.year() < last - 10) years.add(new Choice(String.valueOf(q.year()), String.valueOf(q.year()), true));
        model.put("years", years);
        List<Choice> outcomes = new ArrayList<>();
        outcomes.add(new Choice("", pages.messages().text(lang, "candidates.outcomeAll"), q.outcome() == null));
        for (Outcome o : Outcome.values()) outcomes.add(new Choice(o.name(), pages.messages().text(lang, "outcome." + o.name()), o == q.outcome()));
        model.put("outcomes", outcomes);
        model.put("sorts", SORTS.stream().map(s -> new Choice(s, pages.messages().text(lang, "candidates.sort." + s), s.equals(q.sort()))).toList());
    }

    private void results(Map<String, Object> model, Query q, CandidatesService.Candidates all, List<UnitDirectory.Unit> units, String lang) {
        Map<String, String> names = UnitDirectory.namesOf(units);
        List<CandidatesService.Candidate> selected = CandidateRows.select(all.candidates(), q.outcome(), q.sort());
        int pageCount = Math.max(1, (selected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<CandidateRows.Row> shown = selected.stream().skip((long) q.page() * PAGE_SIZE).limit(PAGE_SIZE)
                .map(c -> rows.row(c, names, lang)).toList();
        model.put("rows", shown);
        model.put("total", selected.size());
        model.put("everyone", all.candidates().size());
        model.put("firstRow", q.page() * PAGE_SIZE + 1);
        model.put("lastRow", q.page() * PAGE_SIZE + shown.size());
        model.put("pageNumber", q.page() + 1);
        model.put("pageCount", pageCount);
        model.put("prevUrl", q.page() > 0 ? url("/candidates", q, q.outcome(), q.sort(), q.page() - 1) : null);
        model.put("nextUrl", q.page() + 1 < pageCount ? url("/candidates", q, q.outcome(), q.sort(), q.page() + 1) : null);
        model.put("awardName", awardName(q.award(), lang));
        model.put("unitName", names.getOrDefault(q.unit(), q.unit()));
        model.put("asOf", ValueTexts.date(all.asOf(), lang));
        model.put("regime", rows.regime(all.regime(), lang));
        model.put("rulesVersion", all.rulesetVersion());
        model.put("unitCount", all.units().size());
        Map<String, Long> counts = CandidateRows.counts(all.candidates());
        List<Link> filters = new ArrayList<>();
        filters.add(new Link(url("/candidates", q, null, q.sort(), 0),
                pages.messages().text(lang, "candidates.outcomeAll") + " (" + all.candidates().size() + ")", q.outcome() == null));
        for (Outcome o : Outcome.values()) {
            long n = counts.getOrDefault(o.name(), 0L);
            if (n > 0 || o == q.outcome()) {
                filters.add(new Link(url("/candidates", q, o, q.sort(), 0), pages.messages().text(lang, "outcome." + o.name()) + " (" + n + ")", o == q.outcome()));
            }
        }
        model.put("filters", filters);
        model.put("sortLinks", SORTS.stream().map(s -> new Link(url("/candidates", q, q.outcome(), s, 0),
                pages.messages().text(lang, "candidates.sort." + s), s.equals(q.sort()))).toList());
        model.put("csvUrl", url("/candidates/export.csv", q, q.outcome(), q.sort(), 0));
        model.put("xlsxUrl", url("/candidates/export.xlsx", q, q.outcome(), q.sort(), 0));
    }

    /** The address of the list with another filter, order or page (a first page is left out). */
    static String url(String path, Query q, @Nullable Outcome outcome, String sort, int page) {
        StringBuilder b = new StringBuilder(path).append("?unit=").append(enc(q.unit()));
        if (q.subunits()) b.append("&includeSubunits=true");
        b.append("&award=").append(enc(q.award())).append("&year=").append(q.year());
        if (outcome != null) b.append("&outcome=").append(outcome.name());
        if (!sort.equals("outcome")) b.append("&sort=").append(sort);
        if (page > 0) b.append("&page=").append(page + 1);
        return b.toString();
    }

    private String awardName(String code, String lang) {
        return rules.current().award(code).map(a -> a.name().in(lang)).orElse(code);
    }


    /** The top of what the user sees (the demo department); nothing visible: outside the user's scope. */
    private static String defaultUnit(List<UnitDirectory.Unit> units) {
        return UnitDirectory.top(units).orElseThrow(() -> new BadQuery(HttpStatus.FORBIDDEN, "error.scope", "unit"));
    }

    private int lastYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
