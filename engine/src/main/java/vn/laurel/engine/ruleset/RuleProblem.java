package vn.laurel.engine.ruleset;

/**
 * A problem found in a rule or parameter file, located for the person who edits it.
 *
 * @param file   path relative to the rules directory
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record RuleProblem(String file, int line, int column, Severity severity, String message) {
    public enum Severity { ERROR, WARNING }

    public static RuleProblem error(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, Severity.ERROR, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
