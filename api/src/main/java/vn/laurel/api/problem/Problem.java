package vn.laurel.api.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. Every error Laurel answers is one of these, with the fields at
 * fault listed under {@code errors} so a client can show them next to its own form fields.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<?> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(HttpStatus status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, null, errors);
    }

    public static Problem of(HttpStatus status, String detail) {
        return of(status, detail, List.of());
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public MutableHttpResponse<String> toResponse() {
        return HttpResponse.<String>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE).body(toJson());
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        if (errors != null && !errors.isEmpty()) body.put("errors", errors);
        return Json.write(body);
    }
}
