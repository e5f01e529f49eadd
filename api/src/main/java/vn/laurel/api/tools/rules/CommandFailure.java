package vn.laurel.api.tools.rules;

/**
 * Why a {@code ./laurel rules} command stops, as one line for the terminal, with its exit code:
 * 2 for a usage error, a server that cannot be reached or refuses the request; 1 when the files
 * themselves were refused. Never shown with a stack trace.
 */
public final class CommandFailure extends RuntimeException {
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;

    private final int exitCode;
    private final boolean usage;

    private CommandFailure(int exitCode, String message, boolean usage) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.usage = usage;
    }

    /** A mistake in the command line: the message, then the usage lines. */
    public static CommandFailure usage(String message) {
        return new CommandFailure(USAGE, message, true);
    }

    /** Something outside the files (the server, the database, the directory): exit 2. */
    public static CommandFailure failed(String message) {
        return new CommandFailure(USAGE, message, false);
    }

    /** The files were refused: exit 1. */
    public static CommandFailure problems(String message) {
        return new CommandFailure(PROBLEMS, message, false);
    }

    /** A rule-set exception's problems on one line. */
    public static String oneLine(vn.laurel.engine.ruleset.RuleSetException e) {
        return e.getProblems().stream().map(p -> p.file() + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "") + ": " + p.message())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    public int exitCode() {
        return exitCode;
    }

    public boolean isUsage() {
        return usage;
    }
}
