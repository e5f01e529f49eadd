package vn.laurel.api.store;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.*;
import java.util.regex.Pattern;

/**
 * People, units, enterprises and households found by code or name, accent-insensitive: "nguyen thi hoa" finds "Nguyễn Thị Hoa"
 * and "dv" finds "Đơn vị". Names are folded in Java (diacritics removed, đ as d, lower case) so that
 * H2 and PostgreSQL answer alike without the unaccent extension; the query reads ids, names and units
 * only, which stays small for a department (an organisation of many thousands would want a folded,
 * indexed column).
 */
@Singleton
public class SubjectSearch {
    public static final int MAX_HITS = 50;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final DataSource dataSource;

    public SubjectSearch(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public record Person(String id, String name, String unitCode) {}

    /** An enterprise or a household found, with its kind. */
    public record Other(String id, String name, String unitCode, String kind) {}

    public record Hits(List<Person> people, List<UnitDirectory.Unit> units, List<Other> others) {
        public Hits(List<Person> people, List<UnitDirectory.Unit> units) {
            this(people, units, List.of());
        }
    }

    /**
     * Every word of the query must occur in the code or the name.
     *
     * @param visibleUnits the units the user may see (a person counts when its unit or a current
     *                     membership lies among them); empty: the whole organisation
     */
    public Hits search(String query, Optional<Set<String>> visibleUnits) {
        List<String> words = words(query);
        if (words.isEmpty()) return new Hits(List.of(), List.of());
        List<Person> people = new ArrayList<>();
        List<UnitDirectory.Unit> units = new ArrayList<>();
        List<Other> others = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Map<String, Set<String>> memberOf = new HashMap<>();
            if (visibleUnits.isPresent()) {
                for (Map<String, Object> r : SubjectRows.list(c, "SELECT subject_id, unit_code FROM membership WHERE current_flag = TRUE")) {
                    memberOf.computeIfAbsent((String) r.get("subject_id"), k -> new HashSet<>()).add((String) r.get("unit_code"));
                }
            }
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT id, name, unit_code FROM subject WHERE kind = 'PERSON' ORDER BY id")) {
                String id = (String) r.get("id");
                String name = (String) r.get("name");
                String unit = (String) r.get("unit_code");
                if (visibleUnits.isPresent()) {
                    Set<String> visible = visibleUnits.get();
                    boolean in = (unit != null && visible.contains(unit))
                            || memberOf.getOrDefault(id, Set.of()).stream().anyMatch(visible::contains);
                    if (!in) continue;
                }
                if (matches(words, id, name)) people.add(new Person(id, name, unit));
                if (people.size() >= MAX_HITS) break;
            }
            // Enterprises and households: seen by a scoped user when their unit is among the visible ones.
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT id, name, unit_code, kind FROM subject "
                    + "WHERE kind IN ('ENTERPRISE', 'HOUSEHOLD') ORDER BY id")) {
                String unit = (String) r.get("unit_code");
                if (visibleUnits.isPresent() && (unit == null || !visibleUnits.get().contains(unit))) continue;
                if (matches(words, (String) r.get("id"), (String) r.get("name"))) {
                    others.add(new Other((String) r.get("id"), (String) r.get("name"), unit, (String) r.get("kind")));
                }
                if (others.size() >= MAX_HITS) break;
            }
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT code, name, parent_code FROM org_unit ORDER BY code")) {
                String code = (String) r.get("code");
                if (visibleUnits.isPresent() && !visibleUnits.get().contains(code)) continue;
                String name = (String) r.get("name");
                if (matches(words, code, name)) units.add(new UnitDirectory.Unit(code, name, (String) r.get("parent_code")));
                if (units.size() >= MAX_HITS) break;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search people and units", e);
        }
        return new Hits(people, units, others);
    }

    /** A stored subject's name and unit, for a page's heading. */
    public Optional<Person> subject(String id) {
        try (Connection c = dataSource.getConnection()) {
            return SubjectRows.find(c, id).map(r -> new Person((String) r.get("id"), (String) r.get("name"), (String) r.get("unit_code")));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subject " + id, e);
        }
    }

    private static boolean matches(List<String> words, String code, String name) {
        String text = fold(code) + " " + fold(name);
        for (String w : words) {
            if (!text.contains(w)) return false;
        }
        return true;
    }

    static List<String> words(String query) {
        if (query == null) return List.of();
        String q = query.length() > 200 ? query.substring(0, 200) : query;
        List<String> out = new ArrayList<>();
        for (String w : fold(q).split("[\\s,;]+")) {
            if (!w.isBlank()) out.add(w);
        }
        return out.size() > 10 ? out.subList(0, 10) : out;
    }

    /** Lower case without diacritics: "Nguyễn Thị Hoa" → "nguyen thi hoa", "Đào" → "dao". */
    public static String fold(String s) {
        if (s == null) return "";
        String lower = s.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }
}
