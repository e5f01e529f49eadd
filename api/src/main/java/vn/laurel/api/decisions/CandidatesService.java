package vn.laurel.api.decisions;

import jakarta.inject.Singleton;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.store.SubjectRows;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.unit.UnitAnswer;
import vn.laurel.engine.unit.UnitCase;
import vn.laurel.engine.unit.UnitEvaluator;

import java.time.LocalDate;
import java.util.*;

/**
 * Who in a unit (or a whole subtree) is eligible for an award in a year. Everyone is evaluated
 * together, so that a cap on the award (a quota) ranks the candidates beyond it. Nothing is saved:
 * this is a list to work from; a decision is taken subject by subject.
 */
@Singleton
public class CandidatesService {
    private final FactStore facts;
    private final StoredCases cases;
    private final UnitDirectory directory;
    private final RuleSetHolder rules;
    private final RequestLimits limits;

    public CandidatesService(FactStore facts, StoredCases cases, UnitDirectory directory, RuleSetHolder rules, RequestLimits limits) {
        this.facts = facts;
        this.cases = cases;
        this.directory = directory;
        this.rules = rules;
        this.limits = limits;
    }

    /** One candidate: who, where, and the answer for the award. */
    public record Candidate(String subjectId, String name, String unit, AwardResult result) {}

    public record Candidates(String award, int year, LocalDate asOf, String regime, String rulesetVersion, List<String> units,
                             List<Candidate> candidates, List<ParameterUse> parameters) {}

    public Candidates candidates(String award, int year, LocalDate asOf, String unit, boolean includeSubunits) {
        RuleSet ruleSet = rules.current();
        AwardDefinition definition = ruleSet.award(award).orElseThrow(() -> ProblemException.notFound("No award " + award));
        List<String> units = units(unit, includeSubunits);
        boolean forUnits = !definition.appliesTo(SubjectKind.PERSON);
        Set<String> ids = new LinkedHashSet<>();
        if (forUnits) ids.addAll(units);
        else units.forEach(u -> ids.addAll(facts.membersOf(u, year)));
        limits.checkSubjects("unit", ids.size());
        RequestLimits.Deadline deadline = limits.deadline();

        UnitCase together = cases.together(unit, ids, year, asOf, List.of(award));
        UnitAnswer answer = new UnitEvaluator(rules.evaluator()).inParallel()
                .evaluate(ruleSet, together, id -> deadline.check("unit"));
        List<Candidate> out = new ArrayList<>();
        List<ParameterUse> parameters = new ArrayList<>();
        for (int i = 0; i < answer.members().size(); i++) {
            Subject s = together.members().get(i).subject();
            EvaluationResult r = answer.members().get(i);
            out.add(new Candidate(s.id(), s.name(), s.unit(), r.result(award)));
            addDistinct(parameters, r.parameters());
        }
        addDistinct(parameters, answer.quotaParameters(award));
        String regime = answer.members().isEmpty() ? null : answer.members().get(0).regime();
        return new Candidates(award, year, asOf, regime, ruleSet.version(), units, out, parameters);
    }

    /** The unit, and with includeSubunits every unit below it. */
    private List<String> units(String unit, boolean includeSubunits) {
        List<String> subtree = directory.subtree(unit);
        if (subtree.isEmpty()) throw ProblemException.notFound("No unit " + unit);
        return includeSubunits ? subtree : List.of(unit);
    }

    private static void addDistinct(List<ParameterUse> into, Collection<ParameterUse> uses) {
        for (ParameterUse u : uses) if (!into.contains(u)) into.add(u);
    }
}
