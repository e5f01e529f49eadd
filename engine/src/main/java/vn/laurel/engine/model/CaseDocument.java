package vn.laurel.engine.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one document format for facts (shared/reference/case-format.md): the body of a what-if
 * evaluation, the input half of a scenario file, the JSON form of an import.
 *
 * @param asOf        the day the proposal is appraised; selects the legal regime
 * @param submittedOn the day the file reached the competent authority (optional, default asOf): where a
 *                    decree's transition clause follows the submission (Decree 152/2025/ND-CP art. 60.3
 *                    keeps Decree 98/2023 for files submitted before 2025-07-01), it decides
 * @param year        the evaluation year: the last year of achievement considered
 * @param awards      the awards asked about; empty means every award for the subject's kind
 * @param expect      scenario files only: award code to expected outcome, with the deciding criteria
 */
public record CaseDocument(String name, LocalDate asOf, LocalDate submittedOn, Integer year, List<String> awards,
                           Organisation organisation, Subject subject, List<Subject> members,
                           Map<String, Expectation> expect) {
    public CaseDocument {
        awards = awards == null ? List.of() : List.copyOf(awards);
        members = members == null ? List.of() : List.copyOf(members);
        // insertion order kept (reports follow the file); null values kept for the validator to name
        expect = expect == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(expect));
    }

    /** A case without a submission date (it is taken to be the appraisal date) and without expectations. */
    public CaseDocument(String name, LocalDate asOf, Integer year, List<String> awards, Organisation organisation,
                        Subject subject, List<Subject> members, Map<String, Expectation> expect) {
        this(name, asOf, null, year, awards, organisation, subject, members, expect);
    }

    /** The day the file was submitted: {@code submittedOn}, or the appraisal date when none is given. */
    public LocalDate submittedOrAppraised() {
        return submittedOn != null ? submittedOn : asOf;
    }
}
