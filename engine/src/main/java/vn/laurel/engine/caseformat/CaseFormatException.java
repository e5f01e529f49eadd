package vn.laurel.engine.caseformat;

import java.util.List;
import java.util.stream.Collectors;

/** A case document that cannot be evaluated, with every field that is wrong. */
public class CaseFormatException extends RuntimeException {
    private final List<FieldError> errors;

    public CaseFormatException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public CaseFormatException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> getErrors() { return errors; }
}
