package vn.laurel.api.workbench;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;

/**
 * The addresses the workbench's buttons post to, opened as pages (a bookmark, a reload after the
 * browser forgot the form, a link pasted in a message): they do nothing and lead to the page the button
 * is on, rather than answering a bare "method not allowed" no official can read.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
public class ActionAddresses {
    private final Pages pages;

    public ActionAddresses(Pages pages) {
        this.pages = pages;
    }

    @Get("/workbench/drafts/{id}/propose")
    public HttpResponse<?> propose(@PathVariable String id, HttpRequest<?> request) {
        return toDraft(id, request);
    }

    @Get("/workbench/drafts/{id}/approve")
    public HttpResponse<?> approve(@PathVariable String id, HttpRequest<?> request) {
        return toDraft(id, request);
    }

    @Get("/workbench/drafts/{id}/reject")
    public HttpResponse<?> reject(@PathVariable String id, HttpRequest<?> request) {
        return toDraft(id, request);
    }

    @Get("/workbench/drafts/{id}/publish")
    public HttpResponse<?> publish(@PathVariable String id, HttpRequest<?> request) {
        return toDraft(id, request);
    }

    @Get("/workbench/drafts/{id}/discard")
    public HttpResponse<?> discard(@PathVariable String id, HttpRequest<?> request) {
        return toDraft(id, request);
    }

    @Get("/workbench/drafts/{id}/scenarios/run")
    public HttpResponse<?> run(@PathVariable String id, HttpRequest<?> request) {
        Long draft = WorkbenchSources.draftNumber(id);
        return to(request, draft == null ? "/workbench/drafts" : "/workbench/drafts/" + draft + "/scenarios");
    }

    @Get("/workbench/history/rollback")
    public HttpResponse<?> rollback(HttpRequest<?> request) {
        return to(request, "/workbench/history");
    }

    private HttpResponse<?> toDraft(String id, HttpRequest<?> request) {
        Long draft = WorkbenchSources.draftNumber(id);
        return to(request, draft == null ? "/workbench/drafts" : "/workbench/drafts/" + draft);
    }

    private HttpResponse<?> to(HttpRequest<?> request, String page) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        return refused != null ? refused : Pages.seeOther(page);
    }
}
