package vn.laurel.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./laurel check} on a copy of the repository's rules, broken in the ways policy staff break them. */
class CheckCommandTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    int check(String... args) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Main(ps, ps).run(all);
    }

    String output() { return out.toString(StandardCharsets.UTF_8); }

    Path rules() throws IOException {
        return RepoPaths.copyOfRules(dir.resolve("rules"));
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void the_repository_rules_are_clean_and_every_scenario_passes() {
        int code = check(RepoPaths.rules().toString(), "--scenarios", RepoPaths.root().resolve("examples/scenarios").toString());
        assertThat(output()).contains("Rules compiled").contains(" 0 failed");
        assertThat(code).isZero();
    }

    @Test
    void a_syntax_error_an_unknown_field_and_a_forbidden_import_are_all_reported_with_file_and_line() throws IOException {
        Path rules = rules();
        Path laborer = rules.resolve("awards/advanced-laborer.drl");
        Path soldier = rules.resolve("awards/advanced-soldier.drl");
        Path grassroots = rules.resolve("awards/grassroots-emulation-soldier.drl");
        // three files, three kinds of mistake
        replace(laborer, "import vn.laurel.engine.model.Rating;", "import vn.laurel.engine.model.Rating;\nimport java.io.File;");
        replace(soldier, "$e : Evaluation( person,", "$e : Evaluation( persn == true,");
        replace(grassroots, "then\n", "then )\n");

        int code = check(rules.toString(), "--scenarios", dir.resolve("none").toString());

        String text = output();
        assertThat(code).isEqualTo(1);
        assertThat(text).contains("awards/advanced-laborer.drl:" + lineOf(laborer, "import java.io.File") + ":8: error: forbidden import java.io.File");
        assertThat(text).containsPattern("awards/advanced-soldier\\.drl:\\d+:\\d+: error: .*persn");
        assertThat(text).containsPattern("awards/grassroots-emulation-soldier\\.drl:[1-9]\\d*:\\d+: error: ");
        assertThat(text).contains("the rules were not loaded");
    }

    @Test
    void rule_bodies_may_not_touch_files_the_network_reflection_threads_or_exit() throws IOException {
        Path rules = rules();
        Path file = rules.resolve("awards/advanced-laborer.drl");
        replace(file, "    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));",
                "    System.exit(1);\n    new java.net.Socket(\"evil\", 80);\n    Class\n        .forName(\"x\").getDeclaredMethods();\n"
                        + "    new Thread(() -> {}).start();\n    // quoting \"System.exit\" in a comment is fine\n"
                        + "    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));");

        check(rules.toString(), "--scenarios", dir.resolve("none").toString(), "--format", "json");

        String json = output();
        assertThat(json).contains("\"line\" : " + lineOf(file, "System.exit(1)"))
                .contains("\"line\" : " + lineOf(file, "java.net.Socket"))
                .contains("\"line\" : " + lineOf(file, ".forName"))
                .contains("\"line\" : " + lineOf(file, "new Thread"))
                .contains("java.lang.System.exit").contains("new java.net.Socket").contains("java.lang.Class.forName")
                .contains("java.lang.Thread");
        assertThat(json).doesNotContain("\"line\" : " + lineOf(file, "quoting") + ",");
    }

    @Test
    void check_never_runs_a_rule_it_refuses_not_even_through_the_scenarios() throws IOException {
        Path rules = rules();
        Path file = rules.resolve("awards/advanced-laborer.drl");
        Path mark = dir.resolve("written-by-a-rule");
        replace(file, "    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));",
                "    new java.util.Formatter(\"" + mark + "\").close();\n    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));");

        int code = check(rules.toString(), "--scenarios", RepoPaths.root().resolve("examples/scenarios").toString());

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("awards/advanced-laborer.drl:" + lineOf(file, "java.util.Formatter") + ":")
                .contains("new java.util.Formatter").contains("the rules were not loaded");
        assertThat(mark).doesNotExist();
    }

    @Test
    void an_action_that_is_more_than_one_record_is_refused_at_its_line_with_a_sentence_for_policy_staff() throws IOException {
        Path rules = rules();
        Path file = rules.resolve("awards/advanced-laborer.drl");
        String record = "    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));";
        String text = Files.readString(file);
        int first = text.indexOf(record);
        assertThat(first).isPositive();
        Files.writeString(file, text.substring(0, first) + "    Rating good = Rating.GOOD;\n"
                + record.replace("Rating.GOOD", "good") + text.substring(first + record.length()));

        assertThat(check(rules.toString(), "--scenarios", dir.resolve("none").toString())).isEqualTo(1);
        assertThat(output()).contains("awards/advanced-laborer.drl:" + lineOf(file, "Rating good = Rating.GOOD") + ":5: error: a local variable (good)")
                .contains("an action is one $e.record(…) and nothing else: move the branch into a helper, see rules/README.md");
    }

    @Test
    void globals_and_functions_are_refused_before_anything_is_compiled() throws IOException {
        Path rules = rules();
        Path file = rules.resolve("awards/advanced-laborer.drl");
        Files.writeString(file, Files.readString(file) + "\nglobal java.util.List leaks;\nfunction int two() { return 2; }\n");

        check(rules.toString(), "--scenarios", dir.resolve("none").toString(), "--format", "json");

        String json = output();
        assertThat(json).contains("\"line\" : " + lineOf(file, "global java.util.List"))
                .contains("\"line\" : " + lineOf(file, "function int two"))
                .contains("is not allowed: a global").contains("is not allowed: a DRL function");
    }

    @Test
    void two_rules_of_one_regime_may_not_share_a_name_even_across_files() throws IOException {
        Path rules = rules();
        Path shared = rules.resolve("awards/creative-labor-certificate.drl"); // its rules name every regime
        String name = firstRuleNaming(rules.resolve("awards/advanced-laborer.drl"), "LAW_2022");
        String first = Files.readAllLines(shared).stream().filter(l -> l.startsWith("rule \"")).findFirst().orElseThrow();
        replace(shared, first, name);

        assertThat(check(rules.toString(), "--scenarios", dir.resolve("none").toString())).isEqualTo(1);
        assertThat(output()).contains("awards/creative-labor-certificate.drl").contains("is already used in regime LAW_2022");
    }

    /** The line "rule \"…\"" of the first rule of the file whose @regimes lists {@code regime}. */
    static String firstRuleNaming(Path file, String regime) throws IOException {
        var lines = Files.readAllLines(file);
        String rule = null;
        for (String line : lines) {
            if (line.startsWith("rule \"")) rule = line;
            else if (rule != null && line.contains("@regimes(") && line.contains(regime)) return rule;
        }
        throw new AssertionError("no rule of " + regime + " in " + file);
    }

    @Test
    void a_failing_scenario_names_expected_actual_and_the_deciding_criterion() throws IOException {
        Path rules = rules();
        replace(rules.resolve("parameters/advanced-laborer.yaml"), "value: 40", "value: 30");

        int code = check(rules.toString(), "--scenarios", RepoPaths.root().resolve("examples/scenarios/advanced-laborer").toString());

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("FAIL").contains("expected ELIGIBLE, got NOT_ELIGIBLE").contains("ABSENCE_BELOW_LIMIT");
    }

    @Test
    void clean_rules_without_scenarios_are_refused_naming_the_folder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-scenarios"));

        assertThat(check(RepoPaths.rules().toString(), "--scenarios", empty.toString())).isEqualTo(1);
        assertThat(output()).contains("FAIL").contains(empty.toString()).contains("holds no scenario");

        out.reset();
        assertThat(check(RepoPaths.rules().toString(), "--scenarios", dir.resolve("missing").toString(), "--format", "json")).isEqualTo(1);
        assertThat(output()).contains("\"ok\" : false").contains(dir.resolve("missing").toString()).contains("does not exist");
    }

    @Test
    void evaluate_refuses_a_case_whose_attestation_code_the_rules_do_not_know() throws IOException {
        Path file = dir.resolve("case.yaml");
        Files.writeString(file, """
                asOf: 2026-01-15
                year: 2025
                awards: [ADVANCED_LABORER]
                subject:
                  id: P-1
                  kind: PERSON
                  hiredOn: 2015-03-01
                  ratings: [ { year: 2025, rating: GOOD } ]
                  attestations: [ { year: 2025, criterion: EMULATION_PARTICPATION, value: true } ]
                """);
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);

        int code = new Main(ps, ps).run(new String[]{"evaluate", file.toString(), "--rules", RepoPaths.rules().toString()});

        assertThat(code).isEqualTo(1);
        assertThat(output()).contains("subject.attestations[0].criterion").contains("EMULATION_PARTICPATION");
    }
}
