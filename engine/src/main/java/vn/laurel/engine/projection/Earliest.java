package vn.laurel.engine.projection;

import vn.laurel.engine.model.Rating;
import vn.laurel.engine.model.SubjectKind;

import java.time.LocalDate;
import java.util.List;

/**
 * The earliest years of a subject's awards, from one projection of its record: nothing is saved.
 *
 * @param year      the evaluation year: the record as it stands up to it
 * @param asOf      its appraisal date; {@code regime} the regime that decided it
 * @param basis     what every projected year repeats or assumes
 * @param lastYear  the last year projected (the evaluation year plus the horizon, or earlier when every award
 *                  asked was answered before)
 * @param years     each projected year with its appraisal date and regime
 */
public record Earliest(String subjectId, SubjectKind subjectKind, int year, LocalDate asOf, String regime,
                       Basis basis, int horizon, int lastYear, List<ProjectedYear> years, String rulesetVersion,
                       String engineVersion, List<EarliestAnswer> awards) {

    /**
     * What each projected year holds for the subject.
     *
     * @param fromYear           the last evaluated year (the last year up to the evaluation year with a rating)
     * @param rating             the rating of every projected year (null: none)
     * @param initiativesPerYear initiatives recognised every projected year
     * @param attestations       the attestation codes attested true every projected year
     * @param assumptions        what the question assumed instead of repeating the record
     */
    public record Basis(int fromYear, Rating rating, int initiativesPerYear, List<String> attestations, Assumptions assumptions) {}

    /** A projected year: its appraisal date and the regime it chose. */
    public record ProjectedYear(int year, LocalDate asOf, String regime) {}

    public EarliestAnswer answer(String award) {
        return awards.stream().filter(a -> a.award().equals(award)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no earliest-year answer for " + award));
    }
}
