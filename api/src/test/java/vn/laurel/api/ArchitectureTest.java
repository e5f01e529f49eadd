package vn.laurel.api;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
     * Classes outside the store that still use JDBC, each with the reason it is not moved yet: they lie
     * in files other work of issue 17 is changing at the same time. Remove an entry when its SQL has
     * moved to a store; the list must only shrink.
     */
    private static final Map<String, String> NOT_YET_IN_A_STORE = Map.ofEntries(
            Map.entry("vn.laurel.api.rules.RuleFollower", "rules/**: helper A (strict and lenient loading)"),
            Map.entry("vn.laurel.api.rules.RuleSetArchive", "rules/**: helper A"),
            Map.entry("vn.laurel.api.rules.drafts.ApprovedDraftRules", "rules/**: helper A"),
            Map.entry("vn.laurel.api.rules.drafts.DraftApprovals", "rules/**: helper A"),
            Map.entry("vn.laurel.api.rules.drafts.DraftService", "rules/**: helper A"),
            Map.entry("vn.laurel.api.batch.OutcomeCopy", "batch/**: helper C"),
            Map.entry("vn.laurel.api.decisions.CandidatesService", "decisions/**: helper C (the case built in one place)"),
            Map.entry("vn.laurel.api.preview.Population", "the unit tree walked in one place: helper C"),
            Map.entry("vn.laurel.api.scope.ScopeGuard", "the unit tree walked in one place: helper C"));

    /**
     * The hash chains (decisions, flags, the rule-set change log) and their heads: each is appended
     * inside the transaction of the store that writes the record it chains, on that store's connection.
     */
    private static final Set<String> HASH_CHAINS = Set.of("vn.laurel.api.audit.AuditChain", "vn.laurel.api.audit.FlagChain",
            "vn.laurel.api.audit.Head", "vn.laurel.api.rules.changes.RuleChangeLog");

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

    @Test
    void the_list_of_classes_not_yet_in_a_store_names_only_classes_that_still_need_it() {
        List<String> stale = NOT_YET_IN_A_STORE.keySet().stream().sorted().filter(name -> CLASSES.stream()
                .filter(c -> topLevel(c).equals(name))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .noneMatch(d -> Arrays.stream(JDBC).anyMatch(p -> d.getTargetClass().getPackageName().startsWith(p.replace("..", "")))))
                .toList();
        if (!stale.isEmpty()) throw new AssertionError("no JDBC any more (or gone), remove from NOT_YET_IN_A_STORE: " + stale);
    }

    private static final DescribedPredicate<JavaClass> THE_STORE = DescribedPredicate.describe("in the store", c -> {
        String outer = topLevel(c);
        String simple = outer.substring(outer.lastIndexOf('.') + 1);
        return c.getPackageName().equals("vn.laurel.api.store") || c.getPackageName().startsWith("vn.laurel.api.store.")
                || simple.endsWith("Store") || simple.endsWith("Repository")
                || HASH_CHAINS.contains(outer) || NOT_YET_IN_A_STORE.containsKey(outer);
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
