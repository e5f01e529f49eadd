package vn.laurel.engine.evaluation;

import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.history.History;
import vn.laurel.engine.lineage.Lineage;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;
import java.util.function.Supplier;

/**
 * Evaluates a case document against a rule set — the engine's public face. The rule set is taken
 * once at the start, so an evaluation finishes on the rules it began with even if a reload swaps
 * them meanwhile. The work is done by one class per job:
 * <ul>
 *   <li>{@link RegimeChoice} — the regime in force on the appraisal date, and the awards asked;</li>
 *   <li>{@link SessionRunner} — a KIE session per subject, awards decided in dependency order;</li>
 *   <li>{@link MemberRuns} — a collective's members decided first for the awards its criteria count
 *       ({@code @memberAwards}), with {@link Quotas} applied among them;</li>
 *   <li>{@link LineageRuns} — for a unit with predecessors, a session per policy of whose history counts
 *       before a merger (awards grouped by their {@code predecessor_history} parameter);</li>
 *   <li>{@link Answers} — the answer assembled from what the sessions recorded.</li>
 * </ul>
 * A unit with its members as separate cases (a batch, a candidates list) is evaluated on top of
 * this, by the {@code UnitEvaluator} of the unit package.
 */
public final class Evaluator {
    private final Supplier<RuleSet> ruleSets;
    private final boolean trace;
    private final CriterionOverride forced;

    public Evaluator(Supplier<RuleSet> ruleSets) {
        this(ruleSets, true);
    }

    public Evaluator(Supplier<RuleSet> ruleSets, boolean trace) {
        this(ruleSets, trace, null);
    }

    private Evaluator(Supplier<RuleSet> ruleSets, boolean trace, CriterionOverride forced) {
        this.ruleSets = ruleSets;
        this.trace = trace;
        this.forced = forced;
    }

    /** The criterion mutation check's evaluator: one criterion rule forced to a status (see {@link CriterionOverride}). */
    public static Evaluator forcing(RuleSet rules, CriterionOverride forced) {
        return new Evaluator(() -> rules, false, Objects.requireNonNull(forced));
    }

    public EvaluationResult evaluate(CaseDocument doc) {
        return evaluate(ruleSets.get(), doc);
    }

    public EvaluationResult evaluate(RuleSet rules, CaseDocument doc) {
        return evaluate(rules, doc, Map.of());
    }

    /**
     * As above, for a collective whose members were already decided on the same rules, year and date
     * (a batch decides a unit's people before the unit): their answers are reused instead of deciding
     * them again. A member is reused only if its answer covers every award the collective's criteria
     * count; otherwise it is decided here as usual. The parameters listed for the collective then
     * include those its reused members' other awards used.
     */
    public EvaluationResult evaluate(RuleSet rules, CaseDocument doc, Map<String, EvaluationResult> decidedMembers) {
        return evaluate(rules, doc, decidedMembers, RegimeChoice.of(rules, doc));
    }

    /**
     * As {@link #evaluate(RuleSet, CaseDocument)}, under the named regime whatever the appraisal date: a
     * projection that assumes a regime's criteria continue where a later regime has none (projection.EarliestYears).
     * Never used for a decision: the regime of a decision is the one in force on its appraisal date.
     */
    public EvaluationResult evaluateUnder(RuleSet rules, CaseDocument doc, String regime) {
        return evaluate(rules, doc, Map.of(), RegimeChoice.under(rules, doc, regime));
    }

    /** The awards a case asks (every award for its subject's kind when it names none), each checked as an evaluation checks it. */
    public static List<AwardDefinition> awardsAsked(RuleSet rules, CaseDocument doc) {
        return RegimeChoice.awardsAsked(rules, doc);
    }

    private EvaluationResult evaluate(RuleSet rules, CaseDocument doc, Map<String, EvaluationResult> decidedMembers, RegimeChoice choice) {
        if (choice.regime() == null) return Answers.notModelled(rules, doc, choice.asked());
        Set<String> asked = choice.askedCodes();
        SessionRunner sessions = new SessionRunner(rules, choice, doc, trace, forced);
        MemberRuns members = MemberRuns.decide(rules, sessions, doc, asked, decidedMembers);
        // A unit with predecessors by the appraisal date: its history before a merger depends on each award's policy (engine.lineage).
        Run main = Lineage.applies(doc.subject(), doc.asOf()) ? LineageRuns.run(rules, doc, choice, sessions, members, asked)
                : sessions.run(new History(doc.subject(), members.histories()),
                        choice.compiled().withPrerequisites(asked, doc.subject().kind()), asked);
        List<ParameterUse> parameters = new ArrayList<>(members.parameters());
        Answers.addDistinct(parameters, main.parameters());
        return Answers.of(rules, doc, choice.regime(), main, parameters, members.results());
    }
}
