package vn.laurel.api.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.store.DatabaseUnavailable;
import vn.laurel.api.store.FactRefusedException;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.policy.UnknownParameterException;
import vn.laurel.engine.ruleset.RuleSetException;

import java.util.List;

/** Maps Laurel's own exceptions to problem documents. */
public final class ProblemHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

    private ProblemHandlers() {}

    @Produces
    @Singleton
    @Requires(classes = ExceptionHandler.class)
    public static class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, ProblemException e) {
            var response = e.problem().at(request.getPath()).toResponse();
            if (e.retryAfterSeconds() != null) response.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            return response;
        }
    }

    /**
     * A fact write the store refused: 400 for a bad value or field, 422 for a code the rules in
     * service do not know (like a reload the rules refuse) or a fact not to be recorded yet (an event of the
     * organisation tree dated after today), 404 for no such fact or subject, 409 for a fact superseded already, a
     * recorded event of the tree corrected or retracted, or a write the database's constraints refused.
     */
    @Produces
    @Singleton
    public static class FactRefusedHandler implements ExceptionHandler<FactRefusedException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, FactRefusedException e) {
            HttpStatus status = switch (e.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case UNKNOWN_CODE, REFUSED -> HttpStatus.UNPROCESSABLE_ENTITY;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case CONFLICT -> HttpStatus.CONFLICT;
            };
            return Problem.of(status, e.getMessage(), e.errors()).at(request.getPath()).toResponse();
        }
    }

    @Produces
    @Singleton
    public static class CaseFormatHandler implements ExceptionHandler<CaseFormatException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, CaseFormatException e) {
            return Problem.of(HttpStatus.BAD_REQUEST, "The case document is not valid: " + e.getMessage(), e.getErrors())
                    .at(request.getPath()).toResponse();
        }
    }

    /**
     * Anything else: 503 with Retry-After when the database cannot be reached (clients retry, the
     * pool reconnects by itself when it is back), 500 otherwise; both logged, neither says more.
     */
    @Produces
    @Singleton
    public static class UnexpectedHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                LOG.warn("database unavailable on {} {}: {}", request.getMethod(), request.getPath(), e.toString());
                return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached; nothing was saved. Try again shortly.")
                        .at(request.getPath()).toResponse().header("Retry-After", "5");
            }
            LOG.error("unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
            return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The service could not answer; the error was logged.")
                    .at(request.getPath()).toResponse();
        }
    }

    /** A rule asked for a parameter the policy files do not define: a rule-set fault, not the caller's. */
    @Produces
    @Singleton
    public static class UnknownParameterHandler implements ExceptionHandler<UnknownParameterException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, UnknownParameterException e) {
            LOG.error("rule set fault on {}: {}", request.getPath(), e.getMessage());
            return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The rule set cannot decide this case: " + e.getMessage())
                    .at(request.getPath()).toResponse();
        }
    }

    /**
     * Rules that do not compile or break the lint: 422 with every problem, each naming its file as
     * the field and giving line and column, so an editor can jump to it.
     */
    @Produces
    @Singleton
    public static class RuleSetHandler implements ExceptionHandler<RuleSetException, HttpResponse<?>> {
        @Override
        public HttpResponse<?> handle(HttpRequest request, RuleSetException e) {
            List<RuleError> errors = e.getProblems().stream().map(p -> RuleError.of(p.file(), p.line(), p.column(), p.message())).toList();
            return new Problem("about:blank", "Unprocessable Content", 422, "The rules have " + errors.size()
                    + " problem(s); the current rules stay in service.", request.getPath(), errors).toResponse();
        }
    }
}
