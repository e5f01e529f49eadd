package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Outcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.laurel.engine.ruleset.SmallRuleSet.HEADER;
import static vn.laurel.engine.ruleset.SmallRuleSet.rule;

/**
 * One file per award under awards/, each rule naming its regimes with @regimes (issue 17): a regime
 * compiles the rules that name it and no other, problems keep their file and line, and a rule
 * records its check with $e.record(check) alone.
 */
class AwardsLayoutTest {
    @TempDir
    Path dir;

    static final String ALL = "LAW_2013 LAW_2022 LAW_2026_PROVISIONAL";

    private Path rules(String advancedLaborer, String advancedSoldier) throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), HEADER + advancedLaborer);
        if (advancedSoldier != null) Files.writeString(rules.resolve("awards/advanced-soldier.drl"), HEADER + advancedSoldier);
        return rules;
    }

    private static EvaluationResult evaluate(RuleSet rules, String yaml) {
        return new Evaluator(() -> rules).evaluate(CaseReader.read(yaml));
    }

    private static CriterionOutcome criterion(AwardResult award, String code) {
        return award.criteria().stream().filter(c -> c.criterion().equals(code)).findFirst().orElseThrow();
    }

    /** Advanced Laborer: a rating rule for every regime, a service rule that differs 2013 / 2022–2026. */
    static final String ADVANCED_LABORER = rule("ADVANCED_LABORER: rated good or better", "ADVANCED_LABORER", "RATING", ALL,
            "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));")
            + "\n" + rule("ADVANCED_LABORER 2013: months of service", "ADVANCED_LABORER", "SERVICE", "LAW_2013",
            "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));")
            + "\n" + rule("ADVANCED_LABORER 2022–2026: months of service", "ADVANCED_LABORER", "SERVICE", "LAW_2022 LAW_2026_PROVISIONAL",
            "$e.record($h.monthsOfServiceAtEndOf($year).atLeast($e.paramIf(\"test.exclude_new_hires\", \"test.min_service_months\")));");

    /** Advanced Soldier: modelled under 2013 only. */
    static final String ADVANCED_SOLDIER = rule("ADVANCED_SOLDIER 2013: rated good or better", "ADVANCED_SOLDIER", "RATING", "LAW_2013",
            "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));");

    @Test
    void each_regime_compiles_the_rules_that_name_it_and_no_other() throws IOException {
        RuleSet rules = RuleSetLoader.load(rules(ADVANCED_LABORER, ADVANCED_SOLDIER));

        assertThat(rules.compiled("LAW_2013").criteriaOf("ADVANCED_LABORER")).extracting("rule")
                .containsExactly("ADVANCED_LABORER: rated good or better", "ADVANCED_LABORER 2013: months of service");
        assertThat(rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("rule")
                .containsExactly("ADVANCED_LABORER: rated good or better", "ADVANCED_LABORER 2022–2026: months of service");
        assertThat(rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("file", "line")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("awards/advanced-laborer.drl", 4),
                        org.assertj.core.groups.Tuple.tuple("awards/advanced-laborer.drl", 24));
        assertThat(rules.compiled("LAW_2022").kieBase().getKiePackage("laurel.awards").getRules()).extracting("name")
                .doesNotContain("ADVANCED_LABORER 2013: months of service", "ADVANCED_SOLDIER 2013: rated good or better");

        assertThat(rules.compiled("LAW_2013").models("ADVANCED_SOLDIER")).isTrue();
        assertThat(rules.compiled("LAW_2022").models("ADVANCED_SOLDIER")).isFalse();
        assertThat(rules.compiled("LAW_2026_PROVISIONAL").models("ADVANCED_SOLDIER")).isFalse();
    }

    @Test
    void an_award_whose_only_rule_is_for_another_regime_is_not_modelled() throws IOException {
        RuleSet rules = RuleSetLoader.load(rules(ADVANCED_LABORER, ADVANCED_SOLDIER));
        EvaluationResult in2022 = evaluate(rules, SmallRuleSet.person("2025-01-15", 2024, "2010-01-01", "ADVANCED_SOLDIER"));
        assertThat(in2022.regime()).isEqualTo("LAW_2022");
        assertThat(in2022.result("ADVANCED_SOLDIER").outcome()).isEqualTo(Outcome.NOT_MODELLED);
        EvaluationResult in2013 = evaluate(rules, SmallRuleSet.person("2020-01-15", 2019, "2010-01-01", "ADVANCED_SOLDIER"));
        assertThat(in2013.result("ADVANCED_SOLDIER").outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void a_rule_records_its_check_without_the_rule_context_and_param_if_reads_the_switch() throws IOException {
        RuleSet rules = RuleSetLoader.load(rules(ADVANCED_LABORER, null));

        // 2025: the switch is on, new hires need 10 months; hired in May 2024 the person has 8.
        AwardResult on = evaluate(rules, SmallRuleSet.person("2025-01-15", 2024, "2024-05-01", "ADVANCED_LABORER")).result("ADVANCED_LABORER");
        assertThat(criterion(on, "RATING").status()).isEqualTo(Status.MET);
        assertThat(criterion(on, "RATING").rule()).isEqualTo("ADVANCED_LABORER: rated good or better");
        assertThat(criterion(on, "SERVICE").status()).isEqualTo(Status.NOT_MET);
        assertThat(criterion(on, "SERVICE").rule()).isEqualTo("ADVANCED_LABORER 2022–2026: months of service");
        assertThat(criterion(on, "SERVICE").required().value()).isEqualTo(10);
        assertThat(on.parameterNames()).containsExactlyInAnyOrder("test.exclude_new_hires", "test.min_service_months");
        assertThat(on.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);

        // 2023 under the 2013 regime: the other service rule, six months.
        AwardResult in2013 = evaluate(rules, SmallRuleSet.person("2023-06-15", 2022, "2022-05-01", "ADVANCED_LABORER")).result("ADVANCED_LABORER");
        assertThat(criterion(in2013, "SERVICE").rule()).isEqualTo("ADVANCED_LABORER 2013: months of service");
        assertThat(criterion(in2013, "SERVICE").status()).isEqualTo(Status.MET);
        assertThat(in2013.outcome()).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void a_compile_error_in_a_rule_of_one_regime_keeps_its_line_and_is_reported_once() throws IOException {
        String broken = ADVANCED_LABORER + "\n" + rule("ADVANCED_LABORER 2026: broken", "ADVANCED_LABORER", "BROKEN", "LAW_2026_PROVISIONAL",
                "$e.record($h.ratingIn($year).atLeast(Rating.GOOOD));");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(broken, null)));
        assertThat(e).isNotNull();
        assertThat(e.getProblems()).filteredOn(p -> p.message().contains("GOOOD")).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("awards/advanced-laborer.drl");
            assertThat(p.line()).isEqualTo(41);
        });
    }

    @Test
    void a_rule_under_awards_without_regimes_or_with_an_unknown_one_is_refused_at_its_line() throws IOException {
        String text = rule("ADVANCED_LABORER: rated good or better", "ADVANCED_LABORER", "RATING", null,
                "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));")
                + rule("ADVANCED_LABORER: months", "ADVANCED_LABORER", "SERVICE", "LAW_2022 LAW_2033",
                "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));")
                + rule("ADVANCED_LABORER: nothing listed", "ADVANCED_LABORER", "OTHER", " ",
                "$e.record($h.monthsOfServiceAtEndOf($year).atLeast(6));");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(text, null)));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/advanced-laborer.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("ADVANCED_LABORER: rated good or better", "does not say which regimes", "@regimes(");
        });
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/advanced-laborer.drl");
            assertThat(p.line()).isEqualTo(13); // the first rule, without @regimes, is a line shorter
            assertThat(p.column()).isEqualTo(24);
            assertThat(p.message()).contains("\"LAW_2033\"", "not a regime", "LAW_2013, LAW_2022, LAW_2026_PROVISIONAL");
        });
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(22);
            assertThat(p.message()).contains("names no regime");
        });
    }

    @Test
    void regimes_outside_awards_is_refused_and_the_former_layout_still_loads() throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        Path regimes = rules.resolve("regimes.yaml");
        Files.writeString(regimes, Files.readString(regimes).replace("    legalBasis: { vi: Luật 2022", "    folder: law-2022\n    legalBasis: { vi: Luật 2022"));
        Files.createDirectories(rules.resolve("law-2022"));
        Files.createDirectories(rules.resolve("common"));
        Files.writeString(rules.resolve("common/advanced-soldier.drl"), HEADER.replace("laurel.awards", "laurel.common")
                + SmallRuleSet.rule("ADVANCED_SOLDIER: rated", "ADVANCED_SOLDIER", "RATING", null,
                "$e.record(kcontext, $h.ratingIn($year).atLeast(Rating.GOOD));"));
        Files.writeString(rules.resolve("law-2022/advanced-laborer.drl"), HEADER.replace("laurel.awards", "laurel.law2022")
                + SmallRuleSet.rule("ADVANCED_LABORER 2022: rated", "ADVANCED_LABORER", "RATING", null,
                "$e.record(kcontext, $h.ratingIn($year).atLeast(Rating.GOOD));"));

        RuleSet old = RuleSetLoader.load(rules, LoadMode.LENIENT);
        assertThat(old.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("rule").containsExactly("ADVANCED_LABORER 2022: rated");
        assertThat(old.compiled("LAW_2022").models("ADVANCED_SOLDIER")).isTrue();
        assertThat(old.compiled("LAW_2013").models("ADVANCED_SOLDIER")).as("common/ is read with a regime's folder only").isFalse();
        AwardResult answer = evaluate(old, SmallRuleSet.person("2025-01-15", 2024, "2010-01-01", "ADVANCED_LABORER")).result("ADVANCED_LABORER");
        assertThat(answer.outcome()).isEqualTo(Outcome.ELIGIBLE);

        Files.writeString(rules.resolve("law-2022/advanced-laborer.drl"), HEADER.replace("laurel.awards", "laurel.law2022")
                + SmallRuleSet.rule("ADVANCED_LABORER 2022: rated", "ADVANCED_LABORER", "RATING", "LAW_2022",
                "$e.record(kcontext, $h.ratingIn($year).atLeast(Rating.GOOD));"));
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules, LoadMode.LENIENT));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("law-2022/advanced-laborer.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("@regimes is read only in files under awards/");
        });
    }

    @Test
    void one_name_may_serve_two_regimes_in_two_rules_but_not_one_regime_twice() throws IOException {
        String twice = rule("ADVANCED_LABORER: rated", "ADVANCED_LABORER", "RATING", "LAW_2013",
                "$e.record($h.ratingIn($year).atLeast(Rating.GOOD));")
                + rule("ADVANCED_LABORER: rated", "ADVANCED_LABORER", "RATING", "LAW_2022 LAW_2026_PROVISIONAL",
                "$e.record($h.ratingIn($year).atLeast(Rating.EXCELLENT));");
        RuleSet rules = RuleSetLoader.load(rules(twice, null));
        assertThat(rules.compiled("LAW_2013").criteriaOf("ADVANCED_LABORER")).extracting("line").containsExactly(4);
        assertThat(rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("line").containsExactly(13);

        String clash = twice.replace("\"LAW_2013\"", "\"LAW_2013 LAW_2022\"");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(clash, null)));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).contains("already used in regime LAW_2022 at awards/advanced-laborer.drl:4");
        });
    }
}
