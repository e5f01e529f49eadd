package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.i18n.Messages;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.security.Requester;
import vn.laurel.api.web.Params;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.caseformat.TextValues;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What if: a copy of a stored person's, enterprise's or household's facts in a form (each kind with its own
 * fields: {@link WhatIfForm}), edited and evaluated through the service the
 * API's what-if uses (POST /api/v1/evaluations), its answer set beside the answer on the stored
 * facts. Nothing is written unless the user asks to keep the answer, and then as the API's
 * {@code ?save=true} keeps it: a decision on a submitted case document (basis SUBMITTED_CASE).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class WhatIfPages {
    /** The chooser's fields: as typed, each with what is wrong with it (null when nothing). */
    public record Chooser(String subject, String year, String subjectError, String yearError) {}

    /** The stored subject the copy is of: the heading of the form; {@code kind} in words, null for a person. */
    public record Person(String id, String name, String unit, String kind) {
        public Person(String id, String name, String unit) {
            this(id, name, unit, null);
        }
    }

    /** What the evaluation of the copy gave, beside the stored facts' answer. */
    public record Result(List<WhatIfComparison.AwardChange> awards, long flipped, String regime, String rulesetVersion,
                         int year, String asOf, Long decisionId, String caseDocument, boolean storedAnswered) {}

    private enum Action { EVALUATE, SAVE, EDIT }

    private final Pages pages;
    private final AnswerViews views;
    private final ScopeGuard scope;
    private final FactStore facts;
    private final StoredCases cases;
    private final EligibilityService eligibility;
    private final RuleSetHolder rules;
    private final JsonMapper json;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    /** The kinds of stored subject the page makes a copy of: a unit's case has its members, which the form does not edit. */
    static final java.util.Set<SubjectKind> WHAT_IF_KINDS = java.util.EnumSet.of(SubjectKind.PERSON, SubjectKind.ENTERPRISE, SubjectKind.HOUSEHOLD);

    public WhatIfPages(Pages pages, AnswerViews views, ScopeGuard scope, FactStore facts, StoredCases cases,
                       EligibilityService eligibility, RuleSetHolder rules, JsonMapper json,
                       @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.pages = pages;
        this.views = views;
        this.scope = scope;
        this.facts = facts;
        this.cases = cases;
        this.eligibility = eligibility;
        this.rules = rules;
        this.json = json;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    /** The chooser, and with {@code subject} the form: a copy of that person's, enterprise's or household's facts for the year. */
    @Get("/what-if")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> whatIf(@Nullable @QueryValue String subject, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WHAT_IF);
        if (refused != null) return refused;
        WhatIfChoices c = choices(request);
        String typedSubject = subject == null ? "" : subject.strip();
        String typedYear = year == null ? "" : year.strip();
        int defaultYear = LocalDate.now(clock).getYear() - 1;
        if (typedSubject.isEmpty()) {
            return chooser(request, HttpStatus.OK, new Chooser("", typedYear.isEmpty() ? String.valueOf(defaultYear) : cut(typedYear), null, null));
        }
        if (typedSubject.length() > WhatIfForm.MAX_ID) {
            return chooser(request, HttpStatus.BAD_REQUEST, new Chooser(cut(typedSubject), cut(typedYear),
                    c.text("whatif.subject") + ": " + c.text("whatif.error.tooLong", WhatIfForm.MAX_ID), null));
        }
        if (TextValues.fault(typedSubject) != null) {
            // checked before the code reaches the database, which refuses a NUL in text with an error of its own
            return chooser(request, HttpStatus.BAD_REQUEST, new Chooser(cut(typedSubject), cut(typedYear),
                    c.text("whatif.subject") + ": " + c.text("whatif.error.characters"), null));
        }
        String id = Params.id(typedSubject);
        int y;
        LocalDate asOf;
        try {
            y = typedYear.isEmpty() ? defaultYear : Params.year(typedYear);
            asOf = Params.defaultAppraisalDate(y, appraisalDay, clock);
            if (y > asOf.getYear()) throw ProblemException.badField("year", "after the appraisal date");
        } catch (ProblemException e) {
            return chooser(request, HttpStatus.BAD_REQUEST, new Chooser(id, cut(typedYear), null,
                    c.text("whatif.evaluationYear") + ": " + c.text("whatif.error.chooserYear", WhatIfForm.MIN_YEAR, defaultYear)));
        }
        Optional<Subject> stored;
        try {
            stored = storedPerson(request, id);
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        if (stored.isEmpty()) {
            return chooser(request, HttpStatus.NOT_FOUND, new Chooser(id, String.valueOf(y),
                    c.text("whatif.subject") + ": " + c.text("whatif.error.noSubject", id), null));
        }
        if (!WHAT_IF_KINDS.contains(stored.get().kind())) {
            return chooser(request, HttpStatus.UNPROCESSABLE_ENTITY, new Chooser(id, String.valueOf(y),
                    c.text("whatif.subject") + ": " + c.text("whatif.error.notPerson", id), null));
        }
        WhatIfForm form = WhatIfForm.of(cases.caseOf(stored.get(), y, asOf, List.of()));
        return formPage(request, HttpStatus.OK, c, stored.get(), form, null);
    }

    /**
     * The addresses the form posts to, asked with GET (a reload, the language switch after a post): the
     * edited copy is not kept anywhere, so back to the chooser, the language kept.
     */
    @Get(uris = {"/what-if/evaluate", "/what-if/save", "/what-if/form"})
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> afterPost(HttpRequest<?> request) {
        String lang = request.getParameters().get("lang");
        return Pages.seeOther(lang != null && Messages.LANGUAGES.contains(lang) ? "/what-if?lang=" + lang : "/what-if");
    }

    /** Evaluates the edited copy; nothing is written. */
    @Post(value = "/what-if/evaluate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> evaluate(@Nullable @Body String body, HttpRequest<?> request) {
        return post(body, request, Action.EVALUATE);
    }

    /** Evaluates the edited copy and keeps the answer as a decision, as POST /api/v1/evaluations?save=true does. */
    @Post(value = "/what-if/save", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> save(@Nullable @Body String body, HttpRequest<?> request) {
        return post(body, request, Action.SAVE);
    }

    /** The form again with one more year or row ({@code add}); nothing is evaluated. */
    @Post(value = "/what-if/form", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> edit(@Nullable @Body String body, HttpRequest<?> request) {
        return post(body, request, Action.EDIT);
    }

    private HttpResponse<?> post(String rawBody, HttpRequest<?> request, Action action) {
        MutableHttpResponse<?> r = answer(rawBody, request, action);
        if (!isHtmx(request) || r.getHeaders().contains("HX-Retarget")) return r;
        int status = r.code();
        if (status >= 300 && status < 400) {
            // htmx would follow a redirect (to /login) and put the page it gets into the result: the browser goes instead.
            return HttpResponse.ok().header("HX-Redirect", r.getHeaders().get("Location"));
        }
        if (status >= 400) {
            // an error page (role, CSRF, size) in place of the page's main part, rather than nothing at all (whatif.js swaps 4xx)
            r.header("HX-Retarget", "#main").header("HX-Reswap", "outerHTML").header("HX-Reselect", "#main");
        }
        return r;
    }

    private MutableHttpResponse<?> answer(String rawBody, HttpRequest<?> request, Action action) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WHAT_IF);
        if (refused != null) return refused;
        WhatIfFormBody body;
        try {
            body = WhatIfFormBody.parse(rawBody);
        } catch (WhatIfFormBody.TooLarge e) {
            return pages.error(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "whatif.error.tooLarge");
        }
        if (!pages.csrfMatches(request, body.asMap())) return pages.forbiddenCsrf(request);
        WhatIfChoices c = choices(request);
        WhatIfForm form = WhatIfForm.parse(body, c);
        if (form.subject.isEmpty() || form.errors.containsKey("subject")) {
            return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "whatif.error.subjectMissing");
        }
        Optional<Subject> stored;
        try {
            stored = storedPerson(request, Params.id(form.subject));
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        if (stored.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "error.notFound");
        if (!WHAT_IF_KINDS.contains(stored.get().kind())) return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "whatif.error.notPersonPage");
        Subject person = stored.get();
        // The fields the form has are the stored subject's kind's, whatever the post says.
        if (person.kind() != form.kind) form = WhatIfForm.parse(body, c, person.kind());
        if (action == Action.EDIT) {
            form.add(body.first("add"));
            return formPage(request, form.errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, c, person, form, null);
        }
        if (!form.errors.isEmpty()) return invalid(request, c, person, form);

        WhatIfForm.Case copy = form.toCase(person, facts.organisationOf(person));
        CaseDocument doc;
        try {
            // The API's reader and code check, on the document the form makes: the page refuses what the API would.
            doc = CaseReader.readJson(Json.write(copy.document()));
            List<FieldError> unknown = FactCodes.check(rules.current(), doc);
            if (!unknown.isEmpty()) throw new CaseFormatException(unknown);
        } catch (CaseFormatException e) {
            for (FieldError err : e.getErrors()) {
                form.errors.putIfAbsent(copy.fieldOf(err), c.text("whatif.error.case", err.field(), err.message()));
            }
            return invalid(request, c, person, form);
        }
        Result result = result(request, c, person, form, copy, doc, action == Action.SAVE);
        if (action == Action.EVALUATE && isHtmx(request)) {
            Map<String, Object> model = pages.model(request, "whatif.title");
            model.put("result", result);
            return pages.page(request, "whatif-result", model);
        }
        return formPage(request, HttpStatus.OK, c, person, form, result);
    }

    private Result result(HttpRequest<?> request, WhatIfChoices c, Subject person, WhatIfForm form, WhatIfForm.Case copy,
                          CaseDocument doc, boolean save) {
        String lang = c.lang();
        Map<String, Object> before = null;
        try {
            // The stored facts, for the same year and appraisal date: the difference is the edit's alone.
            before = answer(eligibility.evaluate(person.id(), doc.year(), doc.asOf(), List.of()).json(lang));
        } catch (CaseFormatException | ProblemException e) {
            before = null; // stored facts the service cannot evaluate: the copy's answer stands alone
        }
        EligibilityService.Decided decided = save
                ? eligibility.decide(doc, DecisionBasis.SUBMITTED_CASE, Requester.of(request))
                : eligibility.whatIf(doc);
        Map<String, Object> after = answer(decided.json(lang));
        List<WhatIfComparison.AwardChange> awards = WhatIfComparison.of(
                before == null ? List.of() : views.awards(before.get("results"), lang), views.awards(after.get("results"), lang));
        long flipped = before == null ? 0 : awards.stream().filter(WhatIfComparison.AwardChange::flipped).count();
        return new Result(awards, flipped, views.regime(after.get("regime"), lang), views.text(after.get("rulesetVersion"), lang),
                doc.year(), ValueTexts.date(doc.asOf(), lang), decided.decisionId(), Json.writePretty(copy.document()), before != null);
    }

    private Map<String, Object> answer(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an answer", e);
        }
    }

    /** The form again, each wrong field marked, 422; an htmx request gets the whole form in place of its result. */
    private MutableHttpResponse<?> invalid(HttpRequest<?> request, WhatIfChoices c, Subject person, WhatIfForm form) {
        MutableHttpResponse<?> r = formPage(request, HttpStatus.UNPROCESSABLE_ENTITY, c, person, form, null);
        if (isHtmx(request)) r.header("HX-Retarget", "#whatif").header("HX-Reswap", "outerHTML").header("HX-Reselect", "#whatif");
        return r;
    }

    private MutableHttpResponse<?> formPage(HttpRequest<?> request, HttpStatus status, WhatIfChoices c, Subject person,
                                            WhatIfForm form, @Nullable Result result) {
        Map<String, Object> model = pages.model(request, "whatif.title");
        model.put("chooser", new Chooser(person.id(), form.year, null, null));
        model.put("person", new Person(person.id(), person.name(), person.unit(),
                person.kind() == SubjectKind.PERSON ? null : c.kindName(person.kind())));
        model.put("form", WhatIfFormView.of(form, c));
        model.put("result", result);
        return pages.page(request, status, "whatif", model);
    }

    private MutableHttpResponse<?> chooser(HttpRequest<?> request, HttpStatus status, Chooser chooser) {
        Map<String, Object> model = pages.model(request, "whatif.title");
        model.put("chooser", chooser);
        return pages.page(request, status, "whatif", model);
    }

    /** The stored subject, within the user's organisation scope (a ProblemException when outside it). */
    private Optional<Subject> storedPerson(HttpRequest<?> request, String id) {
        scope.requireSubject(request, "subject", id);
        return facts.subject(id);
    }

    private WhatIfChoices choices(HttpRequest<?> request) {
        RuleSet current = rules.current();
        return new WhatIfChoices(current, pages.messages(), Pages.lang(request));
    }

    private static boolean isHtmx(HttpRequest<?> request) {
        return "true".equals(request.getHeaders().get("HX-Request"));
    }

    /** A typed chooser value as it may be shown back: printable, and not longer than a code. */
    private static String cut(String s) {
        String p = WhatIfForm.printable(s);
        return p.length() > WhatIfForm.MAX_ID ? p.substring(0, WhatIfForm.MAX_ID) : p;
    }
}
