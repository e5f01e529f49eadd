package vn.laurel.api.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A batch's outcomes, one row per subject: the awards of the batch (sorted) give the positions, and a
 * subject's row holds one outcome code per position ({@link OutcomeCodes}) and the quota ranks of the
 * awards that had one. Read back, a row is spread again into one outcome per award, in award order, as
 * the rows of batch_outcome were: the readers (the API, the pages, the CSV and XLSX files) see no
 * difference.
 */
final class CompactOutcomes {
    /** A subject's row as stored. */
    record Row(String subjectId, String unit, String outcomes, String quotaRanks, Long decisionId) {}

    private final List<String> awards;
    private final Map<String, Integer> positions = new HashMap<>();

    CompactOutcomes(List<String> sortedAwards) {
        this.awards = List.copyOf(sortedAwards);
        for (int i = 0; i < awards.size(); i++) positions.put(awards.get(i), i);
    }

    /** The position of an award; -1 when the batch did not evaluate it. */
    int position(String award) {
        return positions.getOrDefault(award, -1);
    }

    /** One row per subject, in the order the subjects first come; an award twice for a subject is refused, as the key of batch_outcome refused it. */
    List<Row> rows(List<BatchStore.Outcome> outcomes) {
        Map<String, char[]> codes = new LinkedHashMap<>();
        Map<String, BatchStore.Outcome> first = new HashMap<>();
        Map<String, StringBuilder> ranks = new HashMap<>();
        for (BatchStore.Outcome o : outcomes) {
            int at = position(o.award());
            if (at < 0) throw new IllegalStateException("award " + o.award() + " is not one of the batch's awards " + awards);
            char code = OutcomeCodes.code(o.outcome());
            if (code == OutcomeCodes.NONE) throw new IllegalStateException("unknown outcome " + o.outcome());
            char[] row = codes.computeIfAbsent(o.subjectId(), k -> {
                char[] none = new char[awards.size()];
                Arrays.fill(none, OutcomeCodes.NONE);
                return none;
            });
            if (row[at] != OutcomeCodes.NONE) throw new IllegalStateException("subject " + o.subjectId() + " has two outcomes for " + o.award());
            row[at] = code;
            first.putIfAbsent(o.subjectId(), o);
            if (o.quotaRank() != null) {
                StringBuilder r = ranks.computeIfAbsent(o.subjectId(), k -> new StringBuilder());
                if (!r.isEmpty()) r.append(',');
                r.append(at).append(':').append(o.quotaRank());
            }
        }
        List<Row> out = new ArrayList<>(codes.size());
        codes.forEach((subject, row) -> {
            BatchStore.Outcome o = first.get(subject);
            StringBuilder r = ranks.get(subject);
            out.add(new Row(subject, o.unit(), new String(row), r == null ? null : r.toString(), o.decisionId()));
        });
        return out;
    }

    /** A stored row spread into its outcomes (of one award and one outcome, when given), as batch_outcome's rows read. */
    void expand(Row row, String award, String outcome, List<Map<String, Object>> out) {
        Map<Integer, Integer> ranks = ranks(row.quotaRanks());
        String codes = row.outcomes();
        for (int i = 0; i < awards.size() && i < codes.length(); i++) {
            char code = codes.charAt(i);
            if (code == OutcomeCodes.NONE) continue;
            if (award != null && !awards.get(i).equals(award)) continue;
            String name = OutcomeCodes.name(code);
            if (outcome != null && !outcome.equals(name)) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject_id", row.subjectId());
            m.put("unit_code", row.unit());
            m.put("award", awards.get(i));
            m.put("outcome", name);
            m.put("quota_rank", ranks.get(i));
            m.put("decision_id", row.decisionId());
            out.add(m);
        }
    }

    /** Adds {@code n} subjects whose row has these codes to the counts per award and outcome. */
    void count(String codes, long n, Map<String, Map<String, Long>> counts) {
        for (int i = 0; i < awards.size() && i < codes.length(); i++) {
            char code = codes.charAt(i);
            if (code == OutcomeCodes.NONE) continue;
            counts.computeIfAbsent(awards.get(i), k -> new TreeMap<>()).merge(OutcomeCodes.name(code), n, Long::sum);
        }
    }

    private static Map<Integer, Integer> ranks(String stored) {
        if (stored == null || stored.isEmpty()) return Map.of();
        Map<Integer, Integer> out = new HashMap<>();
        for (String pair : stored.split(",")) {
            int colon = pair.indexOf(':');
            out.put(Integer.parseInt(pair.substring(0, colon)), Integer.parseInt(pair.substring(colon + 1)));
        }
        return out;
    }
}
