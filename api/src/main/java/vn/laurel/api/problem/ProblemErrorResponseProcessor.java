package vn.laurel.api.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import vn.laurel.engine.caseformat.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the framework's own errors (no such route, wrong method, unreadable body, missing or
 * unconvertible parameter, body too large) into problem documents like Laurel's own, in plain words:
 * the framework's messages name its classes and the JSON library's.
 */
@Primary
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {
    @Override
    @NonNull
    public MutableHttpResponse<String> processResponse(@NonNull ErrorContext context, @NonNull MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        List<FieldError> fields = new ArrayList<>();
        String detail = null;
        for (Error e : context.getErrors()) {
            String message = PlainText.of(e.getMessage());
            if (detail == null) detail = message;
            e.getPath().ifPresent(path -> fields.add(new FieldError(path, message)));
        }
        if (detail == null) detail = context.getRootCause().map(Throwable::getMessage).map(PlainText::of).orElse(status.getReason());
        if (status.getCode() >= 500) detail = "The service could not answer; the error was logged.";
        Problem problem = Problem.of(status, detail, fields).at(context.getRequest().getPath());
        return base.contentType(Problem.MEDIA_TYPE).body(problem.toJson());
    }
}
