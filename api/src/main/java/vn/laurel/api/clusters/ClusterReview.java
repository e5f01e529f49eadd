package vn.laurel.api.clusters;

import java.util.List;

/**
 * A cluster's review of a year as it stands: the members with their points, the ranking, and what the
 * cluster proposes from it.
 *
 * @param status   where the review is: no table, no members, scores missing, a tie the cluster must
 *                 settle, or ready to be recorded
 * @param missing  "unit/criterion" pairs without points (status INCOMPLETE)
 * @param flag     the flag's proposals; null until the scores are complete
 * @param merit    the certificates of merit; null until the flag's list is settled
 * @param recorded the last time the review was recorded; null if never
 * @param scoresVersion the digest of the year's scores read ({@link ReviewDigest#scores}): a grid sends it back
 * @param inputs   the digests of each input ({@link ReviewDigest#inputs}), kept with a recording
 * @param changed  what changed since the review was recorded ({@link ReviewDigest#PARTS}, and "proposals" when
 *                 the units' answers differ from those recorded); empty when nothing did; null if never recorded
 */
public record ClusterReview(ClusterStore.Cluster cluster, int year, ClusterStore.Term term, ScoringTable table,
                            ClusterSettings settings, List<Ranking.Line> ranking, Status status, List<String> missing,
                            Proposals.AwardList flag, Proposals.AwardList merit, ClusterStore.Recorded recorded,
                            String scoresVersion, String inputs, List<String> changed) {
    public enum Status { NO_TABLE, NO_MEMBERS, INCOMPLETE, TIE, READY }

    /** Whether a recording exists and something it was computed from changed since: it should be recorded again. */
    public boolean changedSinceRecorded() {
        return changed != null && !changed.isEmpty();
    }

    /** Whether it may be recorded: complete, with no tie left for the cluster to settle. */
    public boolean recordable() {
        return status == Status.READY;
    }
}
