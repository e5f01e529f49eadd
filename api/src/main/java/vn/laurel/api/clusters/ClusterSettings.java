package vn.laurel.api.clusters;

import java.time.LocalDate;

/**
 * What a cluster proposes from its ranking, dated like a parameter: the flag and how many a year (the
 * quota among the cluster's collectives), the certificate of merit and how many (N).
 *
 * @param validFrom null for the defaults (no settings recorded)
 * @param basis     where the values come from, as the board wrote it
 */
public record ClusterSettings(LocalDate validFrom, String flagAward, int flagQuota, String meritAward, int meritCount, String basis) {
    public static final String FLAG = "MINISTERIAL_PROVINCIAL_EMULATION_FLAG";
    public static final String MERIT = "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT";
    /**
     * One flag per cluster or block a year: the award catalogue says "usually one per block per year"
     * (RECALLED, not read in a decree), so it is a setting a board may change, not a rule.
     */
    public static final int FLAG_QUOTA = 1;
    /** Seed 001: Cluster 7 proposes certificates of merit for five units after its leader. */
    public static final int MERIT_COUNT = 5;

    public static ClusterSettings defaults() {
        return new ClusterSettings(null, FLAG, FLAG_QUOTA, MERIT, MERIT_COUNT, null);
    }
}
