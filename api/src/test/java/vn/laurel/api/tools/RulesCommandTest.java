package vn.laurel.api.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.api.tools.rules.CommandFailure;
import vn.laurel.api.tools.rules.PulledFrom;
import vn.laurel.api.tools.rules.Replies;
import vn.laurel.api.tools.rules.Report;
import vn.laurel.api.tools.rules.RulesArgs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./laurel rules pull|push} without a service: the command line, its refusals (exit 2 with
 * one line and the usage), an unreachable service, and how the service's answers are read and
 * shown. {@code RulesCommandApiTest} runs both against the real service.
 */
class RulesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "sha256:" + "ab".repeat(32);

    record Run(int exit, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = RulesCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void without_a_command_or_with_an_unknown_one_it_is_a_usage_error() {
        for (String[] args : new String[][] {{}, {"fetch", "x"}, {"--url", "http://x"}}) {
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("usage: laurel rules pull DIR");
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("--help").exit()).isZero();
        assertThat(run("--help").out()).contains("laurel rules push DIR --note");
    }

    @Test
    void each_command_has_a_help_of_its_options() {
        Run pull = run("pull", "--help");
        assertThat(pull.exit()).isZero();
        assertThat(pull.out()).contains("Usage: laurel rules pull", "--revision=N", "--version=sha256:...", "--db=JDBC_URL", "Exit codes:");
        Run push = run("push", "d", "-h");
        assertThat(push.exit()).isZero();
        assertThat(push.out()).contains("Usage: laurel rules push", "--note=WHY", "--propose", "--base=N");
        assertThat(push.err()).isEmpty();
    }

    @Test
    void pull_refuses_bad_arguments_naming_them(@TempDir Path tmp) {
        String dir = tmp.resolve("out").toString();
        assertUsage(run("pull"), "name the directory to write");
        assertUsage(run("pull", dir, "other"), "one directory only");
        assertUsage(run("pull", dir, "--revision", "12", "--version", VERSION), "either --revision or --version");
        assertUsage(run("pull", dir, "--revision", "twelve"), "--revision takes a revision number");
        assertUsage(run("pull", dir, "--revision", "0"), "--revision takes a revision number");
        assertUsage(run("pull", dir, "--version", "sha256:abc"), "--version takes a rule-set version");
        assertUsage(run("pull", dir, "--url", "http://127.0.0.1:1", "--db", "jdbc:h2:mem:x"), "either --url or --db");
        assertUsage(run("pull", dir, "--db", "postgres://x"), "--db takes a JDBC URL");
        assertUsage(run("pull", dir, "--url", "ftp://x"), "--url must start with http://");
        assertUsage(run("pull", dir, "--user", "policy"), "--user takes NAME:PASSWORD");
        assertUsage(run("pull", dir, "--note", "x"), "--note is an option of push, not of pull");
        assertUsage(run("pull", dir, "--frobnicate"), "unknown option --frobnicate");
        assertUsage(run("pull", dir, "--revision"), "--revision needs a value");
        assertUsage(run("pull", dir, "--revision", "1", "--revision", "2"), "--revision given twice");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void pull_refuses_a_directory_that_is_not_empty_and_writes_nothing(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        Run r = run("pull", tmp.toString(), "--url", "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("laurel rules pull: " + tmp + " is not empty: pull writes into a new or empty directory");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(tmp.resolve("notes.txt"));
        }
    }

    @Test
    void push_refuses_bad_arguments_naming_them(@TempDir Path tmp) throws IOException {
        Path dir = pulledLayout(tmp.resolve("d"));
        String d = dir.toString();
        assertUsage(run("push", d), "say why with --note");
        assertUsage(run("push", d, "--note", "  "), "say why with --note");
        assertUsage(run("push", "--note", "why"), "name the directory to push");
        assertUsage(run("push", "--note", "why", "--rules", dir.resolve("rules").toString()), "give --rules and --scenarios together");
        assertUsage(run("push", d, "--note", "why", "--rules", dir.resolve("rules").toString(), "--scenarios", dir.resolve("scenarios").toString()),
                "either DIR or --rules and --scenarios");
        assertUsage(run("push", tmp.toString(), "--note", "why"), "has no rules/ folder");
        assertUsage(run("push", d, "--note", "why", "--base", "-3"), "--base takes a revision number");
        assertUsage(run("push", d, "--note", "why", "--propose", "--db", "jdbc:h2:mem:x"), "--propose needs a running service");
        assertUsage(run("push", d, "--note", "why", "--revision", "3"), "--revision is an option of pull, not of push");
        assertUsage(run("push", d, "--note", "why", "--title", " "), "--title may not be blank");
        assertUsage(run("push", "--note", "why", "--rules", tmp.resolve("none").toString(), "--scenarios", d), "is not a directory");
    }

    @Test
    void a_service_that_cannot_be_reached_is_one_line_and_exit_2(@TempDir Path tmp) throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        Run pull = run("pull", tmp.resolve("out").toString(), "--url", url);
        assertThat(pull.exit()).isEqualTo(2);
        assertThat(pull.err().strip()).isEqualTo("laurel rules pull: cannot reach " + url
                + " (connection refused): is the service running? (--url or LAUREL_URL)");
        assertThat(tmp.resolve("out")).doesNotExist();

        Run push = run(Map.of("LAUREL_URL", url), "push", pulledLayout(tmp.resolve("d")).toString(), "--note", "why");
        assertThat(push.exit()).isEqualTo(2);
        assertThat(push.err()).contains("cannot reach " + url).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void the_service_url_and_credentials_come_from_options_then_the_environment() {
        RulesArgs a = RulesArgs.parse(new String[] {"pull", "d"}, Map.of());
        assertThat(a.url()).isEqualTo("http://127.0.0.1:8080");
        assertThat(RulesArgs.parse(new String[] {"pull", "d"}, Map.of("LAUREL_URL", "https://laurel.example/")).url())
                .isEqualTo("https://laurel.example");
        assertThat(RulesArgs.parse(new String[] {"pull", "d", "--url", "http://h:1"}, Map.of("LAUREL_URL", "http://other")).url())
                .isEqualTo("http://h:1");
        RulesArgs db = RulesArgs.parse(new String[] {"pull", "d", "--db", "jdbc:postgresql://127.0.0.1/laurel"}, Map.of("LAUREL_URL", "http://x"));
        assertThat(db.url()).isNull();
        assertThat(db.db()).isEqualTo("jdbc:postgresql://127.0.0.1/laurel");
        RulesArgs push = RulesArgs.parse(new String[] {"push", "--rules", ".", "--scenarios", ".", "--note", "Raise the months\nbecause of decree 9"},
                Map.of());
        assertThat(push.draftTitle()).isEqualTo("Raise the months");
        assertThat(RulesArgs.parse(new String[] {"push", "--rules", ".", "--scenarios", ".", "--note", "n", "--title", "T"}, Map.of()).draftTitle())
                .isEqualTo("T");
        assertThatThrownBy(() -> RulesArgs.parse(new String[] {"pull"}, Map.of()))
                .isInstanceOfSatisfying(CommandFailure.class, f -> assertThat(f.exitCode()).isEqualTo(2));
    }

    @Test
    void a_pulled_directory_remembers_its_revision_for_push(@TempDir Path tmp) {
        new PulledFrom(12L, VERSION).writeTo(tmp);
        assertThat(PulledFrom.readFrom(tmp)).isEqualTo(new PulledFrom(12L, VERSION));
        assertThat(PulledFrom.readFrom(tmp.resolve("elsewhere"))).isNull();
    }

    @Test
    void a_draft_and_its_diff_are_read_as_the_service_is_assumed_to_write_them() throws IOException {
        JsonNode draft = JSON.readTree("""
                {"id": 14, "status": "OPEN", "baseRevisionId": 12, "title": "Eight months",
                 "check": {"passed": false,
                           "problems": [{"file": "rules/awards/advanced-laborer.drl", "line": 12, "column": 5, "severity": "ERROR",
                                         "message": "unknown parameter advanced_laborer.min_months"}],
                           "scenarios": 452, "scenarioFailures": 1,
                           "failures": [{"field": "scenarios/advanced-laborer/x.yaml", "message": "expected ELIGIBLE, got NOT_ELIGIBLE"}]}}""");
        Replies.Draft d = Replies.draft(draft);
        assertThat(d.id()).isEqualTo(14);
        assertThat(d.checkPassed()).isFalse();
        JsonNode diff = JSON.readTree("""
                {"files": [{"path": "rules/parameters/advanced-laborer.yaml", "change": "CHANGED",
                            "hunks": [{"header": "@@ -3,1 +3,1 @@", "lines": ["-      value: 6", "+      value: 8"]}]},
                           {"path": "scenarios/advanced-laborer/new.yaml", "change": "ADDED", "hunks": []}]}""");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Report.draft(out, d);
        Report.diff(out, Replies.diff(diff), d.baseRevisionId(), null);
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsSubsequence(
                "Draft 14 (OPEN), based on revision 12: Eight months",
                "Check: FAILED - 1 problem(s), 452 scenario(s), 1 failing",
                "  rules/awards/advanced-laborer.drl:12:5: unknown parameter advanced_laborer.min_months",
                "  scenarios/advanced-laborer/x.yaml: expected ELIGIBLE, got NOT_ELIGIBLE",
                "2 file(s) changed against revision 12:",
                "--- a/rules/parameters/advanced-laborer.yaml",
                "+++ b/rules/parameters/advanced-laborer.yaml",
                "@@ -3,1 +3,1 @@",
                "-      value: 6",
                "+      value: 8",
                "  ADDED scenarios/advanced-laborer/new.yaml");
    }

    @Test
    void missing_fields_in_the_answers_give_no_exception() throws IOException {
        Replies.Draft d = Replies.draft(JSON.readTree("{\"draft\": {\"id\": 3}}"));
        assertThat(d.id()).isEqualTo(3);
        assertThat(d.problems()).isEmpty();
        assertThat(d.checkPassed()).isTrue();
        assertThat(Replies.draft(JSON.readTree("{\"id\": 3, \"check\": {\"problems\": [{\"message\": \"x\"}]}}")).checkPassed()).isFalse();
        assertThat(Replies.diff(JSON.readTree("{}"))).isEmpty();
        assertThat(Replies.diff(JSON.readTree("[{\"path\": \"rules/a.yaml\"}]"))).singleElement()
                .satisfies(f -> assertThat(f.change()).isEqualTo("CHANGED"));
        assertThat(Replies.active(JSON.readTree("{\"version\": \"" + VERSION + "\"}"))).isEqualTo(new Replies.Active(VERSION, null));
        assertThat(Replies.active(JSON.readTree("{\"version\": \"v\", \"revision\": {\"id\": 7}}")).revisionId()).isEqualTo(7L);
        assertThat(Replies.revisions(JSON.readTree("{\"revisions\": [{\"id\": 2, \"rulesVersion\": \"v\"}, {\"id\": \"x\"}]}")))
                .containsExactly(new Replies.RevisionRef(2, "v"));
    }

    private static void assertUsage(Run r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElse("")).contains(message);
        assertThat(r.err()).contains("usage: laurel rules");
        assertThat(r.out()).isEmpty();
    }

    /** A directory as pull writes it, with one rule file and one scenario. */
    private static Path pulledLayout(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("rules"));
        Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(dir.resolve("rules/regimes.yaml"), "regimes: []\n");
        Files.writeString(dir.resolve("scenarios/a.yaml"), "name: a\n");
        return dir;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
