package vn.laurel.tools;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.laurel.api.tools.BatchCommand;
import vn.laurel.api.tools.VerifyCommand;
import vn.laurel.api.tools.ImportCommand;
import vn.laurel.api.tools.rules.RulesOptions;
import vn.laurel.engine.cli.CheckCommand;
import vn.laurel.engine.cli.Cli;
import vn.laurel.engine.cli.EvaluateCommand;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./laurel completion}: a bash completion script for the launcher, made by picocli's
 * {@link AutoComplete} from a command tree that mirrors the launcher's subcommands. The Java
 * commands are in it as they are (their own options, read from their classes); the ones the
 * launcher runs itself (serve, bench, test, soak, pg) are described here by their options.
 * Use: {@code source <(./laurel completion)}, or save it under /etc/bash_completion.d/.
 */
public final class Completion {
    private Completion() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(script());
    }

    /** The bash script. */
    public static String script() {
        return AutoComplete.bash("laurel", launcher());
    }

    /** The launcher's subcommands, as {@code ./laurel help} lists them. */
    static CommandLine launcher() {
        PrintStream none = new PrintStream(PrintStream.nullOutputStream());
        CommandLine cl = new CommandLine(new Laurel());
        cl.addSubcommand("serve", new Serve());
        cl.addSubcommand("check", new CheckCommand(none));
        cl.addSubcommand("evaluate", new EvaluateCommand(none, none));
        cl.addSubcommand("import", new ImportCommand());
        cl.addSubcommand("generate", new Generate());
        cl.addSubcommand("rules", RulesOptions.commandLine());
        cl.addSubcommand("batch", new BatchCommand());
        cl.addSubcommand("verify", new VerifyCommand());
        cl.addSubcommand("bench", new Bench());
        cl.addSubcommand("test", new MavenTest());
        cl.addSubcommand("soak", new Soak());
        CommandLine pg = new CommandLine(new Pg());
        for (String c : List.of("start", "stop", "url")) pg.addSubcommand(c, new PgStep());
        cl.addSubcommand("pg", pg);
        cl.addSubcommand("completion", new Script());
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        return cl;
    }

    @Command(name = "laurel", description = "Laurel's one launcher.")
    static final class Laurel {
        @Mixin Cli.Help help;
    }

    @Command(name = "serve", description = "Run the service (127.0.0.1, embedded H2 and demo data by default).")
    static final class Serve {
        @Mixin Cli.Help help;
        @Option(names = "--port", paramLabel = "N") int port;
        @Option(names = "--host", paramLabel = "ADDR") String host;
        @Option(names = "--rules", paramLabel = "DIR") Path rules;
        @Option(names = "--db", paramLabel = "JDBC_URL") String db;
        @Option(names = "--watch") boolean watch;
    }

    @Command(name = "bench", description = "The benchmarks of docs/benchmarks.md (scripts/bench.sh).")
    static final class Bench {
        @Mixin Cli.Help help;
        @Option(names = "--quick") boolean quick;
        @Option(names = "--http") boolean http;
        @Option(names = "--people", paramLabel = "N") int people;
        @Option(names = "--verify", paramLabel = "N") int verify;
        @Option(names = "--keep") boolean keep;
    }

    @Command(name = "test", description = "The whole test suite (./mvnw -B verify, with Maven's own arguments).")
    static final class MavenTest {
        @Mixin Cli.Help help;
        @Parameters(paramLabel = "MAVEN_ARG") List<String> maven;
    }

    @Command(name = "soak", description = "Sustained load on loopback (docs/reliability.md).")
    static final class Soak {
        @Mixin Cli.Help help;
        @Option(names = "--seconds", paramLabel = "N") int seconds;
        @Option(names = "--requests", paramLabel = "N") int requests;
        @Option(names = "--clients", paramLabel = "N") int clients;
    }

    @Command(name = "pg", description = "A throwaway local PostgreSQL (scripts/pg-throwaway.sh).")
    static final class Pg {
        @Mixin Cli.Help help;
    }

    @Command(description = "start, stop, or print the URL of the throwaway PostgreSQL.")
    static final class PgStep {
    }

    @Command(name = "completion", description = "Print this bash completion script: source <(./laurel completion)")
    static final class Script {
        @Mixin Cli.Help help;
    }
}
