package vn.laurel.api.pages;

import vn.laurel.api.i18n.Messages;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.decisions.DecisionRecord;
import vn.laurel.api.decisions.DecisionRepository;
import vn.laurel.api.decisions.DecisionStore;
import vn.laurel.api.store.SubjectSearch;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.replay.ReplayService;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auditor's console: the decision search (GET /api/v1/decisions), a decision's report (GET
 * /api/v1/decisions/{id}) and its replay (POST /api/v1/decisions/{id}/replay), for the roles of those
 * endpoints. A decision is nobody's organisation's: like the API, the pages apply no organisation scope.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditPages {
    private final Pages pages;
    private final AuditViews views;
    private final DecisionStore store;
    private final DecisionRepository decisions;
    private final ReplayService replays;
    private final SubjectSearch subjects;

    public AuditPages(Pages pages, AuditViews views, DecisionStore store, DecisionRepository decisions, ReplayService replays,
                      SubjectSearch subjects) {
        this.pages = pages;
        this.views = views;
        this.store = store;
        this.decisions = decisions;
        this.replays = replays;
        this.subjects = subjects;
    }

    @Get("/audit")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> home(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        AuditSearchForm.Parsed form = AuditSearchForm.parse(request.getParameters()::get, AuditViews.ZONE);
        Map<String, Object> model = pages.model(request, "audit.title");
        model.put("form", form.values());
        model.put("errors", form.errors());
        String outcome = form.values().get("outcome");
        model.put("outcomes", AuditSearchForm.OUTCOMES.stream()
                .map(o -> new Choice(o, pages.messages().text(lang, "outcome." + o), o.equals(outcome))).toList());
        Map<String, String> awards = views.awardNames(lang);
        String asked = form.values().get("award");
        // An award of an older rule set is still searchable: it stays in the list it was chosen from.
        if (!asked.isEmpty() && !awards.containsKey(asked) && !form.errors().containsKey("award")) awards.put(asked, asked);
        model.put("awards", awards.entrySet().stream().map(a -> new Choice(a.getKey(), a.getValue(), a.getKey().equals(asked))).toList());
        if (!form.valid()) return pages.page(request, HttpStatus.BAD_REQUEST, "audit", model);
        Map<String, Object> found = store.search(form.search());
        long total = ((Number) found.get("total")).longValue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) found.get("items");
        model.put("rows", views.rows(items, lang));
        model.put("total", total);
        model.put("page", form.page());
        model.put("size", form.size());
        model.put("first", total == 0 ? 0 : (long) form.page() * form.size() + 1);
        model.put("last", (long) form.page() * form.size() + items.size());
        model.put("filtered", form.filtered());
        if (form.page() > 0) model.put("previous", pageUrl(form.values(), form.page() - 1));
        if ((long) (form.page() + 1) * form.size() < total) model.put("next", pageUrl(form.values(), form.page() + 1));
        return pages.page(request, "audit", model);
    }

    @Get("/audit/decisions/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> decision(@PathVariable("id") String id, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        Long key = key(id);
        if (key == null) return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.decisionId");
        Optional<DecisionRecord> d = decisions.findById(key);
        if (d.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "audit.error.noDecision");
        return pages.page(request, "audit-decision", report(request, d.get()));
    }

    /**
     * Replays the decision (nothing is stored: ReplayService only reads) and shows the report with the
     * result below it. A POST like the API's, with the form's token: a replay re-evaluates a whole
     * decision, which no link or other site should set off in a signed-in auditor's browser.
     */
    @Post(value = "/audit/decisions/{id}/replay", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> replay(@PathVariable("id") String id, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Long key = key(id);
        if (key == null) return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.decisionId");
        String with = Pages.field(form, "with");
        if (with != null && !with.isEmpty() && !with.equals("stored") && !with.equals("current")) {
            return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.replayWith");
        }
        boolean current = "current".equals(with);
        Optional<DecisionRecord> d = decisions.findById(key);
        if (d.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "audit.error.noDecision");
        String lang = Pages.lang(request);
        Map<String, Object> model = report(request, d.get());
        model.put("with", current ? "current" : "stored");
        try {
            model.put("replay", views.replay(replays.replay(key, current), current, lang));
        } catch (ProblemException e) {
            // A decision on a submitted document, a subject no longer stored, rules no longer kept: it cannot be replayed here.
            if (e.problem().status() != HttpStatus.CONFLICT.getCode()) {
                return pages.error(request, HttpStatus.valueOf(e.problem().status()), "audit.replay.unavailable");
            }
            model.put("replayRefused", model.get("submitted") == Boolean.TRUE ? "audit.replay.submittedCase" : "audit.replay.unavailable");
            return pages.page(request, HttpStatus.CONFLICT, "audit-decision", model);
        }
        return pages.page(request, "audit-decision", model);
    }

    /** The address a replay's result is shown at, asked for again (a reload, the language links): the decision itself. */
    @Get("/audit/decisions/{id}/replay")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> replayAgain(@PathVariable("id") String id, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        Long key = key(id);
        if (key == null) return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.decisionId");
        String lang = request.getParameters().get("lang");
        return Pages.seeOther("/audit/decisions/" + key + (lang != null && Messages.LANGUAGES.contains(lang) ? "?lang=" + lang : ""));
    }

    private Map<String, Object> report(HttpRequest<?> request, DecisionRecord d) {
        String lang = Pages.lang(request);
        String name = subjects.subject(d.subjectId()).map(SubjectSearch.Person::name).orElse(null);
        Map<String, Object> model = pages.model(request, "audit.decision.title");
        ReplayService.Reading reading = replays.read(d);
        AuditViews.Report report = views.report(d, reading.answer(), reading.rendering(), reading.record(), name, store.flags(d.id()), lang);
        model.put("d", report);
        // The awards fragment is the person page's, whose texts speak of its timeline; here a fact leads to the table of facts.
        @SuppressWarnings("unchecked")
        Map<String, String> msg = new HashMap<>((Map<String, String>) model.get("msg"));
        msg.put("person.criteriaHint", msg.get("audit.decision.criteriaHint"));
        msg.put("person.inTimeline", msg.get("audit.decision.inFacts"));
        model.put("msg", msg);
        model.put("submitted", report.submitted());
        model.put("with", "stored");
        return model;
    }

    /** A decision id: a positive whole number in ASCII digits, else null. */
    static Long key(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) return null;
        long n = Long.parseLong(id);
        return n > 0 ? n : null;
    }

    /** This search again, on another page. */
    static String pageUrl(Map<String, String> values, int page) {
        StringBuilder b = new StringBuilder("/audit?");
        values.forEach((k, v) -> {
            if (k.equals("page") || v.isEmpty()) return;
            b.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
        });
        return b.append("page=").append(page).toString();
    }
}
