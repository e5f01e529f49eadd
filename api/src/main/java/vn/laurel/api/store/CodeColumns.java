package vn.laurel.api.store;

import vn.laurel.engine.caseformat.FactCodes;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.model.CampaignResultFact;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a fact row that hold a code of the rule set — a title's or commendation's award
 * code (rules/awards.yaml), an attestation's criterion (rules/attestations.yaml) — checked against
 * the rules in service. The rules never ask for a code they do not know, so a misspelt code would
 * be stored and then count for nothing, silently; it is refused instead, naming the field.
 */
public final class CodeColumns {
    private CodeColumns() {}

    /** Problems with the code columns of a row already parsed by {@link RowParser} (values keyed by database column). */
    public static List<RowError> check(RuleSet rules, FactKind kind, Map<String, Object> values, String file, long row) {
        List<RowError> errors = new ArrayList<>();
        if (kind == FactKinds.TITLES) add(errors, file, row, "code", FactCodes.title(rules, text(values.get("code"))));
        if (kind == FactKinds.COMMENDATIONS) add(errors, file, row, "code", FactCodes.commendation(rules, text(values.get("code"))));
        if (kind == FactKinds.ATTESTATIONS) add(errors, file, row, "criterion", FactCodes.attestation(rules, text(values.get("criterion"))));
        if (kind == FactKinds.CAMPAIGN_RESULTS) {
            // The campaign, its period, the group and the indicator, against rules/campaigns/*.yaml; whether the group
            // admits the subject's kind needs the subject: checked once the rows are staged (stagedOfKinds).
            for (FieldError e : FactCodes.campaignResult(rules, null, campaignResult(values))) errors.add(new RowError(file, row, e.field(), e.message()));
        }
        return errors;
    }

    /** The problems of a row that need its subject's kind (a campaign group admitting it); the subject may be new in the import. */
    public static List<RowError> checkOfKind(RuleSet rules, FactKind kind, Map<String, Object> values, SubjectKind subjectKind, String file, long row) {
        List<RowError> errors = new ArrayList<>();
        if (kind == FactKinds.CAMPAIGN_RESULTS && subjectKind != null) {
            for (FieldError e : FactCodes.campaignResult(rules, subjectKind, campaignResult(values))) {
                if (e.message().contains(", not for a ")) errors.add(new RowError(file, row, e.field(), e.message()));
            }
        }
        return errors;
    }

    private static CampaignResultFact campaignResult(Map<String, Object> values) {
        return new CampaignResultFact(text(values.get("campaign")), (Integer) values.get("result_year"), text(values.get("participant_group")),
                text(values.get("indicator")), (java.math.BigDecimal) values.get("result_value"), null, null);
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** A code of the rule set is written in UPPER_SNAKE_CASE (INNOVATION_DX_2025_2030). */
    private static Optional<String> codeForm(String code) {
        if (code == null || CODE.matcher(code).matches()) return Optional.empty();
        return Optional.of("\"" + code + "\" is not a code (capital letters, digits and _, as the campaign's file declares it)");
    }

    private static void add(List<RowError> errors, String file, long row, String field, Optional<String> problem) {
        problem.ifPresent(m -> errors.add(new RowError(file, row, field, m)));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
