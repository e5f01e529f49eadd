package vn.laurel.engine.projection;

import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.policy.Localized;

import java.time.LocalDate;
import java.util.List;

/**
 * The earliest year for one award: already eligible in the evaluation year, eligible at the earliest in a
 * projected year, or never within the horizon as the record stands — with what gates it and why.
 *
 * @param outcomeNow      the award's outcome in the evaluation year, on the record as it is
 * @param earliestYear    the evaluation year when already eligible; the first projected year whose outcome is
 *                        ELIGIBLE (or ELIGIBLE_SUBJECT_TO_QUOTA), or NEEDS_REVIEW with no criterion NOT_MET;
 *                        null: never within the horizon
 * @param appraisalThen   the appraisal date of that year (15 January of the next year), which chose the regime
 * @param subjectToReview the answer of that year awaits a person's review (see {@code openThen})
 * @param headline        "…: sớm nhất năm 2027" / "…: 2027 at the earliest", with what it still needs
 * @param gates           the criteria not met in the evaluation year: when each is first met and what it needs
 * @param openThen        the criteria awaiting review in the earliest year
 * @param never           why not within the horizon; null otherwise
 * @param rulesAssumed    where the regime in force in a projected year had no criteria for the award, which earlier
 *                        regime's criteria were assumed to continue, from which year; null when none was
 */
public record EarliestAnswer(String award, Localized name, Answer answer, Outcome outcomeNow, Integer earliestYear,
                             LocalDate appraisalThen, String regimeThen, Outcome outcomeThen, boolean subjectToReview,
                             Localized headline, List<Gate> gates, List<Open> openThen, Never never,
                             Localized rulesAssumed) {

    public enum Answer { ALREADY_ELIGIBLE, EARLIEST, NEVER }

    /**
     * A criterion not met in the evaluation year.
     *
     * @param metIn      the first projected year in which it is no longer NOT_MET (met, awaiting review, or no
     *                   longer a criterion under that year's regime); null: not within the horizon
     * @param statusThen its status that year; null when it is no longer a criterion then
     * @param needs      what it still needs, where actual and required are numbers ("2 more"), branch by branch
     * @param needsText  the same as one sentence, alternatives joined by "or", conditions by "and"; null when
     *                   nothing numeric is missing
     */
    public record Gate(String criterion, Status statusNow, Object actualNow, Requirement required, Localized sentenceNow,
                       Integer metIn, Status statusThen, Object actualThen, Localized sentenceThen, List<Need> needs,
                       Localized needsText) {}

    /**
     * What a numeric requirement still lacks.
     *
     * @param label   the part of the criterion it belongs to (a composite's branch), or null
     * @param missing how many more (a count), or by how much more (a share, as a fraction)
     * @param text    "2 more", "consecutive years rated GOOD or better: 1 more"
     */
    public record Need(Localized label, Object actual, Requirement required, Number missing, Localized text) {}

    /** A criterion awaiting review in the earliest year. */
    public record Open(String criterion, Localized sentence) {}

    /**
     * Why the award is not reached within the horizon.
     *
     * @param reason       NOT_MET: criteria still not met in the last projected year; NOT_MODELLED: from {@code year}
     *                     on the years are appraised under a regime with no criteria for the award
     * @param year         the last projected year (NOT_MET), or the first of the years not modelled (NOT_MODELLED)
     * @param regime       the regime of that year
     * @param notes        the answer's notes that year (why it is not modelled)
     * @param criteriaYear the year of {@code criteria}: the last year the award was decided by criteria
     * @param criteria     the criteria not met in that year, with their sentences
     */
    public record Never(Reason reason, Integer year, String regime, List<Localized> notes, Integer criteriaYear,
                        List<Unmet> criteria, Localized text) {
        public enum Reason { NOT_MET, NOT_MODELLED }
    }

    /** A criterion not met, with its sentence and what it still needs. */
    public record Unmet(String criterion, Object actual, Requirement required, Localized sentence, List<Need> needs,
                        Localized needsText) {}
}
