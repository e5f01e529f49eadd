package vn.laurel.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;
import vn.laurel.api.problem.Problem;
import vn.laurel.engine.caseformat.FieldError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * No identifier, code or query value Laurel knows contains a control character; a NUL or a line
 * break in the path or the query is an attack on something behind the service (the database refuses
 * NUL in text, logs split on line breaks), so it is answered 400 before any controller sees it.
 */
@ServerFilter("/api/**")
public class ControlCharacters {
    @RequestFilter
    @Nullable
    public MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        String path;
        try {
            path = URLDecoder.decode(request.getPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return bad(request, "path", "is not well percent-encoded");
        }
        if (hasControl(path)) return bad(request, "path", "contains control characters");
        for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
            if (hasControl(p.getKey())) return bad(request, "query", "a parameter name contains control characters");
            for (String v : p.getValue()) {
                if (hasControl(v)) return bad(request, p.getKey(), "contains control characters");
            }
        }
        return null;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static MutableHttpResponse<?> bad(HttpRequest<?> request, String field, String message) {
        return Problem.of(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldError(field, message)))
                .at(request.getPath()).toResponse();
    }
}
