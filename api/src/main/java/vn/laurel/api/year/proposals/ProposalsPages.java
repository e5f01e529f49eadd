package vn.laurel.api.year.proposals;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.proposals.Authorities;
import vn.laurel.api.proposals.Authority;
import vn.laurel.api.proposals.ProposalList;
import vn.laurel.api.proposals.ProposalRefused;
import vn.laurel.api.proposals.ProposalService;
import vn.laurel.api.proposals.ProposalViews;
import vn.laurel.api.proposals.ProposalWorkbook;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.security.Requester;
import vn.laurel.api.store.FactRefusedException;
import vn.laurel.api.web.Params;
import vn.laurel.api.year.EmulationYear;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.*;

/**
 * The competent authorities and the proposal lists in the workbench: who decides what (/authorities), the
 * lists of the year per authority with a button to prepare each (/proposals), a list as it is printed with its
 * cover summary, its workbook and the form that records the authority's decision (/proposals/{id}).
 * The same service as /api/v1/proposals; reading for the year's roles, writing for BOARD and ADMIN.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProposalsPages {
    static final int MAX_FIELD = 200;
    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Pages pages;
    private final ProposalService service;
    private final ProposalViews views;
    private final Authorities authorities;
    private final RuleSetHolder rules;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public ProposalsPages(Pages pages, ProposalService service, ProposalViews views, Authorities authorities, RuleSetHolder rules,
                          @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.pages = pages;
        this.service = service;
        this.views = views;
        this.authorities = authorities;
        this.rules = rules;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    @Get("/authorities")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> authorities(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Map<String, Object> model = pages.model(request, "proposals.authorities.title");
        Integer y = EmulationYear.parse(year);
        if (y == null) return yearError(request, model, "year/proposals/authorities");
        String lang = Pages.lang(request);
        LocalDate asOf = Params.defaultAppraisalDate(y, appraisalDay, clock);
        model.put("year", y);
        model.put("asOf", asOf);
        model.put("asOfText", ProposalViews.date(asOf));
        Optional<ProposalService.Scope> found = scope();
        if (found.isEmpty()) {
            // A fresh installation: no unit yet, so no organisation to route to. Said on the page, not a 500.
            model.put("errorText", views.text(lang, "proposals.error.noDirectory"));
            model.put("items", List.of());
            return pages.page(request, "year/proposals/authorities", model);
        }
        ProposalService.Scope scope = found.get();
        model.put("organisation", views.unitName(scope.organisation().code()));
        model.put("items", views.authorities(authorities.table(rules.current(), asOf, scope.organisation()), lang));
        return pages.page(request, "year/proposals/authorities", model);
    }

    @Get("/proposals")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> index(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Map<String, Object> model = pages.model(request, "proposals.index.title");
        Integer y = EmulationYear.parse(year);
        if (y == null) return yearError(request, model, "year/proposals/index");
        return index(request, model, y, HttpStatus.OK);
    }

    private MutableHttpResponse<?> index(HttpRequest<?> request, Map<String, Object> model, int y, HttpStatus status) {
        String lang = Pages.lang(request);
        LocalDate asOf = Params.defaultAppraisalDate(y, appraisalDay, clock);
        Optional<ProposalService.Scope> found = scope();
        if (found.isEmpty()) {
            model.put("year", y);
            model.put("asOf", asOf);
            model.put("errorText", views.text(lang, "proposals.error.noDirectory"));
            model.put("authorities", List.of());
            model.put("history", List.of());
            model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
            return pages.page(request, status, "year/proposals/index", model);
        }
        ProposalService.Scope scope = found.get();
        RuleSet rs = rules.current();
        Map<String, ProposalList> latest = new HashMap<>();
        for (ProposalList l : service.latest(y, null)) latest.put(l.authority(), l);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Authority a : authorities.authoritiesOf(rs, asOf, scope.organisation())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", views.authorityName(a.code(), lang));
            List<String> awards = new ArrayList<>();
            for (SubjectKind k : List.of(SubjectKind.COLLECTIVE, SubjectKind.PERSON)) {
                for (String award : authorities.awardsOf(rs, a, k, asOf, scope.organisation())) {
                    String n = views.awardName(award, lang);
                    if (!awards.contains(n)) awards.add(n);
                }
            }
            m.put("awards", awards);
            ProposalList l = latest.get(a.code());
            m.put("list", l == null ? null : l.id());
            m.put("rows", l == null ? null : l.rows().size());
            m.put("preparedAt", l == null ? null : l.preparedAt());
            rows.add(m);
        }
        model.put("year", y);
        model.put("asOf", asOf);
        model.put("authorities", rows);
        List<Map<String, Object>> history = new ArrayList<>();
        for (ProposalList h : service.all(y)) {
            history.add(Map.of("id", h.id(), "authority", views.authorityName(h.authority(), lang), "preparedBy", h.preparedBy(),
                    "at", AT.format(h.preparedAt().atZone(java.time.ZoneId.systemDefault()))));
        }
        model.put("history", history);
        model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
        return pages.page(request, status, "year/proposals/index", model);
    }

    @Post(value = "/proposals", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> prepare(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        String year = Pages.field(form, "year"), authority = Pages.field(form, "authority");
        Map<String, Object> model = pages.model(request, "proposals.index.title");
        Integer y = year == null || year.length() > MAX_FIELD ? null : EmulationYear.parse(year);
        if (y == null || year.isBlank()) return yearError(request, model, "year/proposals/index");
        if (authority == null || authority.length() > MAX_FIELD) {
            model.put("errorText", views.text(Pages.lang(request), "proposals.error.authority", ""));
            return index(request, model, y, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            ProposalList l = service.prepare(y, Params.defaultAppraisalDate(y, appraisalDay, clock), authority, null, Requester.of(request));
            return Pages.seeOther("/proposals/" + l.id());
        } catch (ProposalRefused e) {
            model.put("errorText", views.text(Pages.lang(request), e.key(), e.args()));
            return index(request, model, y, e.status());
        } catch (ProblemException e) {
            // The limits of wide work (too many subjects, another list being evaluated): said on the page, nothing kept.
            model.put("errorText", views.text(Pages.lang(request), "proposals.error.busy"));
            return index(request, model, y, HttpStatus.valueOf(e.problem().status()));
        }
    }

    @Get("/proposals/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(@PathVariable String id, @Nullable @QueryValue String conferred, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Optional<ProposalList> l = find(id);
        if (l.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "proposals.error.notFound");
        Map<String, Object> model = pages.model(request, "proposals.index.title");
        if (conferred != null && conferred.matches("\\d{1,18}")) {
            long cid = Long.parseLong(conferred);
            l.get().conferments().stream().filter(c -> c.id() == cid).findFirst().ifPresent(c ->
                    model.put("done", views.text(Pages.lang(request), "proposals.confer.done", c.decisionNo(), c.rows().size())));
        }
        return listPage(request, model, l.get(), HttpStatus.OK, Map.of());
    }

    @Get("/proposals/{id}/export.xlsx")
    public HttpResponse<?> xlsx(@PathVariable String id, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Optional<ProposalList> l = find(id);
        if (l.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "proposals.error.notFound");
        String lang = Pages.lang(request);
        return Downloads.file(ProposalWorkbook.write(List.of(views.list(l.get(), lang)), views, lang), Downloads.XLSX,
                "proposals-" + l.get().year() + "-" + l.get().id() + ".xlsx");
    }

    @Post(value = "/proposals/{id}/conferment", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> confer(@PathVariable String id, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Optional<ProposalList> found = find(id);
        if (found.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "proposals.error.notFound");
        ProposalList l = found.get();
        String lang = Pages.lang(request);
        Map<String, Object> model = pages.model(request, "proposals.index.title");
        String decisionNo = Objects.toString(Pages.field(form, "decisionNo"), "");
        String decidedOn = Objects.toString(Pages.field(form, "decidedOn"), "");
        List<String> rows = values(form, "rows");
        // The form's choice: every row not yet conferred (one field, however long the list), or only the rows ticked.
        boolean all = "all".equals(Pages.field(form, "scope"));
        Map<String, Object> sent = new HashMap<>();
        sent.put("scope", all ? "all" : "ticked");
        sent.put("decisionNo", decisionNo);
        sent.put("decidedOn", decidedOn);
        sent.put("rows", rows);
        if (decisionNo.length() > 2_000 || decidedOn.length() > MAX_FIELD || rows.size() > ProposalService.MAX_ROWS_ASKED) {
            return refusal(request, model, l, sent, HttpStatus.BAD_REQUEST, "decisionNo", views.text(lang, "proposals.error.tooLong", MAX_FIELD));
        }
        LocalDate date;
        try {
            // Read as the API reads it (ISO, 1900 to 2100); the service bounds it by the year and today.
            date = Params.date("decidedOn", decidedOn);
        } catch (ProblemException e) {
            return refusal(request, model, l, sent, HttpStatus.BAD_REQUEST, "decidedOn", views.text(lang, "proposals.error.decidedOn"));
        }
        if (!all && rows.isEmpty()) {
            // "Only the rows ticked" with none ticked: never read as "all" (the API's default), the form asks again.
            return refusal(request, model, l, sent, HttpStatus.UNPROCESSABLE_ENTITY, "rows", views.text(lang, "proposals.error.noRowTicked"));
        }
        List<Integer> numbers = new ArrayList<>();
        for (String r : all ? List.<String>of() : rows) {
            if (!r.matches("\\d{1,9}")) return refusal(request, model, l, sent, HttpStatus.BAD_REQUEST, "rows", views.text(lang, "proposals.error.row", r));
            numbers.add(Integer.parseInt(r));
        }
        try {
            ProposalList after = service.confer(l.id(), decisionNo, date, numbers, Requester.of(request));
            long cid = after.conferments().get(after.conferments().size() - 1).id();
            return Pages.seeOther("/proposals/" + l.id() + "?conferred=" + cid);
        } catch (ProposalRefused e) {
            return refusal(request, model, l, sent, e.status(), e.field().startsWith("rows") ? "rows" : e.field(),
                    views.text(lang, e.key(), e.args()));
        } catch (FactRefusedException e) {
            // The store's own message is English and internal: the page says what happened in the reader's language.
            HttpStatus status = e.reason() == FactRefusedException.Reason.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
            return refusal(request, model, l, sent, status, "rows", views.text(lang, "proposals.error.factRefused"));
        }
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, Map<String, Object> model, ProposalList l, Map<String, Object> sent,
                                           HttpStatus status, String field, String text) {
        model.put("errorText", text);
        model.put("errorField", field);
        return listPage(request, model, l, status, sent);
    }

    private MutableHttpResponse<?> listPage(HttpRequest<?> request, Map<String, Object> model, ProposalList l, HttpStatus status,
                                            Map<String, Object> sent) {
        String lang = Pages.lang(request);
        model.put("title", views.text(lang, "proposals.list.title", l.id()));
        model.put("year", l.year());
        model.put("list", views.list(l, lang));
        model.put("canAudit", Pages.hasAny(request, PageRoles.AUDIT));
        model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
        model.put("open", l.rows().stream().anyMatch(r -> r.conferment() == null));
        model.put("sent", sent);
        return pages.page(request, status, "year/proposals/list", model);
    }

    private MutableHttpResponse<?> yearError(HttpRequest<?> request, Map<String, Object> model, String view) {
        model.put("year", EmulationYear.current());
        model.put("yearError", true);
        model.put("authorities", List.of());
        model.put("history", List.of());
        model.put("items", List.of());
        model.put("asOf", Params.defaultAppraisalDate(EmulationYear.current(), appraisalDay, clock));
        model.put("asOfText", ProposalViews.date((LocalDate) model.get("asOf")));
        return pages.page(request, HttpStatus.BAD_REQUEST, view, model);
    }

    /** The unit the pages work for (the top of the directory), empty while the directory has no unit. */
    private Optional<ProposalService.Scope> scope() {
        try {
            return Optional.of(service.scope(null, null));
        } catch (ProposalRefused e) {
            return Optional.empty();
        }
    }

    private Optional<ProposalList> find(String id) {
        if (id == null || !id.matches("\\d{1,18}")) return Optional.empty();
        return service.find(Long.parseLong(id));
    }

    private static List<String> values(@Nullable Map<String, Object> form, String name) {
        if (form == null) return List.of();
        Object v = form.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) l.forEach(x -> { if (x != null && !x.toString().isBlank()) out.add(x.toString().trim()); });
        else if (v != null && !v.toString().isBlank()) out.add(v.toString().trim());
        return out.stream().distinct().toList();
    }
}
