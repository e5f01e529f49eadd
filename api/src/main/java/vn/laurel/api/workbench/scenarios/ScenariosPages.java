package vn.laurel.api.workbench.scenarios;

import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.workbench.PageStatus;
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
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.api.security.Requester;
import vn.laurel.api.workbench.Coverage;
import vn.laurel.api.workbench.ScenarioRuns;
import vn.laurel.api.workbench.WorkbenchSource;
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Expectation;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.scenario.ScenarioResult;
import vn.laurel.engine.scenario.ScenarioRunner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.*;

/**
 * A draft's test scenarios in the browser: the list grouped by award folder with each one's last
 * result and the criterion coverage; a run of one, an award's or all scenarios; and a form to write a
 * case and its expectation (not YAML), saved through {@link DraftService#save} like any file.
 *
 * <p>Running is a POST although it writes nothing: it costs seconds of the server's time for all
 * scenarios, and a GET would be repeated by every reload, prefetch and crawler. It needs the
 * workbench's reading roles only (an auditor may run the checks).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller("/workbench/drafts/{id}/scenarios")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ScenariosPages {
    private final Pages pages;
    private final WorkbenchSources sources;
    private final ScenarioRuns runs;
    private final DraftService drafts;
    private final RequestLimits limits;
    private final Clock clock = Clock.systemDefaultZone();

    public ScenariosPages(Pages pages, WorkbenchSources sources, ScenarioRuns runs, DraftService drafts, RequestLimits limits) {
        this.pages = pages;
        this.sources = sources;
        this.runs = runs;
        this.drafts = drafts;
        this.limits = limits;
    }

    /** One scenario in the list: its file, name, expectations, last verdict and the mismatches. */
    public record Item(String file, String name, List<String> expected, boolean passed, String error,
                       List<ScenarioResult.Mismatch> mismatches) {}

    /** The scenarios of one award folder. */
    public record Group(String folder, List<Item> items, long failing) {}

    /** A draft as the pages need it: its view, files and compiled rules (null if they do not compile). */
    private record Draft(long id, DraftView view, WorkbenchSource source) {
        boolean open() { return view.status().openForChanges(); }
    }

    // ------------------------------------------------------------------ list

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Draft d = draft(rawId);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noDraft");
        String lang = Pages.lang(request);
        String award = blank(request.getParameters().get("award"));
        boolean failingOnly = "failing".equals(request.getParameters().get("status"));
        String status = blank(request.getParameters().get("status"));
        Map<String, Object> model = base(request, d, "wbscenarios.title");
        RuleSet rules = d.source().compiled();
        if (rules != null && award != null && !rules.awards().containsKey(award)) {
            model.put("error", "wbscenarios.error.award");
            award = null;
            status = null;
        }
        if (status != null && !status.equals("failing")) return pages.error(request, HttpStatus.BAD_REQUEST, "wbscenarios.error.status");
        model.put("award", award);
        model.put("failingOnly", failingOnly);
        if (rules == null) return pages.page(request, "workbench/scenarios", model);
        ScenarioRuns.Run run = runs.of(rules, d.source().files());
        Map<String, ScenarioResult> results = new HashMap<>();
        run.report().results().forEach(r -> results.put(r.file(), r));
        Map<String, List<Item>> byFolder = new TreeMap<>();
        int shown = 0;
        for (ScenarioRunner.Scenario s : run.scenarios()) {
            ScenarioResult r = results.get(s.file());
            boolean passed = r != null && r.passed();
            if (failingOnly && passed) continue;
            if (award != null && (s.doc() == null || !s.doc().expect().containsKey(award))) continue;
            List<String> expected = new ArrayList<>();
            if (s.doc() != null) s.doc().expect().forEach((a, e) -> expected.add(expectation(a, e)));
            String folder = s.file().contains("/") ? s.file().substring(0, s.file().lastIndexOf('/')) : "";
            byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(new Item("scenarios/" + s.file(), s.name(), expected, passed,
                    r == null ? s.error() : r.error(), r == null ? List.of() : r.mismatches()));
            shown++;
        }
        List<Group> groups = new ArrayList<>();
        byFolder.forEach((folder, items) -> groups.add(new Group(folder, items, items.stream().filter(i -> !i.passed()).count())));
        model.put("groups", groups);
        model.put("shown", shown);
        model.put("total", run.scenarios().size());
        model.put("failures", run.report().failures());
        model.put("awards", ScenarioChoices.awards(new ScenarioForm(), rules, lang));
        Coverage coverage = Coverage.of(rules, run);
        List<Coverage.Summary> summaries = new ArrayList<>();
        String only = award;
        rules.compiled().forEach((regime, compiled) -> compiled.criteria().stream().map(c -> c.award()).distinct()
                .filter(a -> only == null || a.equals(only)).forEach(a -> summaries.add(coverage.summary(regime, a))));
        model.put("coverage", summaries);
        if (award != null) {
            List<Coverage.Entry> entries = new ArrayList<>();
            for (Coverage.Summary s : summaries) entries.addAll(coverage.of(s.regime(), s.award()));
            model.put("entries", entries);
        }
        return pages.page(request, "workbench/scenarios", model);
    }

    static String expectation(String award, @Nullable Expectation e) {
        if (e == null) return award;
        return award + ": " + e.outcome() + (e.because().isEmpty() ? "" : " (" + String.join(", ", e.because()) + ")");
    }

    // ------------------------------------------------------------------ run

    @Post(value = "/run", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> run(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        if (form == null || !pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Draft d = draft(rawId);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noDraft");
        RuleSet rules = d.source().compiled();
        if (rules == null) return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "wbscenarios.error.noRules");
        String scope = ScenarioFormInput.field(form, "scope");
        String file = ScenarioFormInput.field(form, "file");
        String award = ScenarioFormInput.field(form, "award");
        ScenarioRuns.Run run = runs.of(rules, d.source().files());
        List<ScenarioRunner.Scenario> chosen = switch (scope) {
            case "all" -> run.scenarios();
            case "award" -> run.scenarios().stream().filter(s -> s.doc() != null && s.doc().expect().containsKey(award)).toList();
            case "one" -> run.scenarios().stream().filter(s -> ("scenarios/" + s.file()).equals(file)).toList();
            default -> null;
        };
        if (chosen == null) return pages.error(request, HttpStatus.BAD_REQUEST, "wbscenarios.error.scope");
        if (chosen.isEmpty()) return pages.error(request, HttpStatus.NOT_FOUND, "one".equals(scope) ? "wbscenarios.error.noFile" : "wbscenarios.error.award");
        String lang = Pages.lang(request);
        // failing ones first (in file order among themselves): what the official ran them to find
        List<ScenarioExecution.Outcome> outcomes;
        try {
            // Every scenario on every core: bounded with the other population-wide work (preview, candidates).
            outcomes = limits.wide(() -> ScenarioExecution.run(rules, chosen, lang)).stream()
                    .sorted(Comparator.comparing(ScenarioExecution.Outcome::passed)).toList();
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.TOO_MANY_REQUESTS, "wbscenarios.error.busy");
        }
        Map<String, Object> model = base(request, d, "wbscenarios.runTitle");
        model.put("scope", scope);
        model.put("scopeAward", award);
        model.put("scopeFile", file);
        model.put("outcomes", outcomes);
        model.put("ran", outcomes.size());
        model.put("failed", outcomes.stream().filter(o -> !o.passed()).count());
        return pages.page(request, "workbench/scenario-run", model);
    }

    // ------------------------------------------------------------------ the form

    @Get("/edit")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> edit(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Draft d = draft(rawId);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noDraft");
        String file = request.getParameters().get("file");
        if (!scenarioPath(file)) return pages.error(request, HttpStatus.BAD_REQUEST, "wbscenarios.error.path");
        byte[] bytes = d.source().files().files().get(file);
        if (bytes == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noFile");
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Object> model = base(request, d, "wbscenarios.editTitle");
        model.put("file", file);
        model.put("base", DraftService.fileVersion(bytes));
        model.put("editorUrl", "/workbench/drafts/" + d.id() + "/files/" + file);
        CaseDocument doc;
        try {
            doc = CaseReader.read(text);
        } catch (CaseFormatException e) {
            return readOnly(request, model, text, "wbscenarios.readOnly.invalid", e.getMessage());
        }
        ScenarioForm form = ScenarioForm.of(doc);
        CaseDocument back;
        try {
            back = CaseReader.read(ScenarioYaml.write(form, ""));
        } catch (CaseFormatException e) {
            back = null;
        }
        if (back == null || !ScenarioForm.represents(doc, back)) {
            return readOnly(request, model, text, "wbscenarios.readOnly.unmodelled", null);
        }
        if (d.source().compiled() == null) return readOnly(request, model, text, "wbscenarios.error.noRules", null);
        model.put("result", result(d.source().compiled(), file, doc, Pages.lang(request)));
        return formPage(request, HttpStatus.OK, d, model, form, List.of(), null);
    }

    @Get("/new")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Draft d = draft(rawId);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noDraft");
        RuleSet rules = d.source().compiled();
        if (rules == null) return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "wbscenarios.error.noRules");
        ScenarioForm form = new ScenarioForm();
        String award = blank(request.getParameters().get("award"));
        if (award != null && !rules.awards().containsKey(award)) return pages.error(request, HttpStatus.BAD_REQUEST, "wbscenarios.error.award");
        int thisYear = LocalDate.now(clock).getYear();
        form.asOf = LocalDate.of(thisYear, 1, 15).toString();
        form.year = String.valueOf(thisYear - 1);
        form.subject.put("kind", "PERSON");
        if (award != null) {
            form.awards.add(award);
            form.expect.put(award, new ScenarioForm.Expect());
            List<SubjectKind> kinds = rules.awards().get(award).subjectKinds();
            if (!kinds.isEmpty()) form.subject.put("kind", kinds.get(0).name());
        }
        Map<String, Object> model = base(request, d, "wbscenarios.newTitle");
        return formPage(request, HttpStatus.OK, d, model, form, List.of(), null);
    }

    @Post(value = "/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> saveEdit(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        return save(rawId, form, request, request.getParameters().get("file"));
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> saveNew(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        return save(rawId, form, request, null);
    }

    /**
     * The form sent: "add a row" and "update" show it again with nothing written; a save checks it
     * (the form's own checks, then the engine's reading of the YAML), writes the file through the
     * draft service, and returns to the form of the file written, which shows its result.
     */
    private HttpResponse<?> save(String rawId, @Nullable Map<String, Object> sent, HttpRequest<?> request, @Nullable String editing) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (sent == null || !pages.csrfMatches(request, sent)) return pages.forbiddenCsrf(request);
        Draft d = draft(rawId);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noDraft");
        if (editing != null && !scenarioPath(editing)) return pages.error(request, HttpStatus.BAD_REQUEST, "wbscenarios.error.path");
        if (editing != null && !d.source().files().files().containsKey(editing)) return pages.error(request, HttpStatus.NOT_FOUND, "wbscenarios.error.noFile");
        RuleSet rules = d.source().compiled();
        if (rules == null) return pages.error(request, HttpStatus.UNPROCESSABLE_ENTITY, "wbscenarios.error.noRules");
        Map<String, Object> model = base(request, d, editing == null ? "wbscenarios.newTitle" : "wbscenarios.editTitle");
        if (editing != null) {
            model.put("file", editing);
            // The file's version when the form was opened, carried through "add a row": a save over someone else's change is refused.
            String base = ScenarioFormInput.field(sent, "base");
            model.put("base", base.isBlank() ? null : base.strip());
            model.put("editorUrl", "/workbench/drafts/" + d.id() + "/files/" + editing);
        }
        ScenarioForm form = ScenarioFormInput.read(sent);
        String add = ScenarioFormInput.field(sent, "add");
        if (!add.isEmpty()) {
            ScenarioForm.Kind kind = ScenarioForm.kind(add);
            if (kind != null && form.facts.get(add).size() < ScenarioFormInput.MAX_ROWS) form.facts.get(add).add(ScenarioForm.emptyRow(kind));
            return formPage(request, HttpStatus.OK, d, model, form, List.of(), null);
        }
        if (!d.open()) return formPage(request, HttpStatus.CONFLICT, d, model, form, List.of(), "wbscenarios.error.notOpen");
        boolean asNew = editing == null || ScenarioFormInput.field(sent, "saveAsNew").length() > 0;
        ScenarioFormInput.dropBlankExpectations(form);
        List<ScenarioFormInput.Error> errors = new ArrayList<>(ScenarioFormInput.check(form, rules));
        String path = editing;
        if (errors.isEmpty() && asNew) {
            path = newPath(form);
            if (path == null) errors.add(new ScenarioFormInput.Error("name", "wbscenarios.error.slug", null));
            else if (d.source().files().files().containsKey(path)) errors.add(new ScenarioFormInput.Error("name", "wbscenarios.error.exists", path));
        }
        if (!errors.isEmpty()) return formPage(request, HttpStatus.BAD_REQUEST, d, model, form, errors, "wbscenarios.error.form");
        String header = editing == null || asNew ? "" : ScenarioYaml.header(new String(d.source().files().files().get(editing), StandardCharsets.UTF_8));
        String yaml = ScenarioYaml.write(form, header);
        try {
            CaseDocument doc = CaseReader.read(yaml);
            FactCodes.require(rules, doc);
        } catch (CaseFormatException e) {
            for (FieldError fe : e.getErrors()) errors.add(new ScenarioFormInput.Error(fe.field(), "wbscenarios.error.engine", fe.message()));
            return formPage(request, HttpStatus.BAD_REQUEST, d, model, form, errors, "wbscenarios.error.form");
        }
        try {
            // Editing: the file must still be the one opened; a new file must still not exist.
            String expected = asNew ? DraftService.ABSENT : (String) model.get("base");
            drafts.save(d.id(), path, yaml.getBytes(StandardCharsets.UTF_8), Requester.of(request), expected);
        } catch (DraftService.StaleFile e) {
            // Their change is kept; this form comes back with a link to it, now carrying their version (saving again replaces it knowingly).
            if (!asNew) model.put("base", e.current());
            model.put("stale", true);
            return formPage(request, HttpStatus.CONFLICT, d, model, form, List.of(), asNew ? "wbscenarios.error.exists.now" : "wbscenarios.error.stale");
        } catch (ProblemException e) {
            model.put("refusal", e.getMessage());
            HttpStatus status = PageStatus.of(e);
            return formPage(request, status.getCode() >= 500 ? HttpStatus.CONFLICT : status, d, model, form, List.of(), "wbscenarios.error.refused");
        }
        return Pages.seeOther("/workbench/drafts/" + d.id() + "/scenarios/edit?file=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&saved=1");
    }

    /** scenarios/&lt;folder of the first expected award&gt;/&lt;slug of the name&gt;.yaml, or null when the name gives no slug. */
    static @Nullable String newPath(ScenarioForm form) {
        String slug = Slug.of(form.name);
        if (slug.isEmpty()) return null;
        String award = form.expect.keySet().stream().findFirst().orElse(form.awards.isEmpty() ? "OTHER" : form.awards.get(0));
        return "scenarios/" + award.toLowerCase(Locale.ROOT).replace('_', '-') + "/" + slug + ".yaml";
    }

    private MutableHttpResponse<?> formPage(HttpRequest<?> request, HttpStatus status, Draft d, Map<String, Object> model, ScenarioForm form,
                                            List<ScenarioFormInput.Error> errors, @Nullable String error) {
        String lang = Pages.lang(request);
        RuleSet rules = d.source().compiled();
        model.put("form", form);
        model.put("kinds", ScenarioForm.KINDS);
        model.put("subjectColumns", ScenarioForm.SUBJECT);
        model.put("options", ScenarioChoices.options(form, rules, pages.messages(), lang));
        model.put("awardOptions", ScenarioChoices.awards(form, rules, lang));
        model.put("criteria", ScenarioChoices.criteria(form, rules, lang));
        var regime = ScenarioChoices.regime(form, rules);
        model.put("regime", regime == null ? null : regime.code());
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (ScenarioFormInput.Error e : errors) {
            String text = pages.messages().text(lang, e.key()) + (e.detail() == null ? "" : ": " + e.detail());
            fieldErrors.merge(e.field(), text, (a, b) -> a + "; " + b);
        }
        model.put("errors", fieldErrors);
        model.put("error", error);
        model.put("saved", request.getParameters().get("saved") != null && errors.isEmpty() && error == null);
        model.put("action", model.get("file") == null ? "/workbench/drafts/" + d.id() + "/scenarios/new"
                : "/workbench/drafts/" + d.id() + "/scenarios/edit?file=" + URLEncoder.encode((String) model.get("file"), StandardCharsets.UTF_8));
        return pages.page(request, status, "workbench/scenario-form", model);
    }

    private MutableHttpResponse<?> readOnly(HttpRequest<?> request, Map<String, Object> model, String text, String why, @Nullable String detail) {
        model.put("readOnly", why);
        model.put("readOnlyDetail", detail);
        model.put("text", text);
        return pages.page(request, "workbench/scenario-form", model);
    }

    /**
     * The scenario's result under the draft's rules now: this one file evaluated (not the whole run,
     * which the save's check has just done), read as the scenario runner reads it (codes checked).
     */
    private static ScenarioExecution.Outcome result(RuleSet rules, String file, CaseDocument doc, String lang) {
        String relative = file.substring("scenarios/".length());
        ScenarioRunner.Scenario s;
        try {
            FactCodes.require(rules, doc);
            s = new ScenarioRunner.Scenario(relative, doc, doc.expect().isEmpty() ? "the scenario has no 'expect' section" : null);
        } catch (CaseFormatException e) {
            s = new ScenarioRunner.Scenario(relative, null, "invalid case document: " + e.getMessage());
        }
        return ScenarioExecution.run(new Evaluator(() -> rules), rules, s, lang);
    }

    // ------------------------------------------------------------------ shared

    private Map<String, Object> base(HttpRequest<?> request, Draft d, String titleKey) {
        Map<String, Object> model = pages.model(request, titleKey);
        model.put("draftId", d.id());
        model.put("draft", d.view());
        model.put("open", d.open());
        model.put("canEdit", d.open() && Pages.hasAny(request, PageRoles.WORKBENCH_EDIT));
        model.put("check", d.view().check());
        return model;
    }

    private @Nullable Draft draft(String rawId) {
        Long id = WorkbenchSources.draftNumber(rawId);
        if (id == null) return null;
        try {
            return new Draft(id, drafts.view(id), sources.draft(id));
        } catch (ProblemException e) {
            return null;
        }
    }

    static boolean scenarioPath(@Nullable String path) {
        return path != null && path.length() <= 300 && path.matches("scenarios/[A-Za-z0-9._/-]+\\.(yaml|yml)") && !path.contains("..")
                && !path.contains("//");
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
