package vn.laurel.api.councils;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recorded ballot on one candidate for one award: the tally, the share of all members in favour, the
 * threshold it was judged against (kept as it was then), the result, the attestation criteria it wrote,
 * and each member's vote (by member id).
 */
public record Ballot(long id, long sessionId, String subjectId, String award, int year, int members, int inFavour,
                     int against, int abstaining, BigDecimal share, Threshold threshold, boolean passed, List<String> criteria,
                     Map<Long, Vote> votes, Instant recordedAt, String recordedBy) {

    public String result() {
        return passed ? "PASSED" : "FAILED";
    }
}
