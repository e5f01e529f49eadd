package vn.laurel.engine.model;

/**
 * A collective's place in its emulation cluster or block (cụm, khối thi đua) for a year; 1 leads.
 *
 * @param leads whether the cluster designated the unit as its leader (the one it proposes for the
 *              flag); null when not said, and then rank 1 leads. A cluster review says it: the unit
 *              ranked first may fail the flag's criteria, and the next one is designated instead.
 */
public record ClusterRankingFact(Integer year, String cluster, Integer rank, Boolean leads, String id, String source) implements Fact {
    /** Whether this ranking makes the unit the cluster's leader: as said, else rank 1. */
    public boolean leader() {
        return leads != null ? leads : rank != null && rank == 1;
    }

    public String factType() { return "clusterRanking"; }

    public String summary() {
        return year + " " + cluster + " rank " + rank + (leads == null ? "" : leads ? " (leads)" : " (does not lead)");
    }
}
