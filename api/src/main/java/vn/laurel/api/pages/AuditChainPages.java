package vn.laurel.api.pages;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.audit.Verification;
import vn.laurel.api.checkpoint.Checkpoint;
import vn.laurel.api.checkpoint.Checkpoints;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.changes.RuleChangeLog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit chains from the console: verify the decision chain (GET /api/v1/audit/verify), check it
 * against a stored checkpoint (?checkpoint=ID), verify the rule-set change log
 * (GET /api/v1/ruleset/changes/verify), and read that log (GET /api/v1/ruleset/changes).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditChainPages {
    static final int CHECKPOINTS_SHOWN = 50;
    static final int DEFAULT_LIMIT = 50;
    /** The API's own limit (RuleRevisionsController). */
    static final int MAX_LIMIT = 1000;

    private final Pages pages;
    private final AuditViews views;
    private final Checkpoints checkpoints;
    private final RuleChangeLog changeLog;

    public AuditChainPages(Pages pages, AuditViews views, Checkpoints checkpoints, RuleChangeLog changeLog) {
        this.pages = pages;
        this.views = views;
        this.checkpoints = checkpoints;
        this.changeLog = changeLog;
    }

    @Get("/audit/verify")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> verifyPage(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        return pages.page(request, "audit-verify", verifyModel(request));
    }

    /**
     * Runs one verification and shows the page with its result. The API's are GETs that record
     * nothing, and so does this; it is a POST with the form's token because a verification walks every
     * record of a chain, which no prefetched link or other site should set off in an auditor's browser.
     */
    @Post(value = "/audit/verify", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> verify(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        String lang = Pages.lang(request);
        String what = Pages.field(form, "what");
        Instant at = Instant.now();
        long started = System.nanoTime();
        AuditViews.Verified result;
        if ("chain".equals(what)) {
            Verification v = checkpoints.verify();
            result = views.verified("chain", v.view(), at, millisSince(started), lang);
        } else if ("changes".equals(what)) {
            RuleChangeLog.Verification v = changeLog.verify();
            result = views.verified(v, at, millisSince(started), lang);
        } else if ("checkpoint".equals(what)) {
            Long id = AuditPages.key(Pages.field(form, "checkpoint"));
            if (id == null) return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.checkpointId");
            Checkpoint cp;
            try {
                cp = checkpoints.byId(id);
            } catch (ProblemException e) {
                return pages.error(request, HttpStatus.NOT_FOUND, "audit.error.noCheckpoint");
            }
            Map<String, Object> view;
            try {
                view = checkpoints.verify(cp, true);
            } catch (ProblemException e) {
                // The stored checkpoint's signature no longer matches its content: a finding, shown as one.
                view = Map.of("intact", false, "checked", 0, "flagsChecked", 0, "firstProblem",
                        new Verification.Problem("checkpoint", "SIGNATURE", null, null, e.getMessage()),
                        "checkpoint", Map.of("id", id, "createdAt", cp.createdAt().toString(), "chainLength", cp.chainLength()));
            }
            result = views.verified("checkpoint", view, at, millisSince(started), lang);
        } else {
            return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.verifyWhat");
        }
        Map<String, Object> model = verifyModel(request);
        model.put("result", result);
        return pages.page(request, "audit-verify", model);
    }

    @Get("/audit/changes")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> changes(@Nullable @QueryValue String before, @Nullable @QueryValue String limit, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.AUDIT);
        if (refused != null) return refused;
        Long from = null;
        if (before != null && !before.isBlank()) {
            from = AuditPages.key(before.strip());
            if (from == null) return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.before");
        }
        int n = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            Long asked = AuditPages.key(limit.strip());
            if (asked == null || asked > MAX_LIMIT) return pages.error(request, HttpStatus.BAD_REQUEST, "audit.error.limit");
            n = asked.intValue();
        }
        // One more than shown: whether there is an older page.
        List<RuleChangeLog.Entry> entries = changeLog.list(null, from, n + 1);
        boolean more = entries.size() > n;
        if (more) entries = entries.subList(0, n);
        Map<String, Object> model = pages.model(request, "audit.changes.title");
        model.put("changes", views.changes(entries, Pages.lang(request)));
        if (more) model.put("older", "/audit/changes?before=" + entries.get(entries.size() - 1).sequence() + (n == DEFAULT_LIMIT ? "" : "&limit=" + n));
        if (from != null) model.put("newest", "/audit/changes" + (n == DEFAULT_LIMIT ? "" : "?limit=" + n));
        return pages.page(request, "audit-changes", model);
    }

    private Map<String, Object> verifyModel(HttpRequest<?> request) {
        Map<String, Object> model = pages.model(request, "audit.verify.title");
        model.put("checkpoints", views.checkpoints(checkpoints.latest(CHECKPOINTS_SHOWN), Pages.lang(request)));
        return model;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
