package vn.laurel.api.workbench;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;

/** The status a workbench page answers for a service's refusal: the service's own, never a server error. */
public final class PageStatus {
    private PageStatus() {}

    /**
     * A refusal the page shows with its form is the user's to resolve; a 5xx there would tell a load
     * balancer the instance failed. Anything the service calls a server error becomes a conflict.
     */
    public static HttpStatus of(ProblemException e) {
        HttpStatus status = HttpStatus.valueOf(e.problem().status());
        return status.getCode() >= 500 ? HttpStatus.CONFLICT : status;
    }
}
