package vn.laurel.api.preview;

import jakarta.inject.Singleton;
import vn.laurel.api.decisions.DecisionStore;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.ProblemException;

import java.time.LocalDate;
import java.util.*;

/** Whom a preview evaluates: the persons of a unit (and its subunits) in a year, or the subjects of recent decisions. */
@Singleton
public class Population {
    private final DecisionStore decisions;
    private final FactStore facts;
    private final UnitDirectory directory;

    public Population(DecisionStore decisions, FactStore facts, UnitDirectory directory) {
        this.decisions = decisions;
        this.facts = facts;
        this.directory = directory;
    }

    /** One subject to evaluate under both rule sets. */
    public record Target(String subjectId, int year, LocalDate asOf, List<String> awards) {}

    /**
     * The persons whose membership covers 31 December of the year in the unit, and with
     * {@code includeSubunits} in every unit below it (org_unit.parent_code).
     */
    public List<Target> ofUnit(String unit, boolean includeSubunits, int year, LocalDate asOf, List<String> awards) {
        List<String> units = includeSubunits ? directory.subtree(unit) : List.of(unit);
        if (units.isEmpty()) throw ProblemException.badField("unit", "no unit with code " + unit);
        Set<String> persons = new TreeSet<>();
        for (String u : units) persons.addAll(facts.membersOf(u, year));
        return persons.stream().map(id -> new Target(id, year, asOf, awards)).toList();
    }

    /** The last n saved decisions, each evaluated again for its subject, year, appraisal date and awards. */
    public List<Target> lastDecisions(int n) {
        return decisions.latest(n).stream().map(d -> new Target(d.subjectId(), d.evaluationYear(), d.asOf(), awards(d.outcomes()))).toList();
    }

    /** Outcomes read "ADVANCED_LABORER=ELIGIBLE,…": the awards that decision answered. */
    private static List<String> awards(String outcomes) {
        return Arrays.stream(outcomes.split(",")).map(s -> s.split("=")[0].trim()).filter(s -> !s.isEmpty()).toList();
    }
}
