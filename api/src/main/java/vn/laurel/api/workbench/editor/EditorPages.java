package vn.laurel.api.workbench.editor;

import vn.laurel.api.workbench.PageStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.laurel.api.limits.DraftFileLimit;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.drafts.DraftInputs;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.api.security.Requester;
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.ruleset.RuleSet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The rule editor: a draft's files, one file in a form (a textarea, which ACE enhances when scripts
 * run), saving it through the draft service (which checks the whole draft), and what the editor offers
 * to complete. Every GET reads; the POST carries the session's CSRF token, needs WORKBENCH_EDIT and an
 * OPEN draft, and answers with a 303 back to the editor, which shows the save's check.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class EditorPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pages pages;
    private final DraftService drafts;
    private final DraftFileLimit fileLimit;
    private final WorkbenchSources sources;
    private final RuleSetHolder holder;

    public EditorPages(Pages pages, DraftService drafts, DraftFileLimit fileLimit, WorkbenchSources sources, RuleSetHolder holder) {
        this.pages = pages;
        this.drafts = drafts;
        this.fileLimit = fileLimit;
        this.sources = sources;
        this.holder = holder;
    }

    // ------------------------------------------------------------------ the files

    @Get("/workbench/drafts/{id}/files")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> files(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        try {
            long id = PageRefusal.draftId(rawId);
            DraftView draft = view(id);
            Map<String, Object> model = pages.model(request, "wbeditor.files.title");
            model.put("title", pages.messages().text(Pages.lang(request), "wbeditor.files.title") + " · " + draft.title());
            model.put("draft", draft);
            model.put("groups", DraftFileGroups.of(id, drafts.files(id)));
            model.put("checkPassed", draft.check() != null && draft.check().passed());
            return pages.page(request, "workbench/files", model);
        } catch (PageRefusal e) {
            return pages.error(request, e.status, e.key);
        }
    }

    // ------------------------------------------------------------------ one file

    @Get("/workbench/drafts/{id}/files/{+path}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> editor(@PathVariable("id") String rawId, @PathVariable("path") String rawPath, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        try {
            long id = PageRefusal.draftId(rawId);
            String path = PageRefusal.path(rawPath);
            DraftView draft = view(id);
            byte[] bytes = file(id, path);
            String content = new String(bytes, StandardCharsets.UTF_8);
            boolean saved = "1".equals(request.getParameters().get("saved"));
            return editorPage(request, HttpStatus.OK, draft, path, content, DraftService.fileVersion(bytes), saved ? "wbeditor.saved" : null, null, null);
        } catch (PageRefusal e) {
            return pages.error(request, e.status, e.key);
        }
    }

    @Post(value = "/workbench/drafts/{id}/files/{+path}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> save(@PathVariable("id") String rawId, @PathVariable("path") String rawPath,
                                @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        long id;
        String path;
        DraftView draft;
        byte[] before;
        try {
            id = PageRefusal.draftId(rawId);
            path = PageRefusal.path(rawPath);
            draft = view(id);
            before = file(id, path);
        } catch (PageRefusal e) {
            return pages.error(request, e.status, e.key);
        }
        String sent = Pages.field(form, "content");
        // The file's version when the form was opened: a save over someone else's change is refused (lost update).
        String base = Pages.field(form, "base");
        if (base != null && base.isBlank()) base = null;
        // An emptied editor (select all, delete, save) would wipe the file: removing a file is not done by saving nothing.
        if (sent == null || sent.isBlank()) {
            return editorPage(request, HttpStatus.UNPROCESSABLE_ENTITY, draft, path, "", base, null, "wbeditor.error.required", null);
        }
        // A browser sends a textarea's lines ending in CR LF: a file written with LF keeps LF.
        String content = contains(before, '\r') ? sent : sent.replace("\r\n", "\n");
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (!draft.status().openForChanges()) {
            return editorPage(request, HttpStatus.CONFLICT, draft, path, content, base, null, "wbeditor.error.notOpen", null);
        }
        if (bytes.length > fileLimit.bytes()) {
            return editorPage(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, draft, path, content, base, null, "wbeditor.error.tooBig", null);
        }
        // The form was decoded as UTF-8: a byte that was not UTF-8 became U+FFFD, which no rule file holds on purpose.
        if (content.indexOf('\uFFFD') >= 0 && new String(before, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0) {
            return editorPage(request, HttpStatus.UNPROCESSABLE_ENTITY, draft, path, content, base, null, "wbeditor.error.notUtf8", null);
        }
        try {
            DraftInputs.requireText("content", bytes);
        } catch (ProblemException e) {
            return editorPage(request, HttpStatus.UNPROCESSABLE_ENTITY, draft, path, content, base, null, "wbeditor.error.control", e.getMessage());
        }
        try {
            drafts.save(id, path, bytes, Requester.of(request), base);
        } catch (DraftService.StaleFile e) {
            // Someone saved this file since the form was opened: their change is kept, this text comes back
            // with a link to theirs. The form now carries their version: saving again (merged) replaces it knowingly.
            return editorPage(request, HttpStatus.CONFLICT, viewOr(id, draft), path, content, e.current(), null, "wbeditor.error.stale", null);
        } catch (ProblemException e) {
            // Refused (changed meanwhile, too large as a whole, no longer OPEN): nothing was written; the text is kept.
            HttpStatus status = PageStatus.of(e);
            return editorPage(request, status, viewOr(id, draft), path, content, base, null, "wbeditor.error.refused", e.getMessage());
        }
        return Pages.seeOther(DraftFileGroups.url(id, path) + "?saved=1");
    }

    /** The draft as it is now, or as it was read before the save when it has gone meanwhile (discarded). */
    private DraftView viewOr(long id, DraftView before) {
        try {
            return view(id);
        } catch (PageRefusal e) {
            return before;
        }
    }

    private MutableHttpResponse<?> editorPage(HttpRequest<?> request, HttpStatus status, DraftView draft, String path, String content,
                                              @Nullable String base, @Nullable String notice, @Nullable String error, @Nullable String detail) {
        String lang = Pages.lang(request);
        Map<String, Object> model = pages.model(request, "wbeditor.editor.title");
        model.put("title", path + " · " + pages.messages().text(lang, "wbeditor.editor.title"));
        model.put("draft", draft);
        model.put("path", path);
        model.put("fileUrl", DraftFileGroups.url(draft.id(), path));
        // The HTML parser drops one line break right after <textarea>: one is written first so a leading blank line survives.
        model.put("content", "\n" + content);
        model.put("base", base);
        model.put("stale", "wbeditor.error.stale".equals(error));
        model.put("mode", path.endsWith(".drl") ? "drools" : path.endsWith(".yaml") || path.endsWith(".yml") ? "yaml" : "text");
        boolean mayEdit = Pages.hasAny(request, PageRoles.WORKBENCH_EDIT);
        boolean open = draft.status().openForChanges();
        model.put("editable", mayEdit && open);
        model.put("readOnlyReason", !mayEdit ? "wbeditor.readOnly.role" : !open ? "wbeditor.readOnly.status" : null);
        List<EditorProblems.View> problems = EditorProblems.of(draft.check(), path);
        model.put("problems", problems);
        model.put("problemsJson", EditorProblems.json(problems));
        model.put("refused", problems.stream().anyMatch(EditorProblems.View::refused));
        model.put("elsewhere", EditorProblems.elsewhere(draft.check(), path));
        model.put("checkPassed", draft.check() != null && draft.check().passed());
        model.put("scenarioFailures", draft.check() == null ? 0 : draft.check().scenarioFailures());
        model.put("notice", notice);
        model.put("error", error);
        model.put("errorDetail", detail);
        model.put("rules", path.endsWith(".drl") ? RuleFieldsPages.ruleLinks(draft.id(), path, content) : null);
        model.put("completionsUrl", "/workbench/drafts/" + draft.id() + "/completions");
        model.put("maxBytes", fileLimit.bytes());
        return pages.page(request, status, "workbench/editor", model);
    }

    // ------------------------------------------------------------------ completion

    /** What the editor completes: the draft's codes (the rules in service when the draft does not compile) and the helpers. */
    @Get("/workbench/drafts/{id}/completions")
    public HttpResponse<?> completions(@PathVariable("id") String rawId, HttpRequest<?> request) {
        if (Pages.user(request).isEmpty()) return HttpResponse.status(HttpStatus.UNAUTHORIZED);
        if (!Pages.hasAny(request, PageRoles.WORKBENCH)) return HttpResponse.status(HttpStatus.FORBIDDEN);
        long id;
        try {
            id = PageRefusal.draftId(rawId);
            view(id);
        } catch (PageRefusal e) {
            return HttpResponse.status(e.status);
        }
        RuleSet rules = sources.rulesOrActive(id);
        try {
            return HttpResponse.ok(JSON.writeValueAsString(EditorCompletions.of(rules, Pages.lang(request))))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        } catch (JsonProcessingException e) {
            return HttpResponse.serverError();
        }
    }

    // ------------------------------------------------------------------ reading

    private DraftView view(long id) {
        try {
            return drafts.view(id);
        } catch (ProblemException e) {
            throw PageRefusal.of(e);
        }
    }

    private byte[] file(long id, String path) {
        try {
            return drafts.file(id, path);
        } catch (ProblemException e) {
            throw PageRefusal.of(e);
        }
    }

    private static boolean contains(byte[] bytes, char ch) {
        for (byte b : bytes) if (b == ch) return true;
        return false;
    }
}
