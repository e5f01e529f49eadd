package vn.laurel.api.councils;

import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a proposal list asks of the council: whether an award needs a ballot, and how the latest ballot
 * on a candidate went. Implemented by the councils' service; read by the proposal lists.
 */
public interface BallotLookup {

    /**
     * A recorded ballot: its session, the share of all members in favour against the share required (at least
     * {@code required}, or strictly more when {@code strictlyMore}), and the parameter that threshold was read from.
     */
    record BallotResult(long ballotId, long sessionId, String council, LocalDate heldOn, boolean passed,
                        int inFavour, int members, BigDecimal share, BigDecimal required, String thresholdParameter,
                        boolean strictlyMore) {}

    /** The latest ballot recorded on {@code subjectId} for {@code award} and the achievement {@code year}, if any. */
    Optional<BallotResult> latest(String subjectId, String award, int year);

    /**
     * Whether proposing {@code award} needs a council ballot on {@code on} for {@code organisation}: the award
     * has a vote-share parameter of its own in force (NĐ 98/2023 art. 30.7 and its successors).
     */
    boolean required(RuleSet rules, String award, LocalDate on, Organisation organisation);
}
