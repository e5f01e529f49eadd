package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.laurel.engine.RepoPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleSetLoaderTest {
    @TempDir
    Path dir;

    static final String HEADER = """
            package laurel.test;
            import vn.laurel.engine.evaluation.Evaluation;
            import vn.laurel.engine.model.Rating;
            """;

    /** The metadata of a rule of LAW_2022 (on two lines: the tests' line numbers count them). */
    static final String META = """
                @regimes("LAW_2022") @award("ADVANCED_LABORER") @criterion("X") @legalBasis("a") @legalBasisVi("b")
                @confidence("VERIFIED") @en("e") @vi("v")
            """;

    Path copyOfRepoRules() throws IOException {
        return RepoPaths.copyOfRules(dir);
    }

    RuleSetException loadFails(Path rules) {
        return catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules));
    }

    @Test
    void the_repository_rules_load_with_advanced_laborer_modelled_under_law_2022() {
        RuleSet rules = RuleSetLoader.load(RepoPaths.rules());
        assertThat(rules.regimes()).extracting("code").containsExactly("LAW_2013", "LAW_2022", "LAW_2026_PROVISIONAL");
        assertThat(rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")).extracting("criterion").containsExactly(
                "RATING_GOOD_OR_BETTER", "EMULATION_PARTICIPATION", "MIN_SERVICE_MONTHS", "NO_DISCIPLINE_IN_YEAR",
                "ABSENCE_BELOW_LIMIT", "NO_PENDING_MATTER");
        assertThat(rules.compiled("LAW_2013").models("UNIT_CERTIFICATE_OF_MERIT")).isFalse();
        assertThat(rules.version()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void the_version_is_a_content_hash_the_same_files_give_the_same_version() throws IOException {
        Path rules = copyOfRepoRules();
        String first = RuleSetLoader.load(rules).version();
        assertThat(RuleSetLoader.load(rules).version()).isEqualTo(first);
        assertThat(RuleSetLoader.load(RepoPaths.rules()).version()).isEqualTo(first);

        Path params = rules.resolve("parameters/advanced-laborer.yaml");
        Files.writeString(params, Files.readString(params).replace("value: 40", "value: 41"));
        assertThat(RuleSetLoader.load(rules).version()).isNotEqualTo(first);
    }

    @Test
    void a_syntax_error_is_reported_with_file_and_line() throws IOException {
        Path rules = copyOfRepoRules();
        Files.writeString(rules.resolve("awards/broken.drl"), HEADER + """
                rule "broken"
                when
                    $e : Evaluation( year > )
                then
                end
                """);
        RuleSetException e = loadFails(rules);
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/broken.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isGreaterThan(0);
        });
        assertThat(e.getMessage()).contains("awards/broken.drl:6:");
    }

    @Test
    void an_unknown_fact_field_is_reported_with_file_and_line() throws IOException {
        Path rules = copyOfRepoRules();
        Files.writeString(rules.resolve("awards/typo.drl"), HEADER + """
                rule "typo"
                """ + META + """
                when
                    $e : Evaluation( yeer > 2000 )
                then
                end
                """);
        RuleSetException e = loadFails(rules);
        assertThat(e.getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/typo.drl");
            assertThat(p.line()).isBetween(4, 9);
            assertThat(p.message()).contains("yeer");
        });
    }

    @Test
    void every_broken_file_is_reported_not_only_the_first() throws IOException {
        Path rules = copyOfRepoRules();
        String broken = HEADER + "rule \"b\" when $e : Evaluation( year > ) then end\n";
        Files.writeString(rules.resolve("awards/one.drl"), broken.replace("rule \"b\"", "rule \"b1\""));
        Files.writeString(rules.resolve("awards/two.drl"), broken.replace("rule \"b\"", "rule \"b2\""));
        assertThat(loadFails(rules).getProblems()).extracting(RuleProblem::file)
                .contains("awards/one.drl", "awards/two.drl");
    }

    @Test
    void a_rule_without_its_metadata_is_refused() throws IOException {
        Path rules = copyOfRepoRules();
        Files.writeString(rules.resolve("awards/bare.drl"), HEADER + """
                rule "bare" @regimes("LAW_2022")
                when
                    $e : Evaluation( year > 2000 )
                then
                end
                """);
        assertThat(loadFails(rules).getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/bare.drl");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("@award", "@legalBasis", "@confidence");
        });
    }

    @Test
    void a_rule_naming_an_undeclared_award_or_parameter_is_refused() throws IOException {
        Path rules = copyOfRepoRules();
        Files.writeString(rules.resolve("awards/unknowns.drl"), HEADER + """
                rule "unknowns"
                """ + META.replace("ADVANCED_LABORER", "NO_SUCH_AWARD") + """
                when
                    $e : Evaluation( $y : year, $h : history )
                then
                    $e.record($h.ratingIn($y).atLeast($e.param("no.such.parameter")));
                end
                """);
        assertThat(loadFails(rules).getProblems()).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown award \"NO_SUCH_AWARD\""))
                .anySatisfy(m -> assertThat(m).contains("unknown parameter \"no.such.parameter\""));
    }

    @Test
    void a_rule_asking_for_an_undeclared_attestation_is_refused_at_its_line() throws IOException {
        Path rules = copyOfRepoRules();
        Files.writeString(rules.resolve("awards/attest.drl"), HEADER + """
                rule "attest"
                """ + META + """
                when
                    $e : Evaluation( $y : year, $h : history )
                then
                    $e.record($h.attestation("FAVOURITE_OF_THE_BOSS", $y).attested());
                end
                """);
        assertThat(loadFails(rules).getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("awards/attest.drl");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("unknown attestation \"FAVOURITE_OF_THE_BOSS\"");
        });
    }

    @Test
    void a_malformed_parameter_file_is_reported_with_its_line() throws IOException {
        Path rules = copyOfRepoRules();
        Files.writeString(rules.resolve("parameters/bad.yaml"), "x.y:\n  values:\n    - from: not-a-date\n      value: 3\n");
        assertThat(loadFails(rules).getProblems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("parameters/bad.yaml");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void overlapping_regimes_are_refused_because_a_date_must_select_one() throws IOException {
        Path rules = copyOfRepoRules();
        Path regimes = rules.resolve("regimes.yaml");
        Files.writeString(regimes, Files.readString(regimes).replace("to: 2026-09-30", "to: 2026-10-01"));
        assertThat(loadFails(rules).getProblems()).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("overlap"));
    }

    @Test
    void a_reload_builds_again_only_the_regimes_whose_rules_changed() throws IOException {
        Path rules = copyOfRepoRules();
        RuleSet first = RuleSetLoader.load(rules);
        RuleSet same = RuleSetLoader.load(rules);
        for (String regime : java.util.List.of("LAW_2013", "LAW_2022", "LAW_2026_PROVISIONAL")) {
            assertThat(same.compiled(regime).kieBase()).as(regime).isSameAs(first.compiled(regime).kieBase());
        }

        // An edit inside a rule of LAW_2022 only: the other regimes compile that rule's text blanked, unchanged.
        Path drl = rules.resolve("awards/grassroots-emulation-soldier.drl");
        insideFirstRuleOf(drl, "LAW_2022", "    // an edit by policy staff");
        RuleSet edited = RuleSetLoader.load(rules);
        assertThat(edited.compiled("LAW_2022").kieBase()).isNotSameAs(first.compiled("LAW_2022").kieBase());
        assertThat(edited.compiled("LAW_2013").kieBase()).isSameAs(first.compiled("LAW_2013").kieBase());
        assertThat(edited.compiled("LAW_2022").criteriaOf("GRASSROOTS_EMULATION_SOLDIER")).extracting("criterion")
                .containsExactlyElementsOf(first.compiled("LAW_2022").criteriaOf("GRASSROOTS_EMULATION_SOLDIER").stream().map(c -> c.criterion()).toList());

        // An edit outside the rules of a file every regime compiles: every regime builds again.
        Path shared = rules.resolve("awards/creative-labor-certificate.drl");
        Files.writeString(shared, Files.readString(shared) + "\n// shared by every regime\n");
        RuleSet sharedEdited = RuleSetLoader.load(rules);
        for (String regime : java.util.List.of("LAW_2013", "LAW_2022", "LAW_2026_PROVISIONAL")) {
            assertThat(sharedEdited.compiled(regime).kieBase()).as(regime).isNotSameAs(edited.compiled(regime).kieBase());
        }
    }

    /** Puts a line after the "then" of the first rule of the file whose @regimes is exactly {@code regime}. */
    static void insideFirstRuleOf(Path file, String regime, String line) throws IOException {
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).contains("@regimes(\"" + regime + "\")")) continue;
            for (int j = i; j < lines.size(); j++) {
                if (lines.get(j).trim().equals("then")) {
                    lines.add(j + 1, line);
                    Files.write(file, lines);
                    return;
                }
            }
        }
        throw new AssertionError("no rule of " + regime + " alone in " + file);
    }
}
