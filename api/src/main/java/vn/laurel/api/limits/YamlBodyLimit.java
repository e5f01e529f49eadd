package vn.laurel.api.limits;

import io.micronaut.http.HttpStatus;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.FieldError;

import java.util.List;

/**
 * The largest YAML case document a request may send. Parsing YAML costs far more than its size (a
 * 4 MB quoted string took seconds of CPU and gigabytes of heap), so the size is checked before the
 * parser sees a byte; JSON, parsed in linear time, is held only to the request size.
 */
public record YamlBodyLimit(int bytes) {
    /** 413 naming the body when {@code body} would be read as YAML and is larger than the limit. */
    public void check(String body) {
        if (body == null || looksLikeJson(body)) return;
        long size = utf8Length(body, bytes);
        if (size > bytes) {
            String message = "is a YAML document of more than " + Sizes.of(bytes) + ", the limit: send a smaller case, or JSON";
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body: " + message, List.of(new FieldError("body", message)));
        }
    }

    /** As the case reader decides: a document whose first non-blank character is '{' is read as JSON. */
    private static boolean looksLikeJson(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (!Character.isWhitespace(body.charAt(i))) return body.charAt(i) == '{';
        }
        return false;
    }

    /** The UTF-8 length, counted only as far as one byte past {@code stop}. */
    private static long utf8Length(String s, long stop) {
        long n = 0;
        for (int i = 0; i < s.length() && n <= stop; i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
