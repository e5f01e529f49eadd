package vn.laurel.api.workbench.drafts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.pages.AuditViews;
import vn.laurel.api.pages.Choice;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftStatus;
import vn.laurel.api.rules.drafts.DraftView;
import vn.laurel.api.security.Requester;
import vn.laurel.api.security.Roles;

import java.net.URI;
import java.util.*;

/**
 * Drafts of the rules in the browser: the list and a form to open one, a draft's overview with its
 * live check, the files it changes, its reviews, and the review steps (propose, approve, reject,
 * publish, discard). Every step goes through {@link DraftService}, as POST /api/v1/ruleset/drafts/…
 * does, so its rules (four eyes, the content read, the check passing) hold here too; its refusals
 * are shown on the draft's page in the page's language.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DraftsPages {
    /** A note, reason or title typed in a form; the service allows more, a form field does not need it. */
    static final int MAX_TEXT = 2000;
    static final int MAX_TITLE = 300;
    static final int LIST = 200;

    private final Pages pages;
    private final DraftService drafts;
    private final RuleSetHolder holder;

    public DraftsPages(Pages pages, DraftService drafts, RuleSetHolder holder) {
        this.pages = pages;
        this.drafts = drafts;
        this.holder = holder;
    }

    /** One line of the list. */
    public record DraftRow(long id, String title, String status, String statusText, String author, long baseRevision,
                           String updatedAt, boolean checkPassed, Long publishedRevision) {}

    /** What the "open a draft" form was sent with. */
    public record NewDraft(String title, String from) {}

    // ------------------------------------------------------------------ list and open

    @Get("/workbench/drafts")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        return listPage(request, HttpStatus.OK, new NewDraft("", ""), null, null);
    }

    @Post(value = "/workbench/drafts", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> create(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        String lang = Pages.lang(request);
        NewDraft sent = new NewDraft(Objects.toString(Pages.field(form, "title"), "").strip(), Objects.toString(Pages.field(form, "from"), "").strip());
        if (sent.title().length() > MAX_TITLE) {
            return listPage(request, HttpStatus.BAD_REQUEST, sent, text(lang, "wbdrafts.error.tooLong", field(lang, "title")), "title");
        }
        Long from = null;
        if (!sent.from().isEmpty()) {
            if (!sent.from().matches("[0-9]{1,18}") || Long.parseLong(sent.from()) < 1) {
                return listPage(request, HttpStatus.BAD_REQUEST, sent, pages.messages().text(lang, "wbdrafts.error.from"), "from");
            }
            from = Long.parseLong(sent.from());
        }
        DraftView created;
        try {
            // Untitled: named in the page's language, as the officer reads the list ("From revision N" is the API's).
            String title = sent.title().isEmpty()
                    ? Refusals.format(pages.messages().text(lang, "wbdrafts.untitled"), lang, String.valueOf(from == null ? drafts.baseRevisionId(null) : from))
                    : sent.title();
            created = drafts.create(title, from, Requester.of(request));
        } catch (ProblemException e) {
            Refusals.Refusal r = Refusals.of(e, pages.messages(), lang);
            String message = "from".equals(r.field()) && r.status() == HttpStatus.NOT_FOUND
                    ? text(lang, "wbdrafts.error.noRevision", sent.from()) : r.text();
            return listPage(request, r.status(), sent, message, r.field());
        }
        return Pages.seeOther("/workbench/drafts/" + created.id());
    }

    private MutableHttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, NewDraft form, @Nullable String error,
                                            @Nullable String errorField) {
        String lang = Pages.lang(request);
        Map<String, Object> model = pages.model(request, "wbdrafts.title");
        String asked = request.getParameters().get("status");
        DraftStatus filter = asked == null || asked.isBlank() ? null : DraftStatus.parse(asked.strip());
        if (asked != null && !asked.isBlank() && filter == null) {
            status = HttpStatus.BAD_REQUEST;
            error = pages.messages().text(lang, "wbdrafts.error.status");
            errorField = "status";
        }
        List<DraftRow> rows = new ArrayList<>();
        List<DraftView.Summary> found = new ArrayList<>(drafts.list(filter, null, LIST));
        // Newest change first: a draft saved today comes before one opened long ago and left.
        found.sort(Comparator.comparing(DraftView.Summary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        for (DraftView.Summary s : found) {
            rows.add(new DraftRow(s.id(), s.title(), s.status().name(), pages.messages().text(lang, "wbdrafts.status." + s.status().name()),
                    s.author(), s.baseRevision(), AuditViews.time(s.updatedAt(), lang), s.checkPassed(), s.publishedRevision()));
        }
        List<Choice> statuses = new ArrayList<>();
        statuses.add(new Choice("", pages.messages().text(lang, "wbdrafts.status.all"), filter == null));
        for (DraftStatus s : DraftStatus.values()) {
            statuses.add(new Choice(s.name(), pages.messages().text(lang, "wbdrafts.status." + s.name()), s == filter));
        }
        model.put("drafts", rows);
        model.put("statuses", statuses);
        model.put("filtered", filter != null);
        model.put("canEdit", Pages.hasAny(request, PageRoles.WORKBENCH_EDIT));
        model.put("form", form);
        model.put("error", error);
        model.put("errorField", errorField);
        return pages.page(request, status, "workbench/drafts", model);
    }

    // ------------------------------------------------------------------ one draft

    @Get("/workbench/drafts/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> draft(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Long id = draftId(rawId);
        if (id == null) return notFound(request);
        String done = request.getParameters().get("done");
        String doneText = done != null && DONE.contains(done) ? pages.messages().text(Pages.lang(request), "wbdrafts.done." + done) : null;
        return overview(request, HttpStatus.OK, id, doneText, null, null, Map.of());
    }

    private static final Set<String> DONE = Set.of("proposed", "approved", "rejected", "published", "discarded", "created");

    @Post(value = "/workbench/drafts/{id}/propose", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> propose(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        return step(rawId, request, form, "proposed", "note", true, (id, by) -> drafts.propose(id, Pages.field(form, "note").strip(), by));
    }

    @Post(value = "/workbench/drafts/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> approve(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        return step(rawId, request, form, "approved", "note", false,
                (id, by) -> drafts.approve(id, Pages.field(form, "contentHash"), blankToNull(Pages.field(form, "note")), by));
    }

    @Post(value = "/workbench/drafts/{id}/reject", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> reject(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        return step(rawId, request, form, "rejected", "reason", true,
                (id, by) -> drafts.reject(id, Pages.field(form, "contentHash"), Pages.field(form, "reason").strip(), by));
    }

    @Post(value = "/workbench/drafts/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> publish(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        return step(rawId, request, form, "published", null, false, (id, by) -> drafts.publish(id, by));
    }

    @Post(value = "/workbench/drafts/{id}/discard", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> discard(@PathVariable("id") String rawId, @Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        boolean admin = Pages.user(request).map(u -> u.getRoles().contains(Roles.ADMIN)).orElse(false);
        return step(rawId, request, form, "discarded", null, false, (id, by) -> drafts.discard(id, by, admin));
    }

    @FunctionalInterface
    private interface Step {
        void run(long id, String by);
    }

    /**
     * One review step: role, CSRF token, the draft, its text field (required or not, limited), then the
     * service; its refusal is the draft's page again with the reason, nothing changed.
     */
    private HttpResponse<?> step(String rawId, HttpRequest<?> request, @Nullable Map<String, Object> form, String done,
                                 @Nullable String textField, boolean required, Step step) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Long id = draftId(rawId);
        if (id == null) return notFound(request);
        String lang = Pages.lang(request);
        Map<String, String> kept = new HashMap<>();
        if (textField != null) {
            String value = Objects.toString(Pages.field(form, textField), "");
            kept.put(textField, value);
            if (required && value.isBlank()) {
                return overview(request, HttpStatus.BAD_REQUEST, id, null, text(lang, "wbdrafts.error.required", field(lang, textField)), textField, kept);
            }
            if (value.length() > MAX_TEXT) {
                return overview(request, HttpStatus.BAD_REQUEST, id, null, text(lang, "wbdrafts.error.tooLong", field(lang, textField)), textField, kept);
            }
        }
        try {
            step.run(id, Requester.of(request));
        } catch (ProblemException e) {
            if (e.problem().status() == 404 && e.getMessage() != null && e.getMessage().startsWith("No draft")) return notFound(request);
            Refusals.Refusal r = Refusals.of(e, pages.messages(), lang);
            return overview(request, r.status(), id, null, r.text(), r.field(), kept);
        }
        return Pages.seeOther("/workbench/drafts/" + id + "?done=" + done);
    }

    private MutableHttpResponse<?> overview(HttpRequest<?> request, HttpStatus status, long id, @Nullable String done,
                                            @Nullable String error, @Nullable String errorField, Map<String, String> kept) {
        DraftView d;
        try {
            d = drafts.view(id);
        } catch (ProblemException e) {
            return notFound(request);
        }
        String lang = Pages.lang(request);
        boolean admin = Pages.user(request).map(u -> u.getRoles().contains(Roles.ADMIN)).orElse(false);
        DraftOverview o = DraftOverview.of(d, Requester.of(request), Pages.hasAny(request, PageRoles.WORKBENCH_EDIT), admin, pages.messages(), lang,
                holder.current().awards());
        Map<String, Object> model = pages.model(request, "wbdrafts.draftTitle");
        model.put("title", text(lang, "wbdrafts.draftTitle", d.id()) + ": " + d.title());
        model.put("o", o);
        model.put("d", d);
        model.put("done", done);
        model.put("error", error);
        model.put("errorField", errorField);
        model.put("note", kept.getOrDefault("note", ""));
        model.put("reason", kept.getOrDefault("reason", ""));
        model.put("baseText", d.baseIsActive() ? text(lang, "wbdrafts.base.active", d.baseRevision())
                : text(lang, "wbdrafts.base.stale", d.baseRevision(), d.activeRevision() == null ? "—" : d.activeRevision()));
        model.put("approvalsText", text(lang, "wbdrafts.approvals.count", d.approvals().size(), d.approvalsRequired()));
        return pages.page(request, status, "workbench/draft", model);
    }

    // ------------------------------------------------------------------ shared

    MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return pages.error(request, HttpStatus.NOT_FOUND, "wbdrafts.error.noDraft");
    }

    /** A draft number from the address, or null (then the page answers 404, as for a draft that does not exist). */
    static @Nullable Long draftId(String raw) {
        return vn.laurel.api.workbench.WorkbenchSources.draftNumber(raw);
    }

    private String text(String lang, String key, Object... args) {
        return Refusals.format(pages.messages().text(lang, key), lang, args);
    }

    private String field(String lang, String name) {
        return pages.messages().text(lang, "wbdrafts.name." + name);
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
