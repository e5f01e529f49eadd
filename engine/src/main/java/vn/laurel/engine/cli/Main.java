package vn.laurel.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * The command line behind {@code ./laurel check} and {@code ./laurel evaluate}: the same engine as
 * the service, without a server or a database.
 */
public final class Main {
    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(out, err).run(args));
    }

    /** Runs the command; the exit code ({@link Cli}). */
    int run(String[] args) {
        return commandLine(out, err).execute(args);
    }

    /** {@code laurel check|evaluate}, as a command tree (also part of the launcher's completion). */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Laurel());
        cl.addSubcommand(new CommandLine(new CheckCommand(out)));
        // ./laurel passes its default --rules first: one given on the command line comes after it and wins.
        cl.addSubcommand(new CommandLine(new EvaluateCommand(out, err)).setOverwrittenOptionsAllowed(true));
        return Cli.configure(cl, out, err);
    }

    /** Without a command: the usage, as a usage error. */
    @Command(name = "laurel", description = "The rules without a server: check them, or decide one case.")
    static final class Laurel implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Cli.Help help;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return Cli.USAGE;
        }
    }
}
