package vn.laurel.api.workbench.editor;

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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
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
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.RuleSet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * A rule's metadata as form fields ({@code @award}, {@code @legalBasis}, {@code @confidence}, the
 * regimes as checkboxes, per-regime overrides…): the POST rewrites only those lines of the DRL text
 * ({@link DrlRuleHeaders}) and saves the file through the draft service like the editor does.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RuleFieldsPages {
    static final int MAX_VALUE = 2000;
    static final List<String> CONFIDENCE = List.of("VERIFIED", "RECALLED", "UNCONFIRMED");
    /** Entries with a label of their own (wbeditor.meta.&lt;name&gt;); any other is labelled by its name. */
    static final Set<String> KNOWN = Set.of("regimes", "award", "criterion", "legalBasis", "legalBasisVi", "confidence", "vi", "en",
            "requires", "memberAwards", "subject");
    static final String PREFIX = "m_";

    private final Pages pages;
    private final DraftService drafts;
    private final WorkbenchSources sources;
    private final RuleSetHolder holder;

    public RuleFieldsPages(Pages pages, DraftService drafts, WorkbenchSources sources, RuleSetHolder holder) {
        this.pages = pages;
        this.drafts = drafts;
        this.sources = sources;
        this.holder = holder;
    }

    /** A rule of a file, linked to its metadata form. */
    public record RuleLink(String name, int line, String url) {}

    /** A field of the form: the entry's name, its label, what kind of control, its value, its choices. */
    public record Field(String name, String input, String label, String kind, String value, List<Choice> choices, boolean invalid) {}

    /** A choice of a select or a checkbox. */
    public record Choice(String value, boolean selected) {}

    /** The rules of a DRL file with links to their forms; null when the file does not parse. */
    static @Nullable List<RuleLink> ruleLinks(long draftId, String path, String content) {
        try {
            return DrlRuleHeaders.rules(content).stream().map(r -> new RuleLink(r.name(), r.line(), url(draftId, path, r.name()))).toList();
        } catch (DrlRuleHeaders.Unparsable e) {
            return null;
        }
    }

    static String url(long draftId, String path, String rule) {
        return "/workbench/drafts/" + draftId + "/rule?file=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                + "&rule=" + URLEncoder.encode(rule, StandardCharsets.UTF_8);
    }

    @Get("/workbench/drafts/{id}/rule")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> form(String id, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        try {
            Target t = target(id, request.getParameters().get("file"), request.getParameters().get("rule"));
            Map<String, String> values = new HashMap<>();
            t.rule().meta().forEach(m -> values.put(m.name(), m.value()));
            boolean saved = "1".equals(request.getParameters().get("saved"));
            return page(request, HttpStatus.OK, t, values, saved ? "wbeditor.saved" : null, null, null, null);
        } catch (PageRefusal e) {
            return pages.error(request, e.status, e.key);
        }
    }

    @Post(value = "/workbench/drafts/{id}/rule", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> save(String id, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Target t;
        try {
            t = target(id, Pages.field(form, "file"), Pages.field(form, "rule"));
        } catch (PageRefusal e) {
            return pages.error(request, e.status, e.key);
        }
        // What was sent, kept to show the form again when something is wrong.
        Map<String, String> values = new HashMap<>();
        for (DrlRuleHeaders.Meta m : t.rule().meta()) {
            if (m.name().equals("regimes")) values.put("regimes", String.join(" ", list(form, PREFIX + "regimes")));
            else values.put(m.name(), Objects.toString(Pages.field(form, PREFIX + m.name()), "").strip());
        }
        if (!t.draft().status().openForChanges()) return page(request, HttpStatus.CONFLICT, t, values, null, "wbeditor.error.notOpen", null, null);
        for (DrlRuleHeaders.Meta m : t.rule().meta()) {
            String v = values.get(m.name());
            String problem = problem(m.name(), v, m.value(), t.regimes());
            if (problem != null) return page(request, HttpStatus.UNPROCESSABLE_ENTITY, t, values, null, problem, m.name(), null);
        }
        String next = DrlRuleHeaders.rewrite(t.text(), t.rule().name(), values);
        if (!next.equals(t.text())) {
            try {
                String base = Pages.field(form, "base");
                drafts.save(t.draft().id(), t.path(), next.getBytes(StandardCharsets.UTF_8), Requester.of(request),
                        base == null || base.isBlank() ? null : base.strip());
            } catch (DraftService.StaleFile e) {
                // Someone saved the file since this form was opened: their change stays; the form shows the values sent.
                return page(request, HttpStatus.CONFLICT, t, values, null, "wbeditor.error.stale", null, null);
            } catch (ProblemException e) {
                return page(request, PageStatus.of(e), t, values, null, "wbeditor.error.refused", null, e.getMessage());
            }
        }
        return Pages.seeOther(url(t.draft().id(), t.path(), t.rule().name()) + "&saved=1");
    }

    /** The message key of what is wrong with a value, or null. */
    private static @Nullable String problem(String name, String value, String was, List<String> regimes) {
        if (value == null || value.isBlank()) return name.equals("regimes") ? "wbeditor.error.regimes" : "wbeditor.error.required";
        if (value.length() > MAX_VALUE) return "wbeditor.error.tooLong";
        for (int i = 0; i < value.length(); i++) if (value.charAt(i) < 0x20 || value.charAt(i) == 0x7f) return "wbeditor.error.controlValue";
        // DrlRuleHeaders escapes them correctly for DRL, but the engine reads a metadata value with its
        // escapes left in (it strips only the outer quotes): a \" would reach every explanation. A value
        // left as it was (some rules have \"…\" already) is not rewritten, so not refused.
        if (!value.equals(was) && (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0)) return "wbeditor.error.quote";
        if (base(name).equals("confidence") && !CONFIDENCE.contains(value)) return "wbeditor.error.confidence";
        if (name.equals("regimes") && !regimes.containsAll(Arrays.asList(value.split(" ")))) return "wbeditor.error.regimes";
        return null;
    }

    private record Target(DraftView draft, String path, String text, DrlRuleHeaders.Rule rule, List<String> regimes) {}

    private Target target(String rawId, @Nullable String rawFile, @Nullable String ruleName) {
        long id = PageRefusal.draftId(rawId);
        if (rawFile == null || ruleName == null || ruleName.isBlank() || ruleName.length() > MAX_VALUE) {
            throw new PageRefusal(HttpStatus.BAD_REQUEST, "wbeditor.error.ruleParams");
        }
        String path = PageRefusal.path(rawFile);
        if (!path.endsWith(".drl")) throw new PageRefusal(HttpStatus.BAD_REQUEST, "wbeditor.error.notDrl");
        DraftView draft;
        String text;
        try {
            draft = drafts.view(id);
            text = new String(drafts.file(id, path), StandardCharsets.UTF_8);
        } catch (ProblemException e) {
            throw PageRefusal.of(e);
        }
        DrlRuleHeaders.Rule rule;
        try {
            rule = DrlRuleHeaders.rule(text, ruleName).orElseThrow(() -> new PageRefusal(HttpStatus.NOT_FOUND, "wbeditor.error.noRule"));
        } catch (DrlRuleHeaders.Unparsable e) {
            throw new PageRefusal(HttpStatus.UNPROCESSABLE_ENTITY, "wbeditor.error.unparsable");
        }
        List<String> regimes = new ArrayList<>(regimeCodes(id));
        rule.entry("regimes").ifPresent(m -> Arrays.stream(m.value().split("[\\s,]+")).filter(c -> !c.isEmpty() && !regimes.contains(c)).forEach(regimes::add));
        return new Target(draft, path, text, rule, regimes);
    }

    /** The regimes of the draft's rules (of the rules in service when the draft does not compile). */
    private List<String> regimeCodes(long id) {
        RuleSet rules = sources.rulesOrActive(id);
        return rules.regimes().stream().map(Regime::code).toList();
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, Target t, Map<String, String> values, @Nullable String notice,
                                        @Nullable String error, @Nullable String errorField, @Nullable String detail) {
        String lang = Pages.lang(request);
        var msg = pages.messages();
        Map<String, Object> model = pages.model(request, "wbeditor.rule.title");
        model.put("title", msg.text(lang, "wbeditor.rule.title") + " · " + t.rule().name());
        model.put("draft", t.draft());
        model.put("path", t.path());
        model.put("rule", t.rule());
        model.put("fileUrl", DraftFileGroups.url(t.draft().id(), t.path()));
        // The file as this form shows it: a save refuses it once someone else changed the file (no lost update).
        model.put("base", DraftService.fileVersion(t.text().getBytes(StandardCharsets.UTF_8)));
        List<Field> fields = new ArrayList<>();
        for (DrlRuleHeaders.Meta m : t.rule().meta()) {
            String base = base(m.name());
            String regime = m.name().contains("_") ? m.name().substring(m.name().indexOf('_') + 1) : null;
            String label = (KNOWN.contains(base) ? msg.text(lang, "wbeditor.meta." + base) : base) + (regime == null ? "" : " (" + regime + ")");
            String value = values.getOrDefault(m.name(), "");
            String kind;
            List<Choice> choices = List.of();
            if (m.name().equals("regimes")) {
                kind = "regimes";
                Set<String> on = new HashSet<>(Arrays.asList(value.split(" ")));
                choices = t.regimes().stream().map(c -> new Choice(c, on.contains(c))).toList();
            } else if (base.equals("confidence")) {
                kind = "confidence";
                List<String> options = new ArrayList<>(CONFIDENCE);
                if (!options.contains(value)) options.add(0, value); // a value the form would refuse is still shown as it is
                choices = options.stream().map(c -> new Choice(c, c.equals(value))).toList();
            } else {
                kind = base.equals("vi") || base.equals("en") || base.startsWith("legalBasis") ? "long" : "text";
            }
            fields.add(new Field(m.name(), PREFIX + m.name(), label, kind, value, choices, m.name().equals(errorField)));
        }
        model.put("fields", fields);
        boolean mayEdit = Pages.hasAny(request, PageRoles.WORKBENCH_EDIT);
        boolean open = t.draft().status().openForChanges();
        model.put("editable", mayEdit && open);
        model.put("readOnlyReason", !mayEdit ? "wbeditor.readOnly.role" : !open ? "wbeditor.readOnly.status" : null);
        List<EditorProblems.View> problems = EditorProblems.of(t.draft().check(), t.path());
        model.put("problems", problems);
        model.put("checkPassed", t.draft().check() != null && t.draft().check().passed());
        model.put("notice", notice);
        model.put("error", error);
        model.put("errorField", errorField);
        model.put("errorDetail", detail);
        model.put("maxValue", MAX_VALUE);
        return pages.page(request, status, "workbench/rule-fields", model);
    }

    static String base(String name) {
        int underscore = name.indexOf('_');
        return underscore > 0 ? name.substring(0, underscore) : name;
    }

    private static List<String> list(@Nullable Map<String, Object> form, String name) {
        if (form == null) return List.of();
        Object v = form.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) l.forEach(x -> { if (x != null && !x.toString().isBlank()) out.add(x.toString().trim()); });
        else if (v != null && !v.toString().isBlank()) out.add(v.toString().trim());
        return out.stream().distinct().toList();
    }
}
