package vn.laurel.api.workbench.parameters;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.api.security.Requester;
import vn.laurel.api.store.DirectoryStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.workbench.FailureTexts;
import vn.laurel.api.workbench.WorkbenchSource;
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.ruleset.RuleBundle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.*;

/**
 * A draft's parameters for policy staff: the list (what is in force today, overrides, a filter), one
 * parameter with every dated value, and the form "a new dated value", which writes the value into the
 * draft's parameter file as text — comments kept — through {@link DraftService#save}, the same save
 * (and whole-draft check) as the REST endpoint and the file editor.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller("/workbench/drafts/{id}/parameters")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ParametersPages {
    static final int MAX_QUERY = 200;
    private static final String NAME = "[A-Za-z0-9_.-]{1,200}";

    private final Pages pages;
    private final WorkbenchSources sources;
    private final DraftService drafts;
    private final RuleSetHolder holder;
    private final UnitDirectory units;
    private final DirectoryStore directory;
    private final Clock clock = Clock.systemDefaultZone();

    public ParametersPages(Pages pages, WorkbenchSources sources, DraftService drafts, RuleSetHolder holder, UnitDirectory units,
                           DirectoryStore directory) {
        this.units = units;
        this.directory = directory;
        this.pages = pages;
        this.sources = sources;
        this.drafts = drafts;
        this.holder = holder;
    }

    /** A draft read for these pages: its view, files, and parameters (from its compiled rules, else its YAML). */
    private record Loaded(DraftView draft, RuleBundle files, Map<String, Parameter> parameters, Map<String, AwardDefinition> awards,
                          boolean compiled, Map<String, String> unreadable) {}

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(@PathVariable("id") String id, @Nullable @QueryValue("q") String q, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Loaded d = load(id);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbparams.error.noDraft");
        String lang = Pages.lang(request);
        String query = q == null ? "" : q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q;
        Map<String, Object> model = pages.model(request, "wbparams.title");
        model.put("title", pages.messages().text(lang, "wbparams.title") + " · " + draftName(lang, d.draft()));
        model.put("draft", d.draft());
        model.put("q", query);
        model.put("groups", ParameterViews.groups(d.parameters().values(), d.awards(), lang, today(), query, scopes(lang)));
        model.put("compiled", d.compiled());
        model.put("unreadable", d.unreadable());
        model.put("today", today().toString());
        model.put("confidenceNames", confidenceNames(lang));
        return pages.page(request, "workbench/parameters", model);
    }

    @Get("/{name}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> show(@PathVariable("id") String id, @PathVariable("name") String name, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Loaded d = load(id);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbparams.error.noDraft");
        Parameter p = name.matches(NAME) ? d.parameters().get(name) : null;
        if (p == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbparams.error.noParameter");
        return page(request, HttpStatus.OK, d, p, ParameterForm.empty(), Map.of(), null, request.getParameters().contains("saved"));
    }

    @Post(value = "/{name}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> add(@PathVariable("id") String id, @PathVariable("name") String name,
                               @Nullable @Body Map<String, Object> body, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, body)) return pages.forbiddenCsrf(request);
        Loaded d = load(id);
        if (d == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbparams.error.noDraft");
        Parameter p = name.matches(NAME) ? d.parameters().get(name) : null;
        if (p == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbparams.error.noParameter");
        ParameterForm form = ParameterForm.of(body == null ? Map.of() : body);
        if (!d.draft().status().openForChanges()) {
            return page(request, HttpStatus.CONFLICT, d, p, form, Map.of(), "wbparams.error.notOpen", false);
        }
        ValueType type = ValueType.of(p);
        Map<String, String> problems = form.problems(type, units.all().keySet(), sectors(d));
        if (!problems.isEmpty()) return page(request, HttpStatus.BAD_REQUEST, d, p, form, problems, null, false);
        NewValue value = form.toValue(type);
        for (ParameterValue v : p.values()) {
            if (v.from().equals(value.from()) && value.sameScope(v.organisation(), v.sector())) {
                return page(request, HttpStatus.UNPROCESSABLE_ENTITY, d, p, form, Map.of("from", "wbparams.error.sameDate"),
                        null, false, ParameterViews.text(v.value()) + " — " + Objects.toString(v.reference(), ""));
            }
        }
        String path = RuleBundle.RULES + p.file();
        byte[] before = d.files().files().get(path);
        if (before == null) return page(request, HttpStatus.UNPROCESSABLE_ENTITY, d, p, form, Map.of(), "wbparams.error.noFile", false);
        byte[] after;
        try {
            after = ValueInsertion.insert(new String(before, StandardCharsets.UTF_8), p.name(), value).text().getBytes(StandardCharsets.UTF_8);
        } catch (ValueInsertion.Unsupported e) {
            return page(request, HttpStatus.UNPROCESSABLE_ENTITY, d, p, form, Map.of(), "wbparams.error.layout", false, e.getMessage());
        }
        String unread = InsertionCheck.problem(d.files().with(path, after), path, p.name(), value);
        if (unread != null) return page(request, HttpStatus.UNPROCESSABLE_ENTITY, d, p, form, Map.of(), "wbparams.error.readBack", false, unread);
        try {
            // Against the file the value was inserted into: a change saved meanwhile is not overwritten.
            drafts.save(d.draft().id(), path, after, Requester.of(request), DraftService.fileVersion(before));
        } catch (ProblemException e) {
            // The service's refusal (changed meanwhile, no longer open, too large): shown, nothing written.
            HttpStatus status = PageStatus.of(e);
            return page(request, status, d, p, form, Map.of(), "wbparams.error.refused", false, e.getMessage());
        }
        return Pages.seeOther("/workbench/drafts/" + d.draft().id() + "/parameters/" + p.name() + "?saved=1");
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, Loaded d, Parameter p, ParameterForm form,
                                        Map<String, String> errors, @Nullable String error, boolean saved) {
        return page(request, status, d, p, form, errors, error, saved, null);
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, Loaded d, Parameter p, ParameterForm form,
                                        Map<String, String> errors, @Nullable String error, boolean saved, @Nullable String detail) {
        String lang = Pages.lang(request);
        var msg = pages.messages();
        Map<String, Object> model = pages.model(request, "wbparams.parameterTitle");
        model.put("title", p.name() + " · " + draftName(lang, d.draft()));
        model.put("draft", d.draft());
        model.put("p", p);
        model.put("description", ParameterViews.description(p, lang));
        model.put("values", ParameterViews.values(p, today(), scopes(lang)));
        ValueType type = ValueType.of(p);
        model.put("expected", msg.text(lang, "wbparams.expected." + type.kind()).replace("{0}", type.wordList()));
        boolean canEdit = Pages.hasAny(request, PageRoles.WORKBENCH_EDIT);
        boolean open = d.draft().status().openForChanges();
        model.put("canEdit", canEdit);
        model.put("showForm", canEdit && open);
        model.put("notOpen", open ? null : msg.text(lang, "wbparams.notOpen").replace("{0}", msg.text(lang, "wbparams.status." + d.draft().status())));
        model.put("form", form);
        model.put("confidences", List.of("VERIFIED", "RECALLED", "UNCONFIRMED"));
        model.put("confidenceNames", confidenceNames(lang));
        // Each field's message names the field, so that the summary alone says where to look.
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach((f, key) -> fieldErrors.put(f, msg.text(lang, "wbparams.field." + f) + ": "
                + msg.text(lang, key).replace("{0}", type.wordList()).replace("{1}", detail == null ? "" : detail)));
        model.put("errors", fieldErrors);
        model.put("error", error == null ? null : msg.text(lang, error).replace("{0}", detail == null ? "" : detail));
        model.put("saved", saved);
        model.put("check", d.draft().check());
        model.put("compiled", d.compiled());
        model.put("fileUrl", "/workbench/drafts/" + d.draft().id() + "/files/" + RuleBundle.RULES + p.file());
        model.put("failures", d.draft().check() == null ? List.of() : d.draft().check().failures().stream()
                .map(f -> new Failure(f.field(), "/workbench/drafts/" + d.draft().id() + "/scenarios/edit?file="
                        + URLEncoder.encode(f.field(), StandardCharsets.UTF_8), FailureTexts.sentence(f.message(), d.awards(), msg, lang))).toList());
        return pages.page(request, status, "workbench/parameter", model);
    }

    /** A failing scenario of the draft's check, linked to the scenario editor. */
    public record Failure(String file, String link, String message) {}

    /**
     * The sectors the system knows. There is no list of sectors: they are the codes the units of the directory
     * carry and those the draft's parameters already use, so a typo cannot invent a new one.
     */
    private Set<String> sectors(Loaded d) {
        Set<String> known = new TreeSet<>();
        for (Parameter p : d.parameters().values()) {
            for (ParameterValue v : p.values()) if (v.sector() != null) known.add(v.sector().toUpperCase(Locale.ROOT));
        }
        for (Map<String, Object> u : directory.units()) {
            if (u.get("sector") instanceof String s && !s.isBlank()) known.add(s.toUpperCase(Locale.ROOT));
        }
        return known;
    }

    private @Nullable Loaded load(String rawId) {
        Long id = WorkbenchSources.draftNumber(rawId);
        if (id == null) return null;
        WorkbenchSource source;
        DraftView view;
        try {
            view = drafts.view(id);
            source = sources.draft(id);
        } catch (ProblemException e) {
            return null;
        }
        if (source.compiled() != null) {
            return new Loaded(view, source.files(), source.compiled().parameters(), source.compiled().awards(), true, Map.of());
        }
        ParameterFiles.Read read = ParameterFiles.of(source.files());
        return new Loaded(view, source.files(), read.parameters(), holder.current().awards(), false, read.unreadable());
    }

    private String draftName(String lang, DraftView d) {
        return pages.messages().text(lang, "wbparams.draft").replace("{0}", String.valueOf(d.id())) + " «" + d.title() + "»";
    }

    private ParameterViews.Scopes scopes(String lang) {
        var msg = pages.messages();
        return new ParameterViews.Scopes(msg.text(lang, "wbparams.scope.national"), msg.text(lang, "wbparams.scope.organisation"),
                msg.text(lang, "wbparams.scope.sector"));
    }

    /** VERIFIED, RECALLED, UNCONFIRMED in words of the page's language (a HashMap: a parameter without confidence looks up null). */
    private Map<String, String> confidenceNames(String lang) {
        Map<String, String> names = new HashMap<>();
        for (String c : ParameterForm.CONFIDENCES) names.put(c, pages.messages().text(lang, "wbparams.confidence." + c));
        return names;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
