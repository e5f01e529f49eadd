package vn.laurel.api.councils;

import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.AttestationFact;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a candidate's open criteria a council's judgment would settle, and which attestations that
 * judgment is. Asked of the engine rather than read from the rules' text: a criterion may read several
 * attestations (the flag's "unity, Party organisation and thrift" reads three), or one whose code a
 * parameter names, and only the evaluation knows. A criterion is settled by judgment when, with every
 * attestation the subject lacks for the year given as true, it is met; the attestations it needs are
 * then found by taking them away one by one and keeping those without which it no longer holds.
 */
final class AttestationProbe {
    /** The criteria a judgment settles, and the attestation codes that judgment writes (none: nothing to settle). */
    record Settled(Set<String> criteria, List<String> codes) {
        static final Settled NONE = new Settled(Set.of(), List.of());
    }

    private AttestationProbe() {}

    /** The open criteria of {@code now} that judgment settles (one evaluation). */
    static Set<String> settledCriteria(Evaluator evaluator, RuleSet ruleSet, CaseDocument doc, AwardResult now) {
        Set<String> open = open(now);
        if (open.isEmpty()) return Set.of();
        List<String> missing = missing(ruleSet, doc);
        if (missing.isEmpty()) return Set.of();
        AwardResult all = evaluate(evaluator, ruleSet, doc, missing, now.award());
        Set<String> settled = new LinkedHashSet<>();
        for (String c : open) if (met(all, c)) settled.add(c);
        return settled;
    }

    /** The criteria judgment settles and the fewest attestations, in the vocabulary's order, that settle them. */
    static Settled of(Evaluator evaluator, RuleSet ruleSet, CaseDocument doc, AwardResult now) {
        Set<String> settled = settledCriteria(evaluator, ruleSet, doc, now);
        if (settled.isEmpty()) return Settled.NONE;
        List<String> needed = new ArrayList<>(missing(ruleSet, doc));
        for (String code : List.copyOf(needed)) {
            List<String> without = new ArrayList<>(needed);
            without.remove(code);
            AwardResult r = evaluate(evaluator, ruleSet, doc, without, now.award());
            if (settled.stream().allMatch(c -> met(r, c))) needed = without;
        }
        return new Settled(Set.copyOf(settled), List.copyOf(needed));
    }

    private static Set<String> open(AwardResult result) {
        Set<String> open = new LinkedHashSet<>();
        for (CriterionOutcome c : result.criteria()) if (c.status() == Status.NEEDS_REVIEW) open.add(c.criterion());
        return open;
    }

    /** The vocabulary's codes the subject has no attestation of, for the case's year. */
    private static List<String> missing(RuleSet ruleSet, CaseDocument doc) {
        Set<String> recorded = new HashSet<>();
        for (AttestationFact a : doc.subject().attestations()) {
            if (a.year() != null && a.year().equals(doc.year())) recorded.add(a.criterion());
        }
        return ruleSet.attestations().keySet().stream().filter(c -> !recorded.contains(c)).toList();
    }

    private static AwardResult evaluate(Evaluator evaluator, RuleSet ruleSet, CaseDocument doc, List<String> attested, String award) {
        List<AttestationFact> facts = new ArrayList<>(doc.subject().attestations());
        for (String code : attested) {
            facts.add(new AttestationFact(doc.year(), code, true, "probe", doc.asOf(), "probe:" + code, "what a judgment would settle"));
        }
        CaseDocument probe = new CaseDocument(doc.name(), doc.asOf(), doc.submittedOn(), doc.year(), List.of(award), doc.organisation(),
                doc.subject().withAttestations(facts), doc.members(), java.util.Map.of());
        return evaluator.evaluate(ruleSet, probe).result(award);
    }

    private static boolean met(AwardResult result, String criterion) {
        if (result == null) return false;
        boolean any = false;
        for (CriterionOutcome c : result.criteria()) {
            if (!c.criterion().equals(criterion)) continue;
            if (c.status() != Status.MET) return false;
            any = true;
        }
        return any;
    }
}
