package vn.laurel.api.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.web.Params;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.model.Subject;
import vn.laurel.api.i18n.ValueTexts;

import java.util.*;

/**
 * The units: the organisation tree a reader may see (GET /api/v1/units, every signed-in role), and
 * a unit's page for a year (its place in the tree, its members, its own eligibility for collective
 * awards with the shares of members they require, its organisation history — events and predecessors —, its
 * timeline), which stands for
 * GET /api/v1/subjects/{code}/eligibility and has its roles.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnitPages {
    private final Pages pages;
    private final ScopeGuard scope;
    private final UnitDirectory directory;
    private final FactStore facts;
    private final SubjectAnswers answers;
    private final UnitViews views;
    @jakarta.inject.Inject
    EarliestSection earliest;

    private final UnitHistoryViews history;
    private final ValueTexts values;

    public UnitPages(Pages pages, ScopeGuard scope, UnitDirectory directory, FactStore facts, SubjectAnswers answers, UnitViews views,
                     UnitHistoryViews history, ValueTexts values) {
        this.values = values;
        this.pages = pages;
        this.scope = scope;
        this.directory = directory;
        this.facts = facts;
        this.answers = answers;
        this.views = views;
        this.history = history;
    }

    @Get("/units")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> tree(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.SIGNED_IN);
        if (refused != null) return refused;
        Optional<SubjectAnswers.Asked> asked = answers.year(year);
        if (asked.isEmpty()) return pages.error(request, HttpStatus.BAD_REQUEST, "error.year");
        Optional<Set<String>> visible;
        try {
            visible = scope.visibleUnits(request, "code");
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        Map<String, Object> model = pages.model(request, "units.treeTitle");
        model.put("tree", views.tree(directory.all(), visible));
        model.put("year", asked.get().year());
        model.put("canSeeUnits", Pages.hasAny(request, PageRoles.ELIGIBILITY));
        return pages.page(request, "unit-tree", model);
    }

    @Get("/units/{code}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> unit(@PathVariable("code") String rawCode, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.ELIGIBILITY);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        Optional<SubjectAnswers.Asked> asked = answers.year(year);
        if (asked.isEmpty()) return pages.error(request, HttpStatus.BAD_REQUEST, "error.year");
        String code = Params.id(rawCode);
        if (code == null || code.isEmpty() || code.length() > PersonPages.MAX_ID) return pages.error(request, HttpStatus.NOT_FOUND, "units.notFound");
        try {
            scope.requireUnit(request, "code", code);
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        Map<String, UnitDirectory.Unit> all = directory.all();
        UnitDirectory.Unit unit = all.get(code);
        if (unit == null) return pages.error(request, HttpStatus.NOT_FOUND, "units.notFound");
        int y = asked.get().year();

        Map<String, Object> model = pages.model(request, "units.title");
        model.put("unit", unit);
        model.put("title", unit.name());
        model.put("parent", unit.parentCode() == null ? null : all.get(unit.parentCode()));
        model.put("parentVisible", unit.parentCode() != null && visible(request, unit.parentCode()));
        model.put("children", all.values().stream().filter(u -> code.equals(u.parentCode())).toList());
        answers.years(model, asked.get(), lang);

        Map<String, Object> answer = null;
        Optional<Subject> stored = Optional.empty(); // the unit as the answer read it, with its predecessors: not read twice
        try {
            SubjectAnswers.Answered answered = answers.answered(code, asked.get(), lang);
            answer = answered.answer();
            stored = Optional.of(answered.subject());
        } catch (ProblemException e) {
            if (e.problem().status() != 404) return pages.error(request, HttpStatus.BAD_REQUEST, "units.notFound");
            model.put("noAnswer", "units.notSubject"); // a unit of the tree that is no subject: nothing to evaluate
        } catch (CaseFormatException e) {
            model.put("noAnswer", "error.facts");
            stored = facts.subject(code); // facts that make no valid case: the history is still shown
        }
        // The organisation history: the events naming the unit, its founding day, its predecessors (read as the answer reads them).
        Optional<Set<String>> visibleUnits = visibleUnits(request, code);
        model.put("history", history.events(code, directory.events(code), visibleUnits, y, lang));
        model.put("predecessors", stored.map(s -> history.predecessors(s.predecessors(), visibleUnits, y, lang)).orElse(List.of()));
        model.put("establishedOn", stored.map(Subject::establishedOn).map(d -> ValueTexts.date(d, lang)).orElse(null));

        model.put("others", directory.others(code).stream()
                .map(o -> new UnitDirectory.Other(o.id(), o.name(), values.codeOrSelf(o.kind(), lang))).toList());

        List<String> members = facts.membersOf(code, y);
        model.put("members", views.members(members, directory.names(members), answer == null ? null : answer.get("members"), y, lang));
        if (answer != null) {
            answers.fill(model, request, code, answer, asked.get(), lang);
            @SuppressWarnings("unchecked")
            List<AnswerViews.AwardView> awards = (List<AnswerViews.AwardView>) model.get("results");
            model.put("shares", views.shares(answer.get("results"), awards, lang));
            model.put("earliest", earliest.view(request, code, String.valueOf(answer.get("subjectKind")), y, asked.get().asOf(), lang));
        }
        return pages.page(request, "unit", model);
    }

    /** The units whose pages the reader may open (empty: every unit); the unit itself only, should the scope not be read. */
    private Optional<Set<String>> visibleUnits(HttpRequest<?> request, String code) {
        try {
            return scope.visibleUnits(request, "code");
        } catch (ProblemException e) {
            return Optional.of(Set.of(code));
        }
    }

    /** Whether the reader may open this unit's page (its parent's, say): a scoped reader sees only its subtree. */
    private boolean visible(HttpRequest<?> request, String code) {
        try {
            scope.requireUnit(request, "code", code);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }
}
