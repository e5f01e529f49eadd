package vn.laurel.api.workbench.drafts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.drafts.DraftDiff;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.api.rules.drafts.DraftView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a draft changes, side by side, file by file: against its base (what its authors changed) or
 * against the rules in service (what publishing would change, other publications since included).
 * The reviewer reads this before approving.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class DiffPages {
    private final Pages pages;
    private final DraftService drafts;

    public DiffPages(Pages pages, DraftService drafts) {
        this.pages = pages;
        this.drafts = drafts;
    }

    /** One file of the diff as the page shows it; {@code note} when its lines were not compared. */
    public record FileView(String path, String anchor, String change, String changeText, int linesAdded, int linesRemoved,
                           String note, List<SideBySide.Row> rows, String editorUrl) {}

    @Get("/workbench/drafts/{id}/diff")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> diff(@PathVariable("id") String rawId, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        Long id = DraftsPages.draftId(rawId);
        if (id == null) return pages.error(request, HttpStatus.NOT_FOUND, "wbdrafts.error.noDraft");
        String against = request.getParameters().get("against");
        if (against != null && !against.isBlank() && !against.equals("base") && !against.equals("active")) {
            return pages.error(request, HttpStatus.BAD_REQUEST, "wbdrafts.error.against");
        }
        boolean active = "active".equals(against);
        String lang = Pages.lang(request);
        DraftView d;
        DraftDiff.View diff;
        try {
            d = drafts.view(id);
            diff = drafts.diff(id, active);
        } catch (ProblemException e) {
            // No draft, or (against the rules in service) none stored yet to compare with.
            return pages.error(request, e.problem().status() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                    e.problem().status() == 404 ? "wbdrafts.error.noDraft" : "wbdrafts.error.noActive");
        }
        List<FileView> files = new ArrayList<>();
        int n = 0;
        for (DraftDiff.FileDiff f : diff.files()) {
            files.add(new FileView(f.path(), "file-" + (++n), f.change(), pages.messages().text(lang, "wbdrafts.change." + f.change()),
                    f.linesAdded(), f.linesRemoved(), f.note(), SideBySide.rows(f),
                    "removed".equals(f.change()) ? null : DraftOverview.editorUrl(id, f.path())));
        }
        Map<String, Object> model = pages.model(request, "wbdrafts.diffTitle");
        model.put("title", Refusals.format(pages.messages().text(lang, "wbdrafts.diffTitle"), lang, id) + ": " + d.title());
        model.put("d", d);
        model.put("against", active ? "active" : "base");
        model.put("againstText", Refusals.format(pages.messages().text(lang, active ? "wbdrafts.diff.againstActive" : "wbdrafts.diff.againstBase"),
                lang, diff.againstRevision()));
        model.put("files", files);
        model.put("capped", diff.linesCapped());
        return pages.page(request, "workbench/diff", model);
    }
}
