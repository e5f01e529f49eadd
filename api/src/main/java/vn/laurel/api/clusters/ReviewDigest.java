package vn.laurel.api.clusters;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;

/**
 * Short digests of what a review is computed from. The score grid carries the digest of the year's
 * scores it was opened on, so that saving it cannot erase scores someone saved meanwhile (C2); a
 * recorded review keeps the digest of each of its inputs, so that the page and the API can say which
 * changed since (C3). Each digest reads only values (not who wrote them or when), in a fixed order.
 */
public final class ReviewDigest {
    /** The inputs of a review, in the order they are named. */
    public static final List<String> PARTS = List.of("scores", "table", "settings", "members");

    private ReviewDigest() {}

    public static String scores(Collection<ClusterStore.Score> scores) {
        List<String> lines = new ArrayList<>();
        for (ClusterStore.Score s : scores) lines.add(s.unit() + "\t" + s.criterion() + "\t" + plain(s.points()));
        Collections.sort(lines);
        return hash(lines);
    }

    public static String table(ScoringTable t) {
        List<String> lines = new ArrayList<>();
        lines.add(String.valueOf(t.validFrom()));
        for (ScoringTable.Criterion k : t.criteria()) lines.add(k.code() + "\t" + plain(k.maxPoints()));
        return hash(lines);
    }

    public static String settings(ClusterSettings s) {
        return hash(List.of(String.valueOf(s.validFrom()), s.flagAward(), String.valueOf(s.flagQuota()), s.meritAward(),
                String.valueOf(s.meritCount())));
    }

    /** The member units only: recording writes their ranks, which must not count as a change. */
    public static String members(Collection<String> units) {
        List<String> lines = new ArrayList<>(units);
        Collections.sort(lines);
        return hash(lines);
    }

    /** "scores=… table=… settings=… members=…", as stored with a recorded review. */
    public static String inputs(Map<String, String> parts) {
        StringJoiner j = new StringJoiner(" ");
        for (String p : PARTS) j.add(p + "=" + parts.get(p));
        return j.toString();
    }

    /** The parts whose digest differs between two {@link #inputs} texts (all of them when one is missing). */
    public static List<String> changed(String recorded, String now) {
        Map<String, String> a = parse(recorded), b = parse(now);
        List<String> out = new ArrayList<>();
        for (String p : PARTS) if (a.get(p) == null || !a.get(p).equals(b.get(p))) out.add(p);
        return out;
    }

    private static Map<String, String> parse(String inputs) {
        Map<String, String> out = new HashMap<>();
        if (inputs == null) return out;
        for (String part : inputs.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return out;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String hash(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String l : lines) {
                md.update(String.valueOf(l).getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
