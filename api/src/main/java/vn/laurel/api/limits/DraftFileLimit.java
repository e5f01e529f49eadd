package vn.laurel.api.limits;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.util.List;

/**
 * The largest file a draft of the rules may hold. Rule and scenario files are a few kilobytes; every
 * save of a draft compiles and checks all of them, so one huge file would cost every later save.
 */
public record DraftFileLimit(long bytes) {
    /** 413 naming the field (the body, or the file's path in an uploaded zip) when the file is larger than the limit. */
    public void check(String field, long size) {
        if (size > bytes) {
            String message = "is a file of " + size + " bytes; a draft's file may have at most " + Sizes.of(bytes);
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, field + ": " + message, List.of(new FieldError(field, message)));
        }
    }
}
