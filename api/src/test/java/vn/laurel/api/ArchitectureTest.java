package vn.laurel.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Every room holds one kind of thing (docs/architecture.md, "Packages"): no two packages of the
 * service depend on each other, the engine knows nothing of the service, and SQL lives in the store.
 * The engine's own packages are checked in the engine module (engine's ArchitectureTest).
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.laurel");

    /** The APIs a class uses to talk to the database: JDBC, the data source and its pool, the PostgreSQL driver. */
    private static final String[] JDBC = {"java.sql..", "javax.sql..", "io.micronaut.data.jdbc..", "io.micronaut.data.connection..",
            "org.postgresql.."};

    /**
     * The hash chains (decisions, flags, the rule-set change log) and their heads: each is appended
     * inside the transaction of the store that writes the record it chains, on that store's connection.
     */
    private static final Set<String> HASH_CHAINS = Set.of("vn.laurel.api.audit.AuditChain", "vn.laurel.api.audit.FlagChain",
            "vn.laurel.api.audit.Head", "vn.laurel.api.rules.changes.RuleChangeLog",
            // and the decision chain's verifier, which streams it on cursors of its own (issue 20)
            "vn.laurel.api.audit.DecisionChainVerifier", "vn.laurel.api.audit.Feed");

    @Test
    void no_package_of_the_service_depends_on_another_that_depends_back_on_it() {
        slices().matching("vn.laurel.api.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void the_engine_never_depends_on_the_service() {
        noClasses().that().resideInAPackage("vn.laurel.engine..")
                .should().dependOnClassesThat().resideInAPackage("vn.laurel.api..")
                .check(CLASSES);
    }

    /**
     * SQL only in the store: the store package (the fact and entity tables, read and written, and
     * what every store shares), a class named *Store beside the feature whose tables it keeps
     * (decisions, batches, rules, drafts, checkpoints, sessions, imports), a Micronaut Data
     * *Repository, and the hash chains.
     */
    @Test
    void only_the_store_talks_to_the_database() {
        noClasses().that().resideInAPackage("vn.laurel.api..").and(DescribedPredicate.not(THE_STORE))
                .should().dependOnClassesThat().resideInAnyPackage(JDBC)
                .check(CLASSES);
    }

    private static final DescribedPredicate<JavaClass> THE_STORE = DescribedPredicate.describe("in the store", c -> {
        String outer = topLevel(c);
        String simple = outer.substring(outer.lastIndexOf('.') + 1);
        return c.getPackageName().equals("vn.laurel.api.store") || c.getPackageName().startsWith("vn.laurel.api.store.")
                || simple.endsWith("Store") || simple.endsWith("Repository")
                || HASH_CHAINS.contains(outer);
    });

    /**
     * The class a nested class, a lambda's class or a class Micronaut generated ({@code $FactStore$Definition})
     * belongs to: the rule is about the classes written by hand.
     */
    private static String topLevel(JavaClass c) {
        String name = c.getName();
        String pkg = c.getPackageName();
        String local = name.substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
        while (local.startsWith("$")) local = local.substring(1);
        int nested = local.indexOf('$');
        return pkg + "." + (nested < 0 ? local : local.substring(0, nested));
    }
}
