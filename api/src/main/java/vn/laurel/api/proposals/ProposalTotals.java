package vn.laurel.api.proposals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals a proposal list ends with, and its cover summary: per award (in the list's order) the persons
 * and the collectives proposed, and the same over the whole list.
 */
public record ProposalTotals(List<AwardTotal> awards, int persons, int collectives) {
    public record AwardTotal(String award, int persons, int collectives) {
        public int total() { return persons + collectives; }
    }

    public int total() { return persons + collectives; }

    public static ProposalTotals of(List<ProposalList.Row> rows) {
        Map<String, int[]> by = new LinkedHashMap<>();
        int persons = 0, collectives = 0;
        for (ProposalList.Row r : rows) {
            int[] n = by.computeIfAbsent(r.award(), k -> new int[2]);
            if (r.collective()) {
                n[1]++;
                collectives++;
            } else {
                n[0]++;
                persons++;
            }
        }
        List<AwardTotal> awards = new ArrayList<>();
        by.forEach((award, n) -> awards.add(new AwardTotal(award, n[0], n[1])));
        return new ProposalTotals(awards, persons, collectives);
    }
}
