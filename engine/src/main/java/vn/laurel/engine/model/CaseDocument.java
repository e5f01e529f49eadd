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
 * @param asOf  the day the proposal is appraised; selects the legal regime
 * @param year  the evaluation year: the last year of achievement considered
 * @param awards the awards asked about; empty means every award for the subject's kind
 * @param expect scenario files only: award code to expected outcome (and the criteria that decide it)
 */
public record CaseDocument(String name, LocalDate asOf, Integer year, List<String> awards, Organisation organisation,
                           Subject subject, List<Subject> members, Map<String, Expectation> expect) {
    public CaseDocument {
        awards = awards == null ? List.of() : List.copyOf(awards);
        members = members == null ? List.of() : List.copyOf(members);
        // insertion order kept (reports follow the file); null values kept for the validator to name
        expect = expect == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(expect));
    }
}
