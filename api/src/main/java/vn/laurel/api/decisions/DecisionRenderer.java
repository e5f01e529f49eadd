package vn.laurel.api.decisions;

import jakarta.inject.Singleton;
import vn.laurel.api.audit.Canonical;
import vn.laurel.api.rules.RuleSetArchive;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.QuotaInfo;
import vn.laurel.engine.evaluation.Quotas;
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

    /** Why a record gave no answer equal to it: a code (the pages' message key is audit.decision.problem.CODE) and an English detail. */
    public enum Problem {
        /** The stored text is not a record (not JSON, a part missing or of the wrong type). */
        UNREADABLE,
        /** The rules of the record's version are no longer kept. */
        RULES_NOT_KEPT,
        /** The subject is no longer in the store. */
        SUBJECT_GONE,
        /** The question could not be asked again (the rules refused it). */
        NOT_RENDERABLE,
        /** The facts read again are not the ones the record lists. */
        FACTS_DIFFER,
        /** The answer rendered from the record's question differs from the record. */
        DIFFERS,
        /** Today's rules and facts answer otherwise (a replay "with current"). */
        TODAY_DIFFERS
    }

    /**
     * A rendering: the answer (null when none could be made), whether its record is the stored one, why not
     * ({@code code} and an English {@code problem}), the stored record as maps, the rendered one, and — when the
     * running engine's version is not the record's, which alone does not make them differ — {@code engine}
     * {recorded, rendering}.
     */
    public record Rendered(EvaluationResult result, boolean matches, Problem code, String problem, Map<String, Object> record,
                           Map<String, Object> rendered, Map<String, String> engine) {
        static Rendered failed(Problem code, String problem, Map<String, Object> record) {
            return new Rendered(null, false, code, problem, record, null, null);
        }
    }

    /** The decision as its record says it was decided. */
    public Rendered render(DecisionRecord d) {
        return render(d, false);
    }

    /**
     * With {@code current}: the same question asked of today's rules and facts (a stored case document is
     * its own facts), compared with the record — what a replay "with current" shows. Never throws: a record
     * that cannot be read or rendered (tampered in its values or its structure) comes back with why.
     */
    public Rendered render(DecisionRecord d, boolean current) {
        Map<String, Object> record;
        CompactRecord.Question q;
        try {
            record = CompactRecord.read(d.recordText());
            if (record == null) throw new IllegalArgumentException("the stored record is empty");
            q = CompactRecord.question(record);
        } catch (RuntimeException e) {
            return Rendered.failed(Problem.UNREADABLE, "the stored record cannot be read: " + e.getMessage(), safeRecord(d));
        }
        Optional<RuleSet> ruleSet;
        try {
            ruleSet = current ? Optional.ofNullable(rules.active() == null ? null : rules.current()) : archive.byVersion(d.rulesetVersion());
        } catch (RuntimeException e) {
            return Rendered.failed(Problem.RULES_NOT_KEPT, e.getMessage(), record);
        }
        if (ruleSet.isEmpty()) {
            return Rendered.failed(Problem.RULES_NOT_KEPT, "the rules of version " + d.rulesetVersion() + " are not kept: the record is all there is", record);
        }
        try {
            EvaluationResult result;
            try {
                // Facts as known at the instant taken before the decision read them (older records: when it was saved).
                result = evaluate(ruleSet.get(), q, current ? null : q.knownAt() != null ? q.knownAt() : d.createdAt(), current);
            } catch (NoSuchElementException e) {
                return Rendered.failed(Problem.SUBJECT_GONE, e.getMessage(), record);
            }
            if (!current) result = withQuotas(result, CompactRecord.quotas(record));
            Map<String, Object> rendered = CompactRecord.map(q, result);
            String text = Canonical.write(rendered);
            Map<String, String> engine = null;
            if (!text.equals(d.recordText()) && !Objects.equals(record.get("engine"), rendered.get("engine"))) {
                // Another engine version renders it: what decided is compared, the version reported beside it.
                Map<String, Object> same = new TreeMap<>(rendered);
                same.put("engine", record.get("engine"));
                if (Canonical.write(same).equals(d.recordText())) text = d.recordText();
            }
            if (!Objects.equals(record.get("engine"), rendered.get("engine"))) {
                engine = new LinkedHashMap<>();
                engine.put("recorded", String.valueOf(record.get("engine")));
                engine.put("rendering", String.valueOf(rendered.get("engine")));
            }
            Map<String, Object> renderedRead = CompactRecord.read(text.equals(d.recordText()) ? d.recordText() : Canonical.write(rendered));
            if (text.equals(d.recordText())) return new Rendered(result, true, null, null, record, renderedRead, engine);
            if (current) return new Rendered(result, false, Problem.TODAY_DIFFERS, "today's answer differs from the record", record, renderedRead, engine);
            Set<String> listed = CompactRecord.factIds(record), read = CompactRecord.factIds(renderedRead);
            if (!listed.equals(read)) {
                Set<String> notRead = new TreeSet<>(listed), notListed = new TreeSet<>(read);
                notRead.removeAll(read);
                notListed.removeAll(listed);
                return new Rendered(result, false, Problem.FACTS_DIFFER, "the facts read again are not the ones the record lists (listed, not read: "
                        + shortList(notRead) + "; read, not listed: " + shortList(notListed) + ")", record, renderedRead, engine);
            }
            return new Rendered(result, false, Problem.DIFFERS, "the answer rendered from the record's question differs from the record", record, renderedRead, engine);
        } catch (RuntimeException e) {
            // A record altered in its structure (a quota that is not one, a stored case the rules refuse): no answer, the record, why.
            return Rendered.failed(e instanceof IllegalArgumentException ? Problem.UNREADABLE : Problem.NOT_RENDERABLE,
                    "the record's question cannot be asked again: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), record);
        }
    }

    private static String shortList(Set<String> ids) {
        if (ids.isEmpty()) return "none";
        return ids.size() <= 20 ? String.join(", ", ids) : String.join(", ", new ArrayList<>(ids).subList(0, 20)) + " … (" + ids.size() + ")";
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

    /** The cap's places as recorded, on awards the rules again found eligible (a cap only ranks those), by the engine's one rule of a cap. */
    static EvaluationResult withQuotas(EvaluationResult r, Map<String, QuotaInfo> quotas) {
        if (quotas.isEmpty()) return r;
        List<AwardResult> results = new ArrayList<>();
        for (AwardResult a : r.results()) {
            QuotaInfo q = quotas.get(a.award());
            results.add(q == null || a.outcome() != Outcome.ELIGIBLE ? a : Quotas.place(a, q));
        }
        return new EvaluationResult(r.subjectId(), r.subjectKind(), r.year(), r.asOf(), r.regime(), r.regimeDetails(), r.rulesetVersion(),
                r.engineVersion(), results, r.firedRules(), r.parameters(), r.facts(), r.members());
    }

    private static Map<String, Object> safeRecord(DecisionRecord d) {
        return Map.of("text", d.recordText() == null ? "" : d.recordText());
    }
}
