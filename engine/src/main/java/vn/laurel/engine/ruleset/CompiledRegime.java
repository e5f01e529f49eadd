package vn.laurel.engine.ruleset;

import org.kie.api.KieBase;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.regime.Regime;

import java.util.*;

/**
 * One regime's rules compiled into their own KieBase, with the criteria their metadata declares.
 * The KieBase is null when the regime has no rule files yet: every award is then not modelled.
 * The criteria are indexed by award and subject kind once, here: the evaluator asks for them for
 * every award of every subject, and scanning them all each time was a sixth of a batch's work.
 */
public final class CompiledRegime {
    private final Regime regime;
    private final KieBase kieBase;
    private final List<CriterionDefinition> criteria;
    private final Map<String, List<CriterionDefinition>> byAward = new HashMap<>();
    private final Map<SubjectKind, Map<String, List<CriterionDefinition>>> byKind = new EnumMap<>(SubjectKind.class);
    private final Map<String, CriterionDefinition> byRule = new HashMap<>();

    public CompiledRegime(Regime regime, KieBase kieBase, List<CriterionDefinition> criteria) {
        this.regime = regime;
        this.kieBase = kieBase;
        this.criteria = List.copyOf(criteria);
        for (SubjectKind kind : SubjectKind.values()) byKind.put(kind, new HashMap<>());
        for (CriterionDefinition c : this.criteria) {
            byAward.computeIfAbsent(c.award(), k -> new ArrayList<>()).add(c);
            for (SubjectKind kind : SubjectKind.values()) {
                if (c.appliesTo(kind)) byKind.get(kind).computeIfAbsent(c.award(), k -> new ArrayList<>()).add(c);
            }
            byRule.putIfAbsent(c.rule(), c);
        }
        byAward.replaceAll((k, v) -> List.copyOf(v));
        byKind.values().forEach(m -> m.replaceAll((k, v) -> List.copyOf(v)));
    }

    public Regime regime() { return regime; }

    public KieBase kieBase() { return kieBase; }

    public List<CriterionDefinition> criteria() { return criteria; }

    /** The criterion a rule records, by the rule's name; null for a rule that is not a criterion. */
    public CriterionDefinition criterionOfRule(String rule) { return byRule.get(rule); }

    /**
     * The awards an award's criteria depend on (metadata {@code @requires}), to be decided first for
     * the same subject; and the awards its members must be evaluated for ({@code @memberAwards}).
     */
    public Set<String> prerequisitesOf(String award, SubjectKind kind) {
        return collect(award, kind, CriterionDefinition::requires);
    }

    public Set<String> memberAwardsOf(String award) {
        return memberAwardsOf(award, SubjectKind.COLLECTIVE);
    }

    /** As {@link #memberAwardsOf(String)} for a collective of this kind (a unit or an enterprise); none for the others. */
    public Set<String> memberAwardsOf(String award, SubjectKind kind) {
        return kind.isCollective() ? collect(award, kind, CriterionDefinition::memberAwards) : Set.of();
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
        return byAward.getOrDefault(award, List.of());
    }

    /** The criteria that decide the award for a subject of this kind. */
    public List<CriterionDefinition> criteriaOf(String award, SubjectKind kind) {
        return byKind.get(kind).getOrDefault(award, List.of());
    }

    public boolean models(String award) {
        return byAward.containsKey(award);
    }

    public boolean models(String award, SubjectKind kind) {
        return byKind.get(kind).containsKey(award);
    }
}
