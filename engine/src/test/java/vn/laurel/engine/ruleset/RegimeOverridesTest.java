package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.catalogue.CriterionDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.laurel.engine.ruleset.SmallRuleSet.HEADER;

/**
 * A rule written once for several regimes says where a regime differs in what answers quote
 * (its legal basis, confidence, sentences) with {@code @key_REGIME("…")}, which applies under that
 * regime only; the rule's {@code @key("…")} applies under the others.
 */
class RegimeOverridesTest {
    @TempDir
    Path dir;

    static final String ALL = "LAW_2013 LAW_2022 LAW_2026_PROVISIONAL";

    /** One rule for every regime, its legal basis and confidence different in 2013 and 2026. */
    static String rating(String regimes, String overrides) {
        return """
                rule "ADVANCED_LABORER: rated good or better"
                    @regimes("%s")
                    @award("ADVANCED_LABORER") @criterion("RATING")
                    @legalBasis("Law 06/2022/QH15, art. 24")
                    @legalBasisVi("Luật 06/2022/QH15, Điều 24")
                %s    @confidence("VERIFIED") @en("{actual} / {required}") @vi("{actual} / {required}")
                when
                    $e : Evaluation( person, $year : year, $h : history )
                then
                    $e.record($h.ratingIn($year).atLeast(Rating.GOOD));
                end
                """.formatted(regimes, overrides);
    }

    private Path rules(String text) throws IOException {
        Path rules = SmallRuleSet.write(dir.resolve("rules"));
        Files.writeString(rules.resolve("awards/advanced-laborer.drl"), HEADER + text);
        return rules;
    }

    private static CriterionDefinition only(RuleSet rules, String regime) {
        assertThat(rules.compiled(regime).criteriaOf("ADVANCED_LABORER")).hasSize(1);
        return rules.compiled(regime).criteriaOf("ADVANCED_LABORER").get(0);
    }

    @Test
    void an_override_applies_under_its_regime_and_the_default_under_the_others() throws IOException {
        RuleSet rules = RuleSetLoader.load(rules(rating(ALL, """
                    @legalBasis_LAW_2013("Law on Emulation and Commendation 2003 (amended 2013), art. 24")
                    @legalBasisVi_LAW_2013("Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 24")
                    @confidence_LAW_2026_PROVISIONAL("UNCONFIRMED")
                """)));

        CriterionDefinition law2013 = only(rules, "LAW_2013");
        assertThat(law2013.legalBasis().en()).isEqualTo("Law on Emulation and Commendation 2003 (amended 2013), art. 24");
        assertThat(law2013.legalBasis().vi()).isEqualTo("Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013), Điều 24");
        assertThat(law2013.confidence()).isEqualTo("VERIFIED");

        CriterionDefinition law2022 = only(rules, "LAW_2022");
        assertThat(law2022.legalBasis().en()).isEqualTo("Law 06/2022/QH15, art. 24");
        assertThat(law2022.legalBasis().vi()).isEqualTo("Luật 06/2022/QH15, Điều 24");
        assertThat(law2022.confidence()).isEqualTo("VERIFIED");

        CriterionDefinition law2026 = only(rules, "LAW_2026_PROVISIONAL");
        assertThat(law2026.legalBasis().en()).isEqualTo("Law 06/2022/QH15, art. 24");
        assertThat(law2026.confidence()).isEqualTo("UNCONFIRMED");
        assertThat(law2026.rule()).isEqualTo(law2013.rule()).isEqualTo("ADVANCED_LABORER: rated good or better");
    }

    @Test
    void sentences_and_member_awards_may_differ_by_regime_too() throws IOException {
        RuleSet rules = RuleSetLoader.load(rules(rating(ALL, """
                    @en_LAW_2013("2013: {actual} / {required}") @vi_LAW_2013("2013 vi: {actual} / {required}")
                    @requires_LAW_2022("ADVANCED_SOLDIER")
                """)));
        assertThat(only(rules, "LAW_2013").template().en()).isEqualTo("2013: {actual} / {required}");
        assertThat(only(rules, "LAW_2013").template().vi()).isEqualTo("2013 vi: {actual} / {required}");
        assertThat(only(rules, "LAW_2013").requires()).isEmpty();
        assertThat(only(rules, "LAW_2022").template().en()).isEqualTo("{actual} / {required}");
        assertThat(only(rules, "LAW_2022").requires()).containsExactly("ADVANCED_SOLDIER");
    }

    @Test
    void an_override_for_a_regime_the_rule_does_not_list_or_that_does_not_exist_is_refused_where_it_is_written() throws IOException {
        String text = rating("LAW_2022 LAW_2026_PROVISIONAL", """
                    @legalBasis_LAW_2013("Law 2013, art. 24")
                    @confidence_LAW_2033("UNCONFIRMED")
                """);
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(text)));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/advanced-laborer.drl");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("ADVANCED_LABORER: rated good or better", "@legalBasis_LAW_2013",
                    "LAW_2013", "not one of the regimes this rule lists", "LAW_2022 LAW_2026_PROVISIONAL");
        });
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).contains("@confidence_LAW_2033", "\"LAW_2033\"", "not a regime of regimes.yaml");
        });
    }

    @Test
    void the_award_the_criterion_and_the_regimes_are_never_overridden() throws IOException {
        String text = rating(ALL, """
                    @award_LAW_2013("ADVANCED_SOLDIER")
                    @criterion_LAW_2022("OTHER")
                    @regimes_LAW_2013("LAW_2022")
                    @legalbasis_LAW_2013("a typo")
                """);
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(text)));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("@award_LAW_2013", "the award", "same in every regime", "write a rule of its own");
        });
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("@criterion_LAW_2022", "same in every regime");
        });
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.message()).contains("@regimes_LAW_2013", "same in every regime");
        });
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).contains("@legalbasis_LAW_2013", "not an entry a regime may change",
                    "legalBasis, legalBasisVi, confidence, en, vi");
        });
    }

    @Test
    void a_value_an_override_gives_is_checked_as_the_default_is() throws IOException {
        String text = rating(ALL, "    @confidence_LAW_2013(\"PROBABLY\")\n");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules(text)));
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("confidence must be one of", "LAW_2013");
        });
    }
}
