package vn.laurel.api.workbench.editor;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.ruleset.RuleBundle;

/** A request of an editor page that cannot be answered: the status and the sentence (message key) of the error page. */
final class PageRefusal extends RuntimeException {
    final HttpStatus status;
    final String key;

    PageRefusal(HttpStatus status, String key) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
    }

    /** The draft's number from the address: 404 when it is no number (no draft has that name). */
    static long draftId(String raw) {
        Long id = vn.laurel.api.workbench.WorkbenchSources.draftNumber(raw);
        if (id != null) return id;
        throw new PageRefusal(HttpStatus.NOT_FOUND, "wbeditor.error.noDraft");
    }

    /** A file's path as a draft names it (rules/…, scenarios/…): 400 for "..", a leading slash, a backslash… */
    static String path(String raw) {
        if (raw == null || RuleBundle.pathProblem(raw) != null || raw.contains("..")) throw new PageRefusal(HttpStatus.BAD_REQUEST, "wbeditor.error.path");
        return raw;
    }

    /** A refusal of the draft service as the page says it: no draft, no file, or the service's status. */
    static PageRefusal of(ProblemException e) {
        int status = e.problem().status();
        if (status == 404) {
            String detail = e.getMessage() == null ? "" : e.getMessage();
            return new PageRefusal(HttpStatus.NOT_FOUND, detail.contains("has no file") ? "wbeditor.error.noFile" : "wbeditor.error.noDraft");
        }
        return new PageRefusal(vn.laurel.api.workbench.PageStatus.of(e), "wbeditor.error.refused");
    }
}
