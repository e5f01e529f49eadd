package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.laurel.engine.ruleset.SmallRuleSet.HEADER;

/**
 * A rule's action is one $e.record(…) and nothing else (issue 17): refused otherwise on every path
 * that writes rules (strict loading), with the file, line and column of what is refused and a
 * sentence for policy staff; a version stored before still loads (lenient loading).
 */
class ActionShapeTest {
    @TempDir
    Path dir;

    static final String REGIMES = "LAW_2013 LAW_2022 LAW_2026_PROVISIONAL";

    /** A rule whose action is {@code action}, after a first rule that is well formed. */
    static String file(String action) {
        return HEADER + SmallRuleSet.rule("ADVANCED_LABORER: rated good or better", "ADVANCED_LABORER", "RATING", REGIMES,
                "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));")
                + SmallRuleSet.rule("ADVANCED_LABORER: months of service", "ADVANCED_LABORER", "SERVICE", REGIMES, action);
    }

    Path rules(String text) throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), text);
        return rules;
    }

    /** {what, the action, the text the problem points at (its line and column are checked), words of the message}. */
    static Stream<String[]> refused() {
        return Stream.of(
                new String[] {"a local variable", "int months = 6;\n    $e.record($h.monthsOfServiceAtEndOf($year).atLeast(months));",
                        "int months", "local variable (months)"},
                new String[] {"if", "if ($e.flag(\"test.exclude_new_hires\")) {\n        $e.record($h.monthsOfServiceAtEndOf($year).atLeast(10));\n"
                        + "    } else {\n        $e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));\n    }", "if (", "\"if\""},
                new String[] {"? :", "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(\n        $e.flag(\"test.exclude_new_hires\") ? 10 : 6));",
                        "$e.flag(\"test.exclude_new_hires\") ?", "\"? :\""},
                new String[] {"text joined with +", "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(6)\n        .as(\"từ \" + 6 + \" tháng\", \"at least 6 months\"));",
                        "\"từ \" +", "text joined with +"},
                new String[] {"kcontext", "$e.record(kcontext, $h.monthsOfServiceAtEndOf($year).atLeast(6));", "kcontext", "\"kcontext\" is not needed"},
                new String[] {"two statements", "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));\n    $e.record($h.ratingIn($year).atLeast(Rating.EXCELLENT));",
                        "$e.record($h.ratingIn($year).atLeast(Rating.EXCELLENT", "a second $e.record"},
                new String[] {"a call besides the record", "$e.getYear();\n    $e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));", "$e.getYear", "is not $e.record"},
                new String[] {"an assignment", "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(6).as(\"a\", \"b\", $year = 1));", "$year = 1", "assignment"},
                new String[] {"new", "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(new java.math.BigDecimal(6)));", "new java", "\"new\""},
                new String[] {"a lambda", "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(((java.util.function.Supplier<Integer>) () -> 6).get()));",
                        "() ->", "lambda"},
                new String[] {"a loop", "for (int i = 0; i < 1; i++) $e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));", "for (", "loop"},
                new String[] {"no record at all", "$e.getYear();", "$e.getYear", "is not $e.record"},
                new String[] {"an empty action", "", "rule \"ADVANCED_LABORER: months of service\"", "has no action"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void an_action_other_than_one_record_is_refused_at_its_line_and_column(String what, String action, String at, String words) throws IOException {
        String text = file(action);
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(text)));
        assertThat(e).as(what).isNotNull();
        int line = lineOf(text, at), column = text.split("\n", -1)[line - 1].indexOf(at) + 1;
        assertThat(e.getProblems()).as(what).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/advanced-laborer.drl");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).contains(words, "an action is one $e.record(…) and nothing else", "rules/README.md");
        });
        assertThat(e.getProblems()).as("the well-formed first rule is not blamed").noneMatch(p -> p.line() < 13);
    }

    @Test
    void one_check_expression_with_arithmetic_on_numbers_and_values_in_names_is_accepted() throws IOException {
        String text = file("$e.record(Check.allOf(\n        $h.monthsOfServiceAtEndOf($year - 1).atLeast($e.param(\"test.min_service_months\").intValue() - 4)\n"
                + "            .as(\"từ {0} tháng\", \"at least {0} months\", $e.param(\"test.min_service_months\").intValue() - 4),\n"
                + "        $h.yearsRated(Rating.GOOD, $year - 2, $year).atLeast(1)));")
                .replace("import vn.laurel.engine.model.Rating;", "import vn.laurel.engine.model.Rating;\nimport vn.laurel.engine.criteria.Check;");
        RuleSet rules = RuleSetLoader.load(rules(text));
        assertThat(rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("criterion").containsExactly("RATING", "SERVICE");
        assertThat(RuleSetLoader.authoringProblems(dir.resolve("rules"))).isEmpty();
    }

    /** A rule set as published before issue 17: a folder per regime, common/, actions with kcontext and branches. */
    Path formerRuleSet() throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("former"));
        Path regimes = rules.resolve("regimes.yaml");
        Files.writeString(regimes, Files.readString(regimes)
                .replace("    legalBasis: { vi: Luật 2013", "    folder: law-2013\n    legalBasis: { vi: Luật 2013")
                .replace("    legalBasis: { vi: Luật 2022", "    folder: law-2022\n    legalBasis: { vi: Luật 2022"));
        Files.delete(rules.resolve("awards"));
        String old = HEADER.replace("laurel.awards", "laurel.law2022") + SmallRuleSet.rule("ADVANCED_LABORER 2022: service", "ADVANCED_LABORER",
                "SERVICE", null, "int months = $e.flag(\"test.exclude_new_hires\") ? $e.param(\"test.min_service_months\").intValue() : 0;\n"
                        + "    if (months > 0) {\n        $e.record(kcontext, $h.monthsOfServiceAtEndOf($year).atLeast(months)\n"
                        + "            .as(\"từ \" + months + \" tháng\", \"at least \" + months + \" months\"));\n"
                        + "    } else {\n        $e.record(kcontext, $h.monthsOfServiceAtEndOf($year).atLeast(0));\n    }");
        Files.createDirectories(rules.resolve("law-2022"));
        Files.writeString(rules.resolve("law-2022/advanced-laborer.drl"), old);
        Files.createDirectories(rules.resolve("common"));
        Files.writeString(rules.resolve("common/advanced-soldier.drl"), HEADER.replace("laurel.awards", "laurel.common")
                + SmallRuleSet.rule("ADVANCED_SOLDIER: rated", "ADVANCED_SOLDIER", "RATING", null,
                "$e.record(kcontext, $h.ratingIn($year).atLeast(Rating.GOOD));"));
        return rules;
    }

    @Test
    void a_rule_set_in_the_former_form_loads_leniently_and_is_refused_strictly_with_each_reason() throws IOException {
        Path former = formerRuleSet();
        RuleSet lenient = RuleSetLoader.load(former, LoadMode.LENIENT);
        assertThat(lenient.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("criterion").containsExactly("SERVICE");
        assertThat(lenient.compiled("LAW_2013").models("ADVANCED_SOLDIER")).isTrue();

        List<RuleProblem> problems = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(former)).getProblems();
        String text = Files.readString(former.resolve("law-2022/advanced-laborer.drl"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("regimes.yaml");
            assertThat(p.line()).isEqualTo(lineOf(Files.readString(former.resolve("regimes.yaml")), "folder: law-2013"));
            assertThat(p.message()).contains("\"folder:\" is the former layout");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("common/advanced-soldier.drl");
            assertThat(p.message()).contains("one file per award under awards/");
        });
        assertThat(problems).filteredOn(p -> p.file().equals("law-2022/advanced-laborer.drl")).extracting(RuleProblem::line)
                .contains(1, lineOf(text, "int months"), lineOf(text, "if (months"));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("\"kcontext\" is not needed"));
        List<RuleProblem> form = RuleSetLoader.authoringProblems(former);
        assertThat(form).isNotEmpty().allSatisfy(p -> assertThat(problems).contains(p));

        // The same through a zip, as stored versions are kept.
        byte[] zip = RuleArchive.zip(former);
        assertThat(RuleArchive.load(zip, LoadMode.LENIENT).version()).isEqualTo(lenient.version());
        assertThat(RuleArchive.authoringProblems(zip)).isEqualTo(RuleSetLoader.authoringProblems(former));
        assertThat(catchThrowableOfType(RuleSetException.class, () -> RuleArchive.load(zip))).isNotNull();
    }

    @Test
    void the_allow_list_applies_to_a_lenient_load_as_to_a_strict_one() throws IOException {
        Path former = formerRuleSet();
        Path file = former.resolve("common/advanced-soldier.drl");
        Files.writeString(file, Files.readString(file).replace("    $e.record(kcontext,", "    new java.util.Formatter(\"x\").close();\n    $e.record(kcontext,"));
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(former, LoadMode.LENIENT));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("common/advanced-soldier.drl");
            assertThat(p.message()).contains("java.util.Formatter", "not on the allow-list");
        });
    }

    static int lineOf(String text, String snippet) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(snippet)) return i + 1;
        throw new AssertionError("no line holds " + snippet);
    }
}
