package vn.laurel.api.proposals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposal list as prepared for a competent authority and an achievement year: the eligible candidates
 * (with their ballot, where the award needs one) in the decree's order, each row tied to the decision
 * saved when the list was prepared; and the authority's decisions recorded back (conferments).
 *
 * @param unit      the unit whose subtree was evaluated
 * @param evaluated subjects evaluated
 * @param withheld  eligible candidates left out because their award needs a passed ballot they do not have
 */
public record ProposalList(long id, int year, String authority, String unit, LocalDate asOf, String rulesetVersion,
                           String preparedBy, Instant preparedAt, int evaluated, int withheld, List<Row> rows,
                           List<Conferment> conferments) {

    /**
     * One row: who, proposed for what, on what facts, with what ballot, and the saved decision it rests on.
     *
     * @param category the award's category (EMULATION_TITLE or COMMENDATION): the kind of fact a conferment writes
     * @param conferment the conferment that recorded it, null while none has
     */
    public record Row(int no, String subjectId, String subjectKind, String name, String unitCode, String unitName, String award,
                      String category, String factsVi, String factsEn, Long ballotId, BigDecimal ballotShare,
                      BigDecimal ballotRequired, long decisionId, Long conferment) {
        public boolean collective() { return "COLLECTIVE".equals(subjectKind); }
    }

    /** The authority's decision recorded back: its number and date, who recorded it, and the rows it conferred. */
    public record Conferment(long id, String decisionNo, LocalDate decidedOn, String recordedBy, Instant recordedAt, List<Integer> rows) {}

    public ProposalList {
        rows = List.copyOf(rows);
        conferments = List.copyOf(conferments);
    }
}
