package vn.laurel.api.limits;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads a streamed request body. The server's size limit ({@code micronaut.server.max-request-size})
 * is met only while such a body is read, as an I/O failure: that is the client's too-large body, 413,
 * not an unreadable one.
 */
public final class Bodies {
    private Bodies() {}

    public static byte[] readAll(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readAllBytes();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** 413 when the body was larger than the server accepts, else 400: the body broke off. */
    public static ProblemException unreadable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContentLengthExceededException) {
                String message = "is larger than the server accepts for one request";
                return new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body: " + message, List.of(new FieldError("body", message)));
            }
        }
        return ProblemException.badField("body", "could not be read to its end");
    }
}
