package vn.laurel.api.proposals;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.model.Status;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The facts a row's award was decided on, in one line of the list ("2025 Hoàn thành xuất sắc nhiệm vụ; …"):
 * the evidence of the criteria that were met, each fact once, codes named in the reader's language. The full
 * answer is the saved decision the row links to.
 */
final class DecidingFacts {
    /** A list's cell, not the answer: a few facts say why; the decision says everything. */
    static final int MAX_FACTS = 8;
    private static final Set<String> TYPES = Set.of("rating", "title", "commendation", "initiative", "attestation", "clusterRanking",
            "memberAggregate", "member");

    private DecidingFacts() {}

    static String line(AwardResult result, ValueTexts values, String lang) {
        Set<String> seen = new LinkedHashSet<>();
        for (CriterionOutcome c : result.criteria()) {
            if (c.status() != Status.MET) continue;
            for (Evidence e : c.evidence()) {
                if (e.type() == null || !TYPES.contains(e.type()) || e.summary() == null) continue;
                // An attestation held true is said by its name alone ("EMULATION_PARTICIPATION=true" → its name).
                String summary = e.summary().replaceAll("(\\S+)=true\\b", "$1");
                seen.add(values.humanise(summary, lang));
                if (seen.size() >= MAX_FACTS) break;
            }
            if (seen.size() >= MAX_FACTS) break;
        }
        StringJoiner line = new StringJoiner("; ");
        seen.forEach(line::add);
        return line.toString();
    }
}
