package vn.laurel.engine.ruleset;

import org.kie.api.KieBase;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.regime.Regime;

import java.util.*;

/**
 * One regime's rules compiled into their own KieBase, with the criteria their metadata declares.
 * The KieBase is null when the regime has no rule files yet: every award is then not modelled.
 */
public record CompiledRegime(Regime regime, KieBase kieBase, List<CriterionDefinition> criteria) {
    /**
     * The awards an award's criteria depend on (metadata {@code @requires}), to be decided first for
     * the same subject; and the awards its members must be evaluated for ({@code @memberAwards}).
     */
    public Set<String> prerequisitesOf(String award, SubjectKind kind) {
        return collect(award, kind, CriterionDefinition::requires);
    }

    public Set<String> memberAwardsOf(String award) {
        return collect(award, SubjectKind.COLLECTIVE, CriterionDefinition::memberAwards);
    }

    /** The awards asked plus, transitively, everything their criteria for this kind of subject require. */
    public Set<String> withPrerequisites(Collection<String> awards, SubjectKind kind) {
        Set<String> all = new LinkedHashSet<>(awards);
        Deque<String> todo = new ArrayDeque<>(awards);
        while (!todo.isEmpty()) {
            for (String p : prerequisitesOf(todo.pop(), kind)) if (all.add(p)) todo.add(p);
        }
        return all;
    }

    private Set<String> collect(String award, SubjectKind kind, java.util.function.Function<CriterionDefinition, List<String>> f) {
        Set<String> out = new LinkedHashSet<>();
        criteriaOf(award, kind).forEach(c -> out.addAll(f.apply(c)));
        return out;
    }

    public List<CriterionDefinition> criteriaOf(String award) {
        return criteria.stream().filter(c -> c.award().equals(award)).toList();
    }

    /** The criteria that decide the award for a subject of this kind. */
    public List<CriterionDefinition> criteriaOf(String award, SubjectKind kind) {
        return criteria.stream().filter(c -> c.award().equals(award) && c.appliesTo(kind)).toList();
    }

    public boolean models(String award) {
        return criteria.stream().anyMatch(c -> c.award().equals(award));
    }

    public boolean models(String award, SubjectKind kind) {
        return criteria.stream().anyMatch(c -> c.award().equals(award) && c.appliesTo(kind));
    }
}
