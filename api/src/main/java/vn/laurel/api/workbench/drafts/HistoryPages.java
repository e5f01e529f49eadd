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
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.RuleSetService;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.api.security.Requester;

import java.util.*;

/**
 * The rules' history: which version was in service when (activations), the revisions stored, and the
 * hash-chained change log with its verification; for policy staff a rollback to an earlier revision
 * through {@link RuleSetService#rollback}, as POST /api/v1/ruleset/rollback does (no approval: the
 * emergency path, logged with who).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class HistoryPages {
    static final int ROWS = 100;

    private final Pages pages;
    private final RuleStore store;
    private final RuleChangeLog changes;
    private final RuleSetService rules;
    private final RuleSetHolder holder;

    public HistoryPages(Pages pages, RuleStore store, RuleChangeLog changes, RuleSetService rules, RuleSetHolder holder) {
        this.pages = pages;
        this.store = store;
        this.changes = changes;
        this.rules = rules;
        this.holder = holder;
    }

    public record ActivationRow(long id, String version, String versionShort, Long revision, String action, String at, String by) {}

    public record RevisionRow(long id, String versionShort, String version, Long parent, String author, String at, String note,
                              Long draft, boolean active) {}

    public record ChangeRow(long sequence, String action, String actor, String at, Long draft, Long revision, String detail) {}

    @Get("/workbench/history")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> history(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        String done = request.getParameters().get("rolledBack");
        String doneText = done != null && done.matches("[0-9]{1,18}")
                ? Refusals.format(pages.messages().text(Pages.lang(request), "wbdrafts.history.rolledBack"), Pages.lang(request), Long.parseLong(done))
                : null;
        return page(request, HttpStatus.OK, doneText, null, null);
    }

    @Post(value = "/workbench/history/rollback", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> rollback(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        String lang = Pages.lang(request);
        String raw = Objects.toString(Pages.field(form, "revision"), "").strip();
        Long revision = DraftsPages.draftId(raw);
        if (revision == null) return page(request, HttpStatus.BAD_REQUEST, null, pages.messages().text(lang, "wbdrafts.history.badRevision"), "revision");
        if (Pages.field(form, "confirm") == null) {
            return page(request, HttpStatus.BAD_REQUEST, null, pages.messages().text(lang, "wbdrafts.history.confirmRequired"), "confirm-" + revision);
        }
        try {
            rules.rollback(Requester.of(request), null, revision);
        } catch (ProblemException e) {
            Refusals.Refusal r = Refusals.of(e, pages.messages(), lang);
            String text = "revision".equals(r.field()) && r.status() == HttpStatus.NOT_FOUND
                    ? Refusals.format(pages.messages().text(lang, "wbdrafts.error.noRevision"), lang, revision) : r.text();
            return page(request, r.status(), null, text, "revision");
        }
        return Pages.seeOther("/workbench/history?rolledBack=" + revision);
    }

    private MutableHttpResponse<?> page(HttpRequest<?> request, HttpStatus status, @Nullable String done, @Nullable String error,
                                        @Nullable String errorField) {
        String lang = Pages.lang(request);
        Map<String, String> texts = pages.messages().of(lang);
        Map<String, Object> model = pages.model(request, "wbdrafts.history.title");
        Long activeRevision = holder.active().revisionId();
        List<ActivationRow> activations = new ArrayList<>();
        for (RuleStore.Activation a : store.activations(ROWS)) {
            activations.add(new ActivationRow(a.id(), a.version(), AuditViews.shortVersion(a.version()), a.revisionId(),
                    texts.getOrDefault("wbdrafts.activation." + a.action(), a.action()), AuditViews.time(a.activatedAt(), lang), a.activatedBy()));
        }
        List<RevisionRow> revisions = new ArrayList<>();
        for (RuleStore.Revision r : store.revisions(null, ROWS)) {
            revisions.add(new RevisionRow(r.id(), AuditViews.shortVersion(r.rulesVersion()), r.rulesVersion(), r.parentId(), r.author(),
                    AuditViews.time(r.createdAt(), lang), r.note(), r.draftId(), Objects.equals(activeRevision, r.id())));
        }
        List<ChangeRow> log = new ArrayList<>();
        for (RuleChangeLog.Entry e : changes.list(null, null, ROWS)) {
            log.add(new ChangeRow(e.sequence(), texts.getOrDefault("wbdrafts.log." + e.action(), e.action()), e.actor(),
                    AuditViews.time(e.changedAt(), lang), e.draftId(), e.revisionId(), e.detail()));
        }
        RuleChangeLog.Verification v = changes.verify();
        model.put("activeVersion", holder.current().version());
        model.put("activeVersionShort", AuditViews.shortVersion(holder.current().version()));
        model.put("activeRevision", activeRevision);
        model.put("activations", activations);
        model.put("revisions", revisions);
        model.put("changes", log);
        model.put("verification", v);
        model.put("verificationText", v.intact()
                ? Refusals.format(texts.get("wbdrafts.history.intact"), lang, v.records())
                : Refusals.format(texts.get("wbdrafts.history.broken"), lang, v.firstBrokenSequence() == null ? "?" : v.firstBrokenSequence(),
                Objects.toString(v.problem(), "")));
        model.put("canEdit", Pages.hasAny(request, PageRoles.WORKBENCH_EDIT));
        model.put("done", done);
        model.put("error", error);
        model.put("errorField", errorField);
        return pages.page(request, status, "workbench/history", model);
    }
}
