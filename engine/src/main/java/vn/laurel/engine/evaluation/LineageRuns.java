package vn.laurel.engine.evaluation;

import vn.laurel.engine.history.History;
import vn.laurel.engine.lineage.Lineage;
import vn.laurel.engine.lineage.LineagePolicy;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.CompiledRegime;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;

/**
 * A collective with predecessors: each award asked reads whose history counts before a merger or split from its own
 * dated parameter ({@code <award>.predecessor_history}, {@link LineagePolicy}); the awards are grouped by policy
 * (usually one group) and each group is decided in one session on the subject with the history that policy gives it
 * ({@link Lineage}). Every answer carries a note naming the predecessors used and the policy. The members, decided
 * once before, are the same for every group: people's service continues on their own record. Only predecessors
 * whose event is dated on or before the appraisal date ({@code asOf}) count: one recorded later for a later day
 * never reshapes an earlier question's history.
 */
final class LineageRuns {
    private LineageRuns() {}

    /** The awards of one policy; the policy is empty where the parameter has no value in force (or is not declared). */
    private record Group(Optional<LineagePolicy> policy, List<String> awards) {}

    static Run run(RuleSet rules, CaseDocument doc, RegimeChoice choice, SessionRunner sessions, MemberRuns members,
                   Set<String> asked) {
        Subject subject = doc.subject();
        SubjectKind kind = subject.kind();
        CompiledRegime compiled = choice.compiled();
        Map<Optional<LineagePolicy>, Group> groups = new LinkedHashMap<>();
        Map<String, ParameterUse> uses = new LinkedHashMap<>();
        for (String award : asked) {
            String name = LineagePolicy.parameterOf(award);
            Parameter parameter = rules.parameters().get(name);
            Optional<ParameterUse> use = parameter == null ? Optional.empty()
                    : parameter.resolve(doc.asOf(), doc.submittedOn(), doc.organisation());
            use.ifPresent(u -> uses.put(award, u));
            Optional<LineagePolicy> policy = use.flatMap(u -> LineagePolicy.of(u.value()));
            groups.computeIfAbsent(policy, p -> new Group(p, new ArrayList<>())).awards().add(award);
        }

        Map<String, AwardResult> byAward = new HashMap<>();
        Set<String> askedInGroup = new HashSet<>();
        List<FiredRule> fired = new ArrayList<>();
        List<ParameterUse> parameters = new ArrayList<>();
        History first = null;
        for (Group group : groups.values()) {
            Lineage.Result lineage = group.policy().map(p -> Lineage.resolve(subject, p, doc.asOf())).orElse(null);
            Subject inherited = lineage == null ? subject : lineage.subject();
            Set<String> groupAsked = new LinkedHashSet<>(group.awards());
            Run run = sessions.run(new History(inherited, members.histories()), compiled.withPrerequisites(groupAsked, kind), groupAsked);
            if (first == null) first = run.history();
            fired.addAll(run.fired());
            Answers.addDistinct(parameters, run.parameters());
            String representative = group.awards().get(0);
            for (AwardResult r : run.results()) {
                boolean askedHere = groupAsked.contains(r.award());
                String award = askedHere ? r.award() : representative;
                String name = LineagePolicy.parameterOf(award);
                Localized note = lineage == null ? Lineage.noPolicyNote(subject, name, doc.asOf()) : Lineage.note(lineage, name);
                AwardResult noted = withParameter(Answers.withNote(r, note), uses.containsKey(award) ? name : null);
                // An award asked in one group and required in another is answered as asked.
                if (askedHere) {
                    byAward.put(r.award(), noted);
                    askedInGroup.add(r.award());
                } else if (!askedInGroup.contains(r.award())) {
                    byAward.putIfAbsent(r.award(), noted);
                }
            }
        }
        uses.values().forEach(u -> Answers.addDistinct(parameters, List.of(u)));
        List<AwardResult> results = new ArrayList<>();
        for (String code : compiled.withPrerequisites(asked, kind)) {
            AwardResult r = byAward.get(code);
            if (r != null) results.add(r);
        }
        return new Run(first, null, List.copyOf(results), List.copyOf(fired), List.copyOf(parameters));
    }

    private static AwardResult withParameter(AwardResult r, String parameter) {
        if (parameter == null) return r;
        Set<String> names = new LinkedHashSet<>(r.parameterNames());
        names.add(parameter);
        return new AwardResult(r.award(), r.name(), r.outcome(), r.criteria(), r.notes(), r.quota(), Set.copyOf(names));
    }
}
