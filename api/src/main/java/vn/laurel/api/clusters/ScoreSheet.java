package vn.laurel.api.clusters;

import vn.laurel.api.csv.CsvException;
import vn.laurel.api.csv.CsvReader;
import vn.laurel.api.csv.FieldTooLongException;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.*;

/**
 * Scores sent for a review — a CSV file {@code unit,criterion,points} or a JSON list — checked whole
 * before anything is written: each unit a member of the cluster in the year, each criterion one of the
 * table in force, 0 ≤ points ≤ the criterion's maximum, no unit scored twice on a criterion. Any fault
 * refuses all of it (422), each fault naming its row and column as an import's do.
 */
public final class ScoreSheet {
    /** A cluster has tens of members and criteria; far more rows is a mistake, not a review. */
    public static final int MAX_ROWS = 10_000;
    public static final int MAX_CSV_CHARS = 1_000_000;
    static final int MAX_FIELD = 200;
    static final List<String> COLUMNS = List.of("unit", "criterion", "points");

    private ScoreSheet() {}

    /** One row as sent: where it came from (the file row, or the list index), and its three values as text. */
    public record Row(long row, String unit, String criterion, String points) {}

    public static List<Row> csv(String text) {
        if (text == null || text.isBlank()) throw ReviewRefused.field(ReviewRefused.Kind.BAD_REQUEST, "file", "clusters.error.csvEmpty");
        if (text.length() > MAX_CSV_CHARS) throw ReviewRefused.field(ReviewRefused.Kind.TOO_LARGE, "file", "clusters.error.csvTooLarge", MAX_CSV_CHARS);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<Row> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text), MAX_FIELD, delimiter(text))) {
            List<ReviewRefused.Fault> faults = new ArrayList<>();
            Set<String> header = new HashSet<>();
            csv.header().forEach(h -> header.add(h.strip()));
            for (String col : COLUMNS) {
                if (!header.contains(col)) faults.add(new ReviewRefused.Fault(col, 1L, "clusters.error.noColumn", List.of(col)));
            }
            for (String h : header) {
                if (!COLUMNS.contains(h)) faults.add(new ReviewRefused.Fault(h, 1L, "clusters.error.unknownColumn", List.of(h)));
            }
            if (!faults.isEmpty()) throw new ReviewRefused(ReviewRefused.Kind.INVALID, "clusters.error.scoresRefused", List.of(), faults);
            while (csv.hasNext()) {
                CsvReader.Row r = csv.next();
                if (rows.size() >= MAX_ROWS) {
                    throw ReviewRefused.field(ReviewRefused.Kind.TOO_LARGE, "file", "clusters.error.tooManyRows", MAX_ROWS);
                }
                rows.add(new Row(r.line(), r.get("unit"), r.get("criterion"), r.get("points")));
            }
        } catch (FieldTooLongException e) {
            throw ReviewRefused.field(ReviewRefused.Kind.INVALID, "file", "clusters.error.csvBad", e.getMessage());
        } catch (CsvException e) {
            throw ReviewRefused.field(ReviewRefused.Kind.INVALID, "file", "clusters.error.csvBad", e.getMessage());
        } catch (IOException e) {
            throw ReviewRefused.field(ReviewRefused.Kind.BAD_REQUEST, "file", "clusters.error.csvBad", e.getMessage());
        }
        return rows;
    }

    /**
     * ';' when the header line is "unit;criterion;points" (Excel in a Vietnamese locale, where the comma is the
     * decimal separator, writes that), ',' otherwise: the header decides, so a comma decimal in a row is read as one.
     */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    }

    /** Points as an official writes them: digits, a '.' or ',' and decimals; no exponent ("1e1"), no sign but '-'. */
    private static final java.util.regex.Pattern POINTS = java.util.regex.Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    /**
     * The rows checked against the members and the table; the scores, or a refusal naming every fault.
     *
     * @param file the name faults give the rows' place: "row" for a CSV file (row numbers), "scores" for JSON (indexes)
     */
    public static List<ClusterStore.Score> check(List<Row> rows, Set<String> members, ScoringTable table, boolean json) {
        List<ReviewRefused.Fault> faults = new ArrayList<>();
        List<ClusterStore.Score> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : rows) {
            int before = faults.size();
            String unit = r.unit() == null ? null : r.unit().strip();
            String criterion = r.criterion() == null ? null : r.criterion().strip();
            if (unit == null || unit.isEmpty()) faults.add(fault(r, json, "unit", "clusters.error.required"));
            else if (!members.contains(unit)) faults.add(fault(r, json, "unit", "clusters.error.notMember", unit));
            Optional<ScoringTable.Criterion> k = Optional.empty();
            if (criterion == null || criterion.isEmpty()) faults.add(fault(r, json, "criterion", "clusters.error.required"));
            else {
                k = table.criterion(criterion);
                if (k.isEmpty()) faults.add(fault(r, json, "criterion", "clusters.error.unknownCriterion", criterion));
            }
            BigDecimal points = null;
            if (r.points() == null || r.points().isBlank()) faults.add(fault(r, json, "points", "clusters.error.required"));
            else {
                try {
                    if (!POINTS.matcher(r.points().strip()).matches()) throw new NumberFormatException(r.points());
                    points = new BigDecimal(r.points().strip().replace(',', '.'));
                    if (points.scale() > 2 || points.abs().compareTo(new BigDecimal("10000000")) >= 0) {
                        faults.add(fault(r, json, "points", "clusters.error.pointsFormat", r.points()));
                        points = null;
                    } else if (points.signum() < 0) {
                        faults.add(fault(r, json, "points", "clusters.error.pointsNegative", r.points()));
                    } else if (k.isPresent() && points.compareTo(k.get().maxPoints()) > 0) {
                        faults.add(fault(r, json, "points", "clusters.error.pointsOverMax", r.points(), plain(k.get().maxPoints())));
                    }
                } catch (NumberFormatException e) {
                    faults.add(fault(r, json, "points", "clusters.error.pointsFormat", r.points()));
                }
            }
            if (faults.size() > before) continue;
            Long first = seen.putIfAbsent(unit + "\u0000" + criterion, r.row());
            if (first != null) {
                faults.add(fault(r, json, "criterion", "clusters.error.duplicate", unit, criterion, first));
                continue;
            }
            out.add(new ClusterStore.Score(unit, criterion, points));
        }
        if (!faults.isEmpty()) throw new ReviewRefused(ReviewRefused.Kind.INVALID, "clusters.error.scoresRefused", List.of(), faults);
        return out;
    }

    private static ReviewRefused.Fault fault(Row r, boolean json, String field, String key, Object... args) {
        // JSON: the path of the field in the body; CSV: the column, with the file's row.
        return json ? new ReviewRefused.Fault("scores[" + r.row() + "]." + field, null, key, List.of(args))
                : new ReviewRefused.Fault(field, r.row(), key, List.of(args));
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
