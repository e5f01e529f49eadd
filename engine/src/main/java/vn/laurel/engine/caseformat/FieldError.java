package vn.laurel.engine.caseformat;

/** One thing wrong with a case document, located by a JSON path such as {@code subject.ratings[2].year}. */
public record FieldError(String field, String message) {
    @Override
    public String toString() { return field + ": " + message; }
}
