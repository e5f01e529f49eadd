package vn.laurel.api.tools;

import vn.laurel.api.tools.rules.*;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSetException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./laurel rules pull DIR} and {@code ./laurel rules push DIR --note "…"}: the rule set as
 * files, for people who prefer an editor and git. {@code pull} writes a stored revision (the
 * active one by default) to {@code DIR/rules} and {@code DIR/scenarios}; {@code push} sends a
 * directory as a draft, prints its check (problems as file:line:column, failing scenarios) and
 * its diff against its base, and exits 0 when the check passes, 1 when it does not, 2 for a usage
 * error or a service that cannot be reached. Over HTTP by default ({@code --url}); with {@code --db}
 * on a database directly.
 */
public final class RulesCommand {
    private RulesCommand() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs the command; the exit code, never an exception. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help"))) {
            out.println(RulesArgs.USAGE);
            return 0;
        }
        if (RulesOptions.helpRequested(args)) {
            RulesOptions.usage(args[0], out);
            return 0;
        }
        String name = "laurel rules" + (args.length > 0 && (args[0].equals("pull") || args[0].equals("push")) ? " " + args[0] : "");
        try {
            RulesArgs a = RulesArgs.parse(args, env);
            return a.command().equals("pull") ? pull(a, env, out, err) : push(a, env, out, err);
        } catch (CommandFailure e) {
            err.println(name + ": " + e.getMessage());
            if (e.isUsage()) err.println(RulesArgs.USAGE);
            return e.exitCode();
        } catch (RuntimeException e) {
            err.println(name + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
            return CommandFailure.USAGE;
        }
    }

    static int pull(RulesArgs a, Map<String, String> env, PrintStream out, PrintStream err) {
        Path dir = a.dir();
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            throw CommandFailure.failed(dir + " is not empty: pull writes into a new or empty directory");
        }
        RuleSource.Pulled pulled;
        try (RuleSource source = source(a, env)) {
            pulled = source.pull(a.revision(), a.version());
        }
        pulled.bundle().writeTo(dir);
        new PulledFrom(pulled.revisionId(), pulled.version()).writeTo(dir);
        if (pulled.note() != null) err.println("laurel rules pull: " + pulled.note());
        int rules = pulled.bundle().part(RuleBundle.RULES).size(), scenarios = pulled.bundle().part(RuleBundle.SCENARIOS).size();
        out.println((pulled.revisionId() == null ? "Version " + pulled.version() : "Revision " + pulled.revisionId() + " (" + pulled.version() + ")")
                + ": " + rules + " rule file(s) in " + dir.resolve("rules") + ", " + scenarios + " scenario(s) in " + dir.resolve("scenarios"));
        out.println("Edit them, check with ./laurel check " + dir.resolve("rules") + " --scenarios " + dir.resolve("scenarios")
                + ", then: ./laurel rules push " + dir + " --note \"why\"");
        return 0;
    }

    static int push(RulesArgs a, Map<String, String> env, PrintStream out, PrintStream err) {
        RuleBundle bundle;
        Long base = a.base();
        try {
            if (a.dir() != null) {
                bundle = RuleBundle.fromDirectory(a.dir());
                PulledFrom from = PulledFrom.readFrom(a.dir());
                if (base == null && from != null) base = from.revision();
            } else {
                bundle = RuleBundle.fromDirectories(a.rules(), a.scenarios());
            }
        } catch (RuleSetException e) {
            throw CommandFailure.problems("cannot read the files: " + CommandFailure.oneLine(e));
        } catch (UncheckedIOException e) {
            throw CommandFailure.failed("cannot read the files: " + e.getCause().getMessage());
        }
        if (bundle.part(RuleBundle.RULES).isEmpty()) throw CommandFailure.usage("no rule file (.drl, .yaml) under " + (a.dir() != null ? a.dir().resolve("rules") : a.rules()));
        if (!bundle.hasScenarios()) err.println("laurel rules push: no scenario file: the draft's check will fail (\"no scenario\")");
        try (RuleSource source = source(a, env)) {
            RuleSource.Pushed pushed = source.push(bundle, base, a.draftTitle(), a.note());
            Replies.Draft draft = pushed.draft();
            Report.draft(out, draft);
            Report.diff(out, pushed.diff(), draft.baseRevisionId() != null ? draft.baseRevisionId() : base, pushed.diffNote());
            if (!draft.checkPassed()) {
                out.println("Not ready for review: correct the files and push again, or edit the draft on the service.");
                return CommandFailure.PROBLEMS;
            }
            if (a.propose() && draft.id() != null) {
                Replies.Draft proposed = source.propose(draft.id(), a.note());
                out.println("Proposed for review: draft " + draft.id() + " is " + (proposed.status() == null ? "proposed" : proposed.status())
                        + "; someone else with the POLICY or ADMIN role approves it, then it can be published.");
            } else if (draft.id() != null) {
                out.println("Next: propose it for review (POST /api/v1/ruleset/drafts/" + draft.id() + "/propose with a note, "
                        + "or push again with --propose).");
            }
            return 0;
        }
    }

    static RuleSource source(RulesArgs a, Map<String, String> env) {
        if (a.db() != null) return new DatabaseRules(a.db(), env, "cli " + System.getProperty("user.name"));
        return new HttpRules(new LaurelHttp(a.url(), a.user(), env));
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw CommandFailure.failed("cannot read " + dir + ": " + e.getMessage());
        }
    }
}
