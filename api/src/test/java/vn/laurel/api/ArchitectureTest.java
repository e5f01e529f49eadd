package vn.laurel.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.laurel");

    @Test
    void apiCycles() {
        slices().matching("vn.laurel.api.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void engineCycles() {
        slices().matching("vn.laurel.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
