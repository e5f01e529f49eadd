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
 * @param withheldRows those candidates, each with the reason ({@link Withheld})
 */
public record ProposalList(long id, int year, String authority, String unit, LocalDate asOf, String rulesetVersion,
                           String preparedBy, Instant preparedAt, int evaluated, int withheld, List<Row> rows,
                           List<Conferment> conferments, List<Withheld> withheldRows) {

    /**
     * One row: who, proposed for what, on what facts, with what ballot, and the saved decision it rests on.
     *
     * @param category the award's category (EMULATION_TITLE or COMMENDATION): the kind of fact a conferment writes
     * @param ballotStrict whether the ballot needed strictly more than {@code ballotRequired} (null without a ballot)
     * @param conferment the conferment that recorded it, null while none has
     * @param ballotCouncil the council whose ballot it is (its name), null without a ballot
     */
    public record Row(int no, String subjectId, String subjectKind, String name, String unitCode, String unitName, String award,
                      String category, String factsVi, String factsEn, Long ballotId, BigDecimal ballotShare,
                      BigDecimal ballotRequired, Boolean ballotStrict, long decisionId, Long conferment, String ballotCouncil) {
        public boolean collective() { return "COLLECTIVE".equals(subjectKind); }

        Row numbered(int n, long decision) {
            return new Row(n, subjectId, subjectKind, name, unitCode, unitName, award, category, factsVi, factsEn, ballotId, ballotShare,
                    ballotRequired, ballotStrict, decision, conferment, ballotCouncil);
        }
    }

    /**
     * An eligible candidate left out of the list, and why: {@code NO_BALLOT} (the award needs a ballot and there is
     * none), {@code BALLOT_FAILED}, {@code OTHER_THRESHOLD} (the ballot was judged against another threshold than
     * the award's own, e.g. the default before the award's came into force) or {@code BELOW_THRESHOLD} (the votes
     * fall short of the threshold in force on the appraisal date). The ballot's figures, where there is one, are
     * those the reason speaks of.
     */
    public record Withheld(int no, String subjectId, String subjectKind, String name, String unitName, String award, String reason,
                           Long ballotId, BigDecimal ballotShare, BigDecimal ballotRequired, Boolean ballotStrict,
                           String ballotParameter) {
        Withheld numbered(int n) {
            return new Withheld(n, subjectId, subjectKind, name, unitName, award, reason, ballotId, ballotShare, ballotRequired,
                    ballotStrict, ballotParameter);
        }
    }

    /** The authority's decision recorded back: its number and date, who recorded it, and the rows it conferred. */
    public record Conferment(long id, String decisionNo, LocalDate decidedOn, String recordedBy, Instant recordedAt, List<Integer> rows) {}

    public ProposalList {
        rows = List.copyOf(rows);
        conferments = List.copyOf(conferments);
        withheldRows = List.copyOf(withheldRows);
    }
}
