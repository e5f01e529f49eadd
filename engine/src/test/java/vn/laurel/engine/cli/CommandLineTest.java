package vn.laurel.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of {@code ./laurel check|evaluate}: help, usage errors and their exit codes. */
class CommandLineTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void every_command_has_a_help_with_its_options_and_exit_codes() {
        Run check = run("check", "--help");
        assertThat(check.exit()).isEqualTo(Cli.OK);
        assertThat(check.out()).contains("Usage: laurel check", "RULES_DIR", "--scenarios=DIR", "--format=text|json", "Exit codes:", "2   usage error");
        Run evaluate = run("evaluate", "-h");
        assertThat(evaluate.exit()).isEqualTo(Cli.OK);
        assertThat(evaluate.out()).contains("Usage: laurel evaluate", "CASE_FILE", "--rules=DIR", "--lang=vi|en", "Exit codes:");
        assertThat(run("--help").out()).contains("check", "evaluate");
    }

    @Test
    void without_a_command_or_with_an_unknown_one_it_is_a_usage_error() {
        Run none = run();
        assertThat(none.exit()).isEqualTo(Cli.USAGE);
        assertThat(none.err()).contains("Usage: laurel");
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).contains("frobnicate");
    }

    @Test
    void a_usage_error_names_the_command_and_the_mistake_then_shows_the_usage() {
        Run option = run("check", "--frobnicate");
        assertThat(option.exit()).isEqualTo(Cli.USAGE);
        assertThat(option.err()).startsWith("laurel check: Unknown option: '--frobnicate'").contains("Usage: laurel check");
        Run value = run("check", "--format");
        assertThat(value.exit()).isEqualTo(Cli.USAGE);
        assertThat(value.err()).contains("--format");
        Run format = run("evaluate", "case.yaml", "--format", "xml");
        assertThat(format.exit()).isEqualTo(Cli.USAGE);
        assertThat(format.err()).contains("expected one of [text, json]");
        assertThat(run("evaluate", "case.yaml", "--lang", "fr").exit()).isEqualTo(Cli.USAGE);
        assertThat(option.out()).isEmpty();
    }

    @Test
    void evaluate_needs_a_case_file_it_can_read(@TempDir Path dir) {
        Run none = run("evaluate");
        assertThat(none.exit()).isEqualTo(Cli.USAGE);
        assertThat(none.err()).startsWith("laurel evaluate: evaluate needs a case file");
        Path file = dir.resolve("no-such-case.yaml");
        Run missing = run("evaluate", file.toString(), "--rules", RepoPaths.rules().toString());
        assertThat(missing.exit()).as(missing.err()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).startsWith("laurel evaluate: cannot read " + file);
        Run twice = run("evaluate", "--rules", RepoPaths.rules().toString(), file.toString(), "--rules", dir.resolve("no-rules").toString());
        assertThat(twice.exit()).as("the last --rules wins (the launcher gives its default first): " + twice.err()).isEqualTo(Cli.FAILED);
        assertThat(twice.err()).contains("no-rules").doesNotContain("cannot read");
    }
}
