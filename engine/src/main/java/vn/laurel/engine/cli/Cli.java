package vn.laurel.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * What every Java command behind {@code ./laurel} shares (picocli does the parsing): the exit codes,
 * output in UTF-8, {@code -h}/{@code --help}, and a usage error told as one line naming the command,
 * then its usage, on stderr.
 */
public final class Cli {
    /** Done. */
    public static final int OK = 0;
    /** The check or a scenario failed, or the input has problems (each named on the output). */
    public static final int FAILED = 1;
    /** A usage error: an unknown or missing option or argument, a value of the wrong kind, a file that cannot be read. */
    public static final int USAGE = 2;

    /** The exit codes as every command's help lists them (a command with its own meaning of 1 lists its own). */
    public static final String EXIT_CODES_HEADING = "%nExit codes:%n";

    private Cli() {}

    /** {@code -h}/{@code --help} on a command (not picocli's standard mixin: its {@code --version} would clash with rules pull's). */
    public static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;
    }

    /** A command line for {@code command} writing to {@code out} and {@code err}, with Laurel's conventions. */
    public static CommandLine commandLine(Object command, PrintStream out, PrintStream err) {
        return configure(new CommandLine(command), out, err);
    }

    /** Applies Laurel's conventions to a command line and its subcommands. */
    public static CommandLine configure(CommandLine cl, PrintStream out, PrintStream err) {
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A value that looks like an option is a forgotten value ("--note --propose"), as the commands always read it.
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setParameterExceptionHandler(Cli::usageError);
        return cl;
    }

    /** Runs a command's {@code main}: its exit code ends the JVM. */
    public static void main(Object command, String[] args) {
        PrintStream out = new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(commandLine(command, out, err).execute(args));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        c.usage(c.getErr());
        return USAGE;
    }
}
