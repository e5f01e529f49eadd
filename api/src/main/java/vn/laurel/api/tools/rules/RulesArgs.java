package vn.laurel.api.tools.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@code ./laurel rules pull|push}, checked before anything is read or sent.
 *
 * @param url       the service's base URL (from --url, else LAUREL_URL, else {@value #DEFAULT_URL}); null with --db
 * @param db        a JDBC URL: work on that database directly instead of a running service
 * @param user      {@code name:password} for HTTP Basic (from --user); LAUREL_TOKEN and LAUREL_USER are read by {@link LaurelHttp}
 * @param base      push: the revision the draft is based on (default: the revision DIR was pulled from, else the active one)
 */
public record RulesArgs(String command, Path dir, Long revision, String version, String url, String db, String user,
                        String note, String title, Path rules, Path scenarios, Long base, boolean propose) {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    public static final String USAGE = String.join("\n",
            "usage: laurel rules pull DIR [--revision N | --version sha256:...] [--url URL | --db JDBC_URL] [--user NAME:PASSWORD]",
            "       laurel rules push DIR --note \"why\" [--title TITLE] [--base N] [--propose] [--url URL | --db JDBC_URL] [--user NAME:PASSWORD]",
            "       laurel rules push --rules RULES_DIR --scenarios SCENARIOS_DIR --note \"why\" [...]",
            "  pull writes a revision of the rule set (the active one by default) to DIR/rules and DIR/scenarios; DIR must be new or empty.",
            "  push makes a draft of DIR on the service (or the database), prints its check and its changes; exit 0 when the",
            "  check passes, 1 when it finds problems, 2 for a usage error or a service that cannot be reached.",
            "  The service: --url, else LAUREL_URL, else " + DEFAULT_URL + ". Who you are: --user NAME:PASSWORD, else",
            "  LAUREL_TOKEN (a bearer token), else LAUREL_USER=NAME:PASSWORD.");

    /** Reads the arguments after {@code rules}; throws a usage {@link CommandFailure} naming the first mistake. */
    public static RulesArgs parse(String[] args, Map<String, String> env) {
        if (args.length == 0) throw CommandFailure.usage("say pull or push");
        String command = args[0];
        if (!command.equals("pull") && !command.equals("push")) throw CommandFailure.usage("unknown command " + command + " (pull or push)");
        Object options = RulesOptions.parse(args);
        List<String> positional;
        RulesOptions.Common common;
        String note = null, title = null, revision = null, version = null, base = null;
        Path rules = null, scenarios = null;
        boolean propose = false;
        if (options instanceof RulesOptions.Pull pull) {
            positional = pull.dirs;
            common = pull.common;
            revision = pull.revision;
            version = pull.version;
        } else {
            RulesOptions.Push push = (RulesOptions.Push) options;
            positional = push.dirs;
            common = push.common;
            note = push.note;
            title = push.title;
            rules = push.rules;
            scenarios = push.scenarios;
            base = push.base;
            propose = push.propose;
        }
        String url = common.url, db = common.db, user = common.user;
        if (positional.size() > 1) throw CommandFailure.usage("one directory only (got " + String.join(", ", positional) + ")");
        Path dir = positional.isEmpty() ? null : Path.of(positional.get(0));
        if (url != null && db != null) throw CommandFailure.usage("give either --url or --db, not both");
        if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            throw CommandFailure.usage("--db takes a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/laurel, not " + db);
        }
        if (db == null) {
            if (url == null) url = blankToNull(env.get("LAUREL_URL"));
            if (url == null) url = DEFAULT_URL;
            if (!url.startsWith("http://") && !url.startsWith("https://")) throw CommandFailure.usage("--url must start with http:// or https://, not " + url);
            while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        } else {
            url = null;
        }
        if (user != null && !user.contains(":")) throw CommandFailure.usage("--user takes NAME:PASSWORD");

        Long revisionId = null, baseId = null;
        if (command.equals("pull")) {
            if (dir == null) throw CommandFailure.usage("name the directory to write: laurel rules pull DIR");
            if (revision != null && version != null) throw CommandFailure.usage("give either --revision or --version, not both");
            if (revision != null) revisionId = positiveNumber("--revision", revision);
            if (version != null && !version.matches("sha256:[0-9a-f]{64}")) {
                throw CommandFailure.usage("--version takes a rule-set version such as sha256:3f1c... (64 hex digits), not " + version);
            }
            if (Files.isRegularFile(dir)) throw CommandFailure.usage(dir + " is a file: pull writes into a new or empty directory");
        } else {
            if (note == null || note.isBlank()) throw CommandFailure.usage("say why with --note \"...\": the note goes with the draft");
            if ((rules == null) != (scenarios == null)) throw CommandFailure.usage("give --rules and --scenarios together");
            if (rules != null && dir != null) throw CommandFailure.usage("give either DIR or --rules and --scenarios, not both");
            if (rules == null && dir == null) throw CommandFailure.usage("name the directory to push: laurel rules push DIR --note \"...\"");
            if (dir != null && !Files.isDirectory(dir.resolve("rules"))) {
                throw CommandFailure.usage(dir + " has no rules/ folder (pull writes DIR/rules and DIR/scenarios; "
                        + "for the repository's layout give --rules rules --scenarios examples/scenarios)");
            }
            if (rules != null && !Files.isDirectory(rules)) throw CommandFailure.usage("--rules " + rules + " is not a directory");
            if (scenarios != null && !Files.isDirectory(scenarios)) throw CommandFailure.usage("--scenarios " + scenarios + " is not a directory");
            if (base != null) baseId = positiveNumber("--base", base);
            if (propose && db != null) throw CommandFailure.usage("--propose needs a running service (--url), not --db");
            if (title != null && title.isBlank()) throw CommandFailure.usage("--title may not be blank");
        }
        return new RulesArgs(command, dir, revisionId, version, url, db, user, note, title, rules, scenarios, baseId, propose);
    }

    /** The draft's title: --title, else the note's first line (at most 300 characters, as a draft keeps). */
    public String draftTitle() {
        String t = title != null ? title : note.strip().lines().findFirst().orElse("pushed from a directory");
        return t.length() <= 300 ? t : t.substring(0, 297) + "...";
    }

    private static long positiveNumber(String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw CommandFailure.usage(option + " takes a revision number such as 12, not " + value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
