package vn.laurel.engine.policy;

import java.time.LocalDate;

/**
 * One dated value of a parameter. An override names the organisation or the sector it applies to;
 * a value with neither is the national default.
 *
 * @param bySubmission true when the value comes from an instrument whose transition clause follows the
 *                     day the file was submitted rather than the appraisal date (Decree 152/2025/ND-CP
 *                     art. 60.3 keeps Decree 98/2023 for files submitted before 2025-07-01): the value
 *                     is in force only for files submitted on or after {@code from}
 * @param confidence   VERIFIED, RECALLED or UNCONFIRMED for this value alone (a new value may be less
 *                     certain than the parameter's older ones); null: the parameter's confidence
 */
public record ParameterValue(LocalDate from, Object value, String reference, String organisation, String sector,
                             boolean bySubmission, String confidence) {
    public ParameterValue(LocalDate from, Object value, String reference, String organisation, String sector) {
        this(from, value, reference, organisation, sector, false, null);
    }

    public ParameterValue(LocalDate from, Object value, String reference, String organisation, String sector,
                          boolean bySubmission) {
        this(from, value, reference, organisation, sector, bySubmission, null);
    }

    public boolean isNational() { return organisation == null && sector == null; }

    /** Whether this value is in force for a file appraised on {@code asOf} and submitted on {@code submittedOn}. */
    public boolean inForce(LocalDate asOf, LocalDate submittedOn) {
        if (from.isAfter(asOf)) return false;
        return !bySubmission || submittedOn == null || !from.isAfter(submittedOn);
    }
}
