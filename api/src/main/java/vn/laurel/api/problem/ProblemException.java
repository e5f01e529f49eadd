package vn.laurel.api.problem;

import io.micronaut.http.HttpStatus;
import vn.laurel.engine.caseformat.FieldError;

import java.util.List;

/** Thrown by controllers and services to answer with a problem document. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final List<?> errors;
    private Integer retryAfterSeconds;

    /** {@code errors}: each names its field ({@link FieldError}, or a file's row as {@code RowError}). */
    public ProblemException(HttpStatus status, String detail, List<?> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail, List.of());
    }

    /** Tells the client when to try again (Retry-After), for 429 and 503. */
    public ProblemException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public Integer retryAfterSeconds() { return retryAfterSeconds; }

    public Problem problem() { return new Problem("about:blank", status.getReason(), status.getCode(), getMessage(), null, errors); }
}
