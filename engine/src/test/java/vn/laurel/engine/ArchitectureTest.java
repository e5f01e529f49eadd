package vn.laurel.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's packages depend on each other one way (docs/architecture.md, "Packages"). That the
 * engine never depends on the service is checked in the api module, which sees both.
 */
class ArchitectureTest {
    /*
     * The cycles on the tree this test was written on (issue 17), all through engine.evaluation:
     *   history -> evaluation: History imports Outcome (recordDecision) — helper C breaks it;
     *   ruleset -> evaluation: RuleCompiler installs evaluation.RuleFailureHandler on every KieBase,
     *     while Evaluator uses ruleset.RuleSet and CompiledRegime (ruleset is helper A's, evaluation C's);
     *   caseformat -> evaluation: CaseValidator checks a scenario's expected outcome against Outcome,
     *     while Evaluator throws caseformat.CaseFormatException (gone if Outcome leaves evaluation);
     *   caseformat -> ruleset: FactCodes checks codes against a RuleSet (a cycle only through the two above).
     */
    @Disabled("engine.evaluation is in cycles with history, ruleset and caseformat (see above) that helpers A and C "
            + "are changing in issue 17: the lead enables this after merging their branches")
    @Test
    void no_package_of_the_engine_depends_on_another_that_depends_back_on_it() {
        JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.laurel.engine");
        slices().matching("vn.laurel.engine.(*)..").should().beFreeOfCycles().check(engine);
    }
}
