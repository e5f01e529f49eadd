package vn.laurel.api.problem;

/**
 * A problem of a rule file as one entry of a problem document's {@code errors}: the file is the field,
 * so that an editor can jump to it, with its line and column, and the three as {@code location}.
 */
public record RuleError(String field, String message, String file, int line, int column, String location) {
    public static RuleError of(String file, int line, int column, String message) {
        return new RuleError(file, message, file, line, column, file + ":" + line + ":" + column);
    }
}
