package vn.laurel.api.decisions;

import jakarta.inject.Singleton;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetArchive;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.QuotaInfo;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Instant;
import java.util.*;

/**
 * Renders a decision kept as a compact record: its question asked again of the rules of its version,
 * with the facts as known when it was saved (or the case document that was submitted), and the answer
 * checked against the record. Equal: the answer is the one given then. Not equal, or not renderable
 * (rules no longer kept, the subject gone): the record is all there is, and the reader is told so.
 */
@Singleton
public class DecisionRenderer {
    private final FactStore facts;
    private final StoredCases cases;
    private final RuleSetHolder rules;
    private final RuleSetArchive archive;

    public DecisionRenderer(FactStore facts, StoredCases cases, RuleSetHolder rules, RuleSetArchive archive) {
        this.facts = facts;
        this.cases = cases;
        this.rules = rules;
        this.archive = archive;
    }

    /**
     * A rendering: the answer (null when none could be made), whether its record is the stored one,
     * why not, and the stored record as maps.
     */
    public record Rendered(EvaluationResult result, boolean matches, String problem, Map<String, Object> record, Map<String, Object> rendered) {}

    /** The decision as its record says it was decided. */
    public Rendered render(DecisionRecord d) {
        return render(d, false);
    }

    /**
     * With {@code current}: the same question asked of today's rules and facts (a stored case document is
     * its own facts), compared with the record — what a replay "with current" shows.
     */
    public Rendered render(DecisionRecord d, boolean current) {
        Map<String, Object> record;
        CompactRecord.Question q;
        try {
            record = CompactRecord.read(d.recordText());
            q = CompactRecord.question(record);
        } catch (RuntimeException e) {
            return new Rendered(null, false, "the stored record cannot be read: " + e.getMessage(), safeRecord(d), null);
        }
        Optional<RuleSet> ruleSet;
        try {
            ruleSet = current ? Optional.of(rules.current()) : archive.byVersion(d.rulesetVersion());
        } catch (ProblemException e) {
            return new Rendered(null, false, e.getMessage(), record, null);
        }
        if (ruleSet.isEmpty()) {
            return new Rendered(null, false, "the rules of version " + d.rulesetVersion() + " are not kept: the record is all there is", record, null);
        }
        EvaluationResult result;
        try {
            result = evaluate(ruleSet.get(), q, current ? null : d.createdAt(), current);
        } catch (NoSuchElementException e) {
            return new Rendered(null, false, e.getMessage(), record, null);
        }
        if (!current) result = withQuotas(result, CompactRecord.quotas(record));
        String text = CompactRecord.write(q, result);
        boolean matches = text.equals(d.recordText());
        return new Rendered(result, matches, matches ? null : current ? "today's answer differs from the record"
                : "the answer rendered from the record's question differs from the record", record, CompactRecord.read(text));
    }

    private EvaluationResult evaluate(RuleSet ruleSet, CompactRecord.Question q, Instant knownAt, boolean current) {
        if (q.submitted() != null) return rules.evaluator().evaluate(ruleSet, q.submitted());
        Subject subject = facts.subject(q.subjectId(), knownAt)
                .orElseThrow(() -> new NoSuchElementException(q.subjectId() + " is not in the store"));
        CaseDocument read = cases.caseOf(subject, q.year(), q.asOf(), q.awards(), knownAt);
        // The organisation the decision was taken under (a list's top unit sets it for everyone on the list).
        CaseDocument doc = current ? read : new CaseDocument(null, q.asOf(), q.year(), q.awards(), q.organisation(), subject, read.members(), Map.of());
        if (q.memberAwards() == null || doc.members().isEmpty()) return rules.evaluator().evaluate(ruleSet, doc);
        // A batch decided the unit's people first and reused their answers for the unit: so again.
        Map<String, EvaluationResult> decided = new HashMap<>();
        for (Subject m : doc.members()) {
            CaseDocument own = new CaseDocument(null, q.asOf(), q.year(), q.memberAwards(), doc.organisation(), m, List.of(), Map.of());
            decided.put(m.id(), rules.evaluator().evaluate(ruleSet, own));
        }
        return rules.evaluator().evaluate(ruleSet, doc, decided);
    }

    /** The cap's places as recorded, on awards the rules again found eligible (a cap only ranks those). */
    static EvaluationResult withQuotas(EvaluationResult r, Map<String, QuotaInfo> quotas) {
        if (quotas.isEmpty()) return r;
        List<AwardResult> results = new ArrayList<>();
        for (AwardResult a : r.results()) {
            QuotaInfo q = quotas.get(a.award());
            if (q == null || a.outcome() != Outcome.ELIGIBLE) {
                results.add(a);
                continue;
            }
            QuotaInfo info = new QuotaInfo(q.allowed(), q.candidates(), q.rank(), q.base(), q.capPct(), q.capCount(), q.rounding(),
                    q.rankedBy(), Explainer.label("quota.note", q.allowed(), q.candidates(), q.rank()));
            Outcome outcome = q.rank() <= q.allowed() || q.candidates() <= q.allowed() ? Outcome.ELIGIBLE : Outcome.ELIGIBLE_SUBJECT_TO_QUOTA;
            results.add(new AwardResult(a.award(), a.name(), outcome, a.criteria(), a.notes(), info, a.parameterNames()));
        }
        return new EvaluationResult(r.subjectId(), r.subjectKind(), r.year(), r.asOf(), r.regime(), r.regimeDetails(), r.rulesetVersion(),
                r.engineVersion(), results, r.firedRules(), r.parameters(), r.facts(), r.members());
    }

    private static Map<String, Object> safeRecord(DecisionRecord d) {
        return Map.of("text", d.recordText() == null ? "" : d.recordText());
    }
}
