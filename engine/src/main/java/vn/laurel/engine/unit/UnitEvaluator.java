package vn.laurel.engine.unit;

import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.evaluation.Quotas;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way to evaluate a unit with its members: the members' answers, the caps applied among them
 * ({@link Quotas}), then the unit's own awards decided on its members' outcomes. The unit's case
 * reuses the members' answers (before any cap, as the rules gave them) instead of deciding them again.
 */
public final class UnitEvaluator {
    private final Evaluator evaluator;
    private final boolean parallel;

    /** Members decided one after another (a batch, which already spreads its units over the cores). */
    public UnitEvaluator(Evaluator evaluator) {
        this(evaluator, false);
    }

    private UnitEvaluator(Evaluator evaluator, boolean parallel) {
        this.evaluator = evaluator;
        this.parallel = parallel;
    }

    /** The same, with the members spread over the cores (one long list a request waits for). */
    public UnitEvaluator inParallel() {
        return new UnitEvaluator(evaluator, true);
    }

    public UnitAnswer evaluate(RuleSet rules, UnitCase unit) {
        return evaluate(rules, unit, id -> {});
    }

    /**
     * As above; {@code decided} hears the id of each subject once its answer is made (from several
     * threads at once when in parallel), for progress or a deadline: what it throws ends the evaluation.
     */
    public UnitAnswer evaluate(RuleSet rules, UnitCase unit, Consumer<String> decided) {
        Function<CaseDocument, EvaluationResult> one = doc -> {
            EvaluationResult answer = evaluator.evaluate(rules, doc);
            decided.accept(doc.subject().id());
            return answer;
        };
        // The common pool, shared by every request, as before: a pool per request would let concurrent
        // candidates lists start a core's worth of threads each.
        List<EvaluationResult> answers = parallel
                ? unit.members().parallelStream().map(one).toList() : unit.members().stream().map(one).toList();
        List<Subject> subjects = unit.members().stream().map(CaseDocument::subject).toList();
        Quotas.Capped capped = Quotas.capTogether(rules.parameters(), unit.asOf(), unit.organisation(), subjects, answers);
        EvaluationResult own = null;
        if (unit.unit() != null) {
            Map<String, EvaluationResult> byMember = new HashMap<>();
            answers.forEach(a -> byMember.put(a.subjectId(), a));
            own = evaluator.evaluate(rules, unit.unit(), byMember);
            decided.accept(unit.unit().subject().id());
        }
        return new UnitAnswer(capped.answers(), own, capped.parameters());
    }
}
