package vn.laurel.api.replay;

import java.util.*;

/** The places where two JSON values differ, as paths with the value before and after. */
public final class JsonDiff {
    public record Difference(String path, Object before, Object after) {}

    private JsonDiff() {}

    public static List<Difference> of(Object before, Object after, int limit) {
        List<Difference> out = new ArrayList<>();
        walk("$", before, after, out, limit);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void walk(String path, Object a, Object b, List<Difference> out, int limit) {
        if (out.size() >= limit) return;
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add((String) k));
            mb.keySet().forEach(k -> keys.add((String) k));
            for (String k : keys) walk(path + "." + k, ma.get(k), mb.get(k), out, limit);
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                walk(path + "[" + i + "]", i < la.size() ? la.get(i) : null, i < lb.size() ? lb.get(i) : null, out, limit);
            }
        } else if (!same(a, b)) {
            out.add(new Difference(path, a, b));
        }
    }

    /** Numbers compare by value: a stored 6 and a computed 6L are the same. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
