package vn.laurel.api.clusters;

import java.math.BigDecimal;
import java.util.*;

/**
 * The ranking of a review: units by total points, highest first; units with the same total share a
 * rank (1, 1, 3) and are marked tied — Laurel does not break a tie, the cluster does.
 */
public final class Ranking {
    private Ranking() {}

    /** A member's line: its points per criterion (in the table's order), total, rank and whether it shares it. */
    public record Line(String unit, String name, Map<String, BigDecimal> points, BigDecimal total, boolean complete, int rank, boolean tied) {}

    /** The lines in ranking order; units of the same total in code order. */
    public static List<Line> rank(List<Line> unranked) {
        List<Line> sorted = new ArrayList<>(unranked);
        sorted.sort(Comparator.comparing(Line::total).reversed().thenComparing(Line::unit));
        Map<BigDecimal, Long> sameTotal = new HashMap<>();
        sorted.forEach(l -> sameTotal.merge(l.total().stripTrailingZeros(), 1L, Long::sum));
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Line l = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).total().compareTo(l.total()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new Line(l.unit(), l.name(), l.points(), l.total(), l.complete(), rank, sameTotal.get(l.total().stripTrailingZeros()) > 1));
        }
        return out;
    }

    /** The lines grouped by rank, in order: a group of more than one is a tie. */
    public static List<List<Line>> groups(List<Line> ranked) {
        Map<Integer, List<Line>> byRank = new LinkedHashMap<>();
        ranked.forEach(l -> byRank.computeIfAbsent(l.rank(), r -> new ArrayList<>()).add(l));
        return List.copyOf(byRank.values());
    }
}
