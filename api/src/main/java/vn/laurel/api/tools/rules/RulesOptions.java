package vn.laurel.api.tools.rules;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.laurel.engine.cli.Cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of {@code ./laurel rules pull|push}, read by picocli; {@link RulesArgs} checks what
 * they say together. A mistake picocli finds is told in the words the command always used.
 */
public final class RulesOptions {
    private RulesOptions() {}

    /** Options both commands take. */
    public static final class Common {
        @Option(names = "--url", paramLabel = "URL", description = "The service (default: LAUREL_URL, else " + RulesArgs.DEFAULT_URL + ").")
        String url;
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "Work on this database directly instead of a running service.")
        String db;
        @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "Who you are (default: LAUREL_TOKEN, else LAUREL_USER).")
        String user;
    }

    @Command(name = "pull", description = "Write a revision of the rule set (the active one by default) to DIR/rules and DIR/scenarios; DIR must be new or empty.",
            exitCodeListHeading = Cli.EXIT_CODES_HEADING,
            exitCodeList = {"0:written", "2:usage error, a directory that is not empty, or a service that cannot be reached"})
    public static final class Pull {
        @Mixin Cli.Help help;
        @Mixin Common common;
        @Parameters(paramLabel = "DIR", description = "The directory to write.")
        List<String> dirs = new ArrayList<>();
        @Option(names = "--revision", paramLabel = "N", description = "This revision.")
        String revision;
        @Option(names = "--version", paramLabel = "sha256:...", description = "The revision of this rule-set version.")
        String version;
    }

    @Command(name = "push", description = "Make a draft of DIR on the service (or the database); print its check and its changes.",
            exitCodeListHeading = Cli.EXIT_CODES_HEADING,
            exitCodeList = {"0:the draft's check passes", "1:the check finds problems (each named), or the files were refused",
                    "2:usage error, or a service that cannot be reached"})
    public static final class Push {
        @Mixin Cli.Help help;
        @Mixin Common common;
        @Parameters(paramLabel = "DIR", description = "A directory as pull writes it (DIR/rules, DIR/scenarios).")
        List<String> dirs = new ArrayList<>();
        @Option(names = "--note", paramLabel = "WHY", description = "Why: the note goes with the draft (required).")
        String note;
        @Option(names = "--title", paramLabel = "TITLE", description = "The draft's title (default: the note's first line).")
        String title;
        @Option(names = "--rules", paramLabel = "RULES_DIR", description = "Instead of DIR: the rules, with --scenarios.")
        Path rules;
        @Option(names = "--scenarios", paramLabel = "SCENARIOS_DIR", description = "Instead of DIR: the scenarios, with --rules.")
        Path scenarios;
        @Option(names = "--base", paramLabel = "N", description = "The revision the draft is based on (default: the one DIR was pulled from, else the active one).")
        String base;
        @Option(names = "--propose", description = "Propose the draft for review when its check passes.")
        boolean propose;
    }

    @Command(name = "laurel rules", description = "The rule set as files: pull a revision, push a directory as a draft.")
    static final class Rules {
        @Mixin Cli.Help help;
    }

    /** {@code rules pull|push}, as a command tree (also part of the launcher's completion). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Rules());
        cl.addSubcommand(new CommandLine(new Pull()));
        cl.addSubcommand(new CommandLine(new Push()));
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        return cl;
    }

    /** True when {@code args} ask for a command's help ({@code pull --help}). */
    public static boolean helpRequested(String[] args) {
        try {
            CommandLine.ParseResult r = commandLine().parseArgs(args);
            return r.hasSubcommand() && r.subcommand().isUsageHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    public static void usage(String command, PrintStream out) {
        commandLine().getSubcommands().get(command).usage(out);
    }

    /** The options after {@code pull} or {@code push}; a mistake as a usage {@link CommandFailure}. */
    static Object parse(String[] args) {
        CommandLine cl = commandLine();
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw CommandFailure.usage(inOurWords(e, cl));
        }
        return cl.getSubcommands().get(args[0]).getCommand();
    }

    private static final Pattern EXPECTED = Pattern.compile("Expected parameter for option '([^']+)'");

    private static String inOurWords(CommandLine.ParameterException e, CommandLine root) {
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty() && m.getMissing().get(0) instanceof OptionSpec o) {
            return o.longestName() + " needs a value";
        }
        if (e instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec spec) {
            return spec.longestName() + " given twice";
        }
        Matcher expected = EXPECTED.matcher(String.valueOf(e.getMessage()));
        if (expected.find()) return expected.group(1) + " needs a value";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String a = u.getUnmatched().get(0);
            String command = u.getCommandLine().getCommandName();
            String other = command.equals("pull") ? "push" : "pull";
            OptionSpec elsewhere = root.getSubcommands().get(other).getCommandSpec().findOption(a);
            if (elsewhere != null && u.getCommandLine().getCommandSpec().findOption(a) == null) {
                return a + " is an option of " + other + ", not of " + command;
            }
            return "unknown option " + a;
        }
        ArgSpec arg = e.getArgSpec();
        return arg instanceof OptionSpec o ? o.longestName() + ": " + e.getMessage() : e.getMessage();
    }
}
