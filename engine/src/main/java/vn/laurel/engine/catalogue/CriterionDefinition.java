package vn.laurel.engine.catalogue;

import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.Localized;

import java.util.List;

/**
 * One criterion of an award in one regime, as its rule's metadata declares it.
 *
 * @param rule         the DRL rule that decides it; file and line locate it for policy staff
 * @param requires     awards to decide first for the same subject (metadata {@code @requires})
 * @param memberAwards awards to decide first for each member of a collective ({@code @memberAwards})
 * @param subject      the kind of subject the criterion is for ({@code @subject}), or null for every kind
 */
public record CriterionDefinition(String regime, String award, String criterion, String rule, String file, int line,
                                  Localized legalBasis, String confidence, Localized template,
                                  List<String> requires, List<String> memberAwards, SubjectKind subject) {
    /**
     * Whether this criterion applies to a subject of the kind: all do unless the rule names one ({@code @subject});
     * a criterion for COLLECTIVE applies to an ENTERPRISE too (a collective in the law's sense, {@link SubjectKind#isCollective}).
     */
    public boolean appliesTo(SubjectKind kind) {
        return subject == null || subject == kind || (subject == SubjectKind.COLLECTIVE && kind == SubjectKind.ENTERPRISE);
    }
}
