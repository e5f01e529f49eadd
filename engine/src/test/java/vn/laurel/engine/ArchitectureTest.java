package vn.laurel.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's packages depend on each other one way (docs/architecture.md, "Packages"). That the
 * engine never depends on the service is checked in the api module, which sees both.
 */
class ArchitectureTest {
    /*
     * Issue 17 broke the cycles that ran through engine.evaluation: Outcome, Status and Decided are
     * the model's (history records a Decided, a scenario expects an Outcome), and the handler of a
     * failing action lives with the rule set, telling any FailureRecorder (the Evaluation) in the session.
     */
    @Test
    void no_package_of_the_engine_depends_on_another_that_depends_back_on_it() {
        JavaClasses engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.laurel.engine");
        slices().matching("vn.laurel.engine.(*)..").should().beFreeOfCycles().check(engine);
    }
}
