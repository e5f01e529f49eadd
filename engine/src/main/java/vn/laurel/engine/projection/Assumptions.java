package vn.laurel.engine.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.model.Rating;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * What a projection assumes of the subject's coming years, where it should not simply repeat its last
 * evaluated year. Every value is optional: left out, the year is repeated as it was.
 *
 * @param rating             the subject's rating in every projected year (else the last evaluated year's)
 * @param initiativesPerYear initiatives recognised at GRASSROOTS level in every projected year (else the
 *                           last evaluated year's, same level and kind)
 * @param attested           true: every attestation code the rules declare is attested true in every projected
 *                           year, achievements included (a ceiling); false: none is (a floor); null: the
 *                           attestations of the last evaluated year that were true are repeated
 * @param horizon            how many years after the evaluation year are projected: 1 to {@value #MAX_HORIZON},
 *                           {@value #DEFAULT_HORIZON} when not given
 * @param appraisalDay       the day of the year after a projected year on which it is appraised (15 January)
 * @param rulesContinue      where the regime in force in a projected year has no criteria for an award (the
 *                           provisional 2026 regime, for most commendations), whether the criteria of the latest
 *                           earlier regime that has them are assumed to continue — the answer then says so; true
 *                           when not given, false: such an award is "never, no criteria"
 */
public record Assumptions(Rating rating, Integer initiativesPerYear, Boolean attested, Integer horizon,
                          @JsonIgnore MonthDay appraisalDay, Boolean rulesContinue) {
    public static final int DEFAULT_HORIZON = 10;
    public static final int MAX_HORIZON = 15;
    public static final int MAX_INITIATIVES_PER_YEAR = 20;
    public static final MonthDay DEFAULT_APPRAISAL_DAY = MonthDay.of(1, 15);

    /** Nothing assumed: every projected year repeats the last evaluated one, over the default horizon. */
    public static final Assumptions NONE = new Assumptions(null, null, null, null, null, null);

    public Assumptions {
        List<FieldError> errors = new ArrayList<>();
        if (horizon == null) horizon = DEFAULT_HORIZON;
        else if (horizon < 1 || horizon > MAX_HORIZON) errors.add(new FieldError("horizon", "must be between 1 and " + MAX_HORIZON + " years"));
        if (initiativesPerYear != null && (initiativesPerYear < 0 || initiativesPerYear > MAX_INITIATIVES_PER_YEAR)) {
            errors.add(new FieldError("initiatives", "must be between 0 and " + MAX_INITIATIVES_PER_YEAR + " a year"));
        }
        if (!errors.isEmpty()) throw new CaseFormatException(errors);
        if (appraisalDay == null) appraisalDay = DEFAULT_APPRAISAL_DAY;
        if (rulesContinue == null) rulesContinue = true;
    }

    public Assumptions(Rating rating, Integer initiativesPerYear, Boolean attested, Integer horizon) {
        this(rating, initiativesPerYear, attested, horizon, null, null);
    }

    public Assumptions withRating(Rating r) { return new Assumptions(r, initiativesPerYear, attested, horizon, appraisalDay, rulesContinue); }

    public Assumptions withInitiativesPerYear(Integer n) { return new Assumptions(rating, n, attested, horizon, appraisalDay, rulesContinue); }

    public Assumptions withAttested(Boolean a) { return new Assumptions(rating, initiativesPerYear, a, horizon, appraisalDay, rulesContinue); }

    public Assumptions withHorizon(Integer h) { return new Assumptions(rating, initiativesPerYear, attested, h, appraisalDay, rulesContinue); }

    public Assumptions withAppraisalDay(MonthDay d) { return new Assumptions(rating, initiativesPerYear, attested, horizon, d, rulesContinue); }

    public Assumptions withRulesContinue(Boolean c) { return new Assumptions(rating, initiativesPerYear, attested, horizon, appraisalDay, c); }
}
