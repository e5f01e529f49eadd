package vn.laurel.engine.model;

/** A collective's place in its emulation cluster or block (cụm, khối thi đua) for a year; 1 leads. */
public record ClusterRankingFact(Integer year, String cluster, Integer rank, String id, String source) implements Fact {
    public String factType() { return "clusterRanking"; }
    public String summary() { return year + " " + cluster + " rank " + rank; }
}
