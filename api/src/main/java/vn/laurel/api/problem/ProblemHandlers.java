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
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.policy.UnknownParameterException;

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
            return e.problem().at(request.getPath()).toResponse();
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
}
