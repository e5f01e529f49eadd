package vn.laurel.engine.ruleset;

import org.kie.api.KieBase;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.regime.Regime;

import java.util.List;

/**
 * One regime's rules compiled into their own KieBase, with the criteria their metadata declares.
 * The KieBase is null when the regime has no rule files yet: every award is then not modelled.
 */
public record CompiledRegime(Regime regime, KieBase kieBase, List<CriterionDefinition> criteria) {
    public List<CriterionDefinition> criteriaOf(String award) {
        return criteria.stream().filter(c -> c.award().equals(award)).toList();
    }

    public boolean models(String award) {
        return criteria.stream().anyMatch(c -> c.award().equals(award));
    }
}
