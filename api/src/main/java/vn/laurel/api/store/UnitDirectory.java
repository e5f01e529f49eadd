package vn.laurel.api.store;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.*;

/**
 * The organisation tree as the unit pages read it: every unit in one query (a department has tens
 * of units, a province a few thousand), and the names of many people at once, so that a unit's page
 * costs a fixed number of queries however many members it has. The walk down the tree (a subtree) is
 * here too, the one every part of the service uses: candidates lists, batches, previews, scopes.
 */
@Singleton
public class UnitDirectory {
    private final DataSource dataSource;

    public UnitDirectory(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public record Unit(String code, String name, String parentCode) {}

    /**
     * A dated event naming a unit: the unit's own ({@code unit} is it) or another unit's that names it as {@code other}.
     *
     * @param id the fact id, {@code unitEvent:12}
     */
    public record Event(String id, String unit, String unitName, String event, java.time.LocalDate on, String other, String otherName,
                        String name, Integer members, Boolean continues, String source) {}

    /** The current events naming the unit, by day (its organisation history). */
    public List<Event> events(String code) {
        try (Connection c = dataSource.getConnection()) {
            List<Event> out = new ArrayList<>();
            for (Map<String, Object> r : SubjectRows.unitEvents(c, code)) {
                out.add(new Event(FactKinds.UNIT_EVENTS.prefix() + ":" + r.get("id"), (String) r.get("subject_id"), (String) r.get("unit_name"),
                        (String) r.get("event_kind"), (java.time.LocalDate) r.get("on_date"), (String) r.get("other_code"),
                        (String) r.get("other_name"), (String) r.get("new_name"), r.get("members") == null ? null : ((Number) r.get("members")).intValue(),
                        (Boolean) r.get("continues"), (String) r.get("source")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of " + code, e);
        }
    }

    /** An enterprise or a household of a unit (a ward's, say). */
    public record Other(String id, String name, String kind) {}

    /** The enterprises and households whose unit this is, in id order. */
    public List<Other> others(String code) {
        try (Connection c = dataSource.getConnection()) {
            List<Other> out = new ArrayList<>();
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT id, name, kind FROM subject WHERE kind IN ('ENTERPRISE', 'HOUSEHOLD') "
                    + "AND unit_code = ? ORDER BY id", code)) {
                out.add(new Other((String) r.get("id"), (String) r.get("name"), (String) r.get("kind")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the enterprises and households of " + code, e);
        }
    }

    /** Every unit, by code, in code order. */
    public Map<String, Unit> all() {
        Map<String, Unit> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT code, name, parent_code FROM org_unit ORDER BY code")) {
                String code = (String) r.get("code");
                out.put(code, new Unit(code, (String) r.get("name"), (String) r.get("parent_code")));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the organisation tree", e);
        }
    }

    /** The unit and every unit below it, the unit first, then level by level; empty when no unit has that code. */
    public List<String> subtree(String unit) {
        return below(all().values(), List.of(unit));
    }

    /** The units and every unit below them, each once; codes that name no unit are left out. */
    public List<String> subtree(Collection<String> roots) {
        return below(all().values(), roots);
    }

    /**
     * Whether the subject's unit, or a unit it is a current member of, is one of the roots or lies
     * below one: the subject's units and their walk up the tree on one connection.
     */
    public boolean subjectWithin(String subjectId, Set<String> roots) {
        try (Connection c = dataSource.getConnection()) {
            List<String> units = new ArrayList<>();
            SubjectRows.list(c, "SELECT unit_code FROM subject WHERE id = ? AND unit_code IS NOT NULL UNION "
                            + "SELECT unit_code FROM membership WHERE subject_id = ? AND current_flag = TRUE", subjectId, subjectId)
                    .forEach(r -> units.add((String) r.get("unit_code")));
            return within(c, units, roots);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subject " + subjectId, e);
        }
    }

    /** Whether the unit is one of the roots or lies below one. */
    public boolean unitWithin(String unit, Set<String> roots) {
        try (Connection c = dataSource.getConnection()) {
            return within(c, List.of(unit), roots);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the organisation tree", e);
        }
    }

    /**
     * Whether one of the units is a root or lies below one: walked up the tree, a few rows per
     * question rather than the whole tree on every eligibility call (a scope is checked on each).
     */
    private static boolean within(Connection c, Collection<String> units, Set<String> roots) throws SQLException {
        for (String unit : units) {
            Set<String> seen = new HashSet<>();
            String code = unit;
            while (code != null && seen.add(code)) { // a cycle in bad data must not loop
                if (roots.contains(code)) return true;
                List<Map<String, Object>> row = SubjectRows.list(c, "SELECT parent_code FROM org_unit WHERE code = ?", code);
                code = row.isEmpty() ? null : (String) row.get(0).get("parent_code");
            }
        }
        return false;
    }

    /** Far more units than one organisation has (a province has a few thousand): a walk stops there. */
    public static final int MAX_UNITS = 100_000;

    /**
     * The one walk down the organisation tree: the roots that name a unit, then the units below them
     * level by level, each level in the order of {@code units}. Stored data may be bad — a unit its own
     * ancestor after a faulty import — so each unit is visited once and the walk stops at
     * {@link #MAX_UNITS}: it always ends.
     */
    public static List<String> below(Collection<Unit> units, Collection<String> roots) {
        Set<String> codes = new HashSet<>();
        Map<String, List<String>> children = new HashMap<>();
        for (Unit u : units) {
            codes.add(u.code());
            if (u.parentCode() != null) children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u.code());
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        roots.stream().filter(codes::contains).forEach(todo::add);
        while (!todo.isEmpty() && seen.size() < MAX_UNITS) {
            String u = todo.poll();
            if (seen.add(u)) todo.addAll(children.getOrDefault(u, List.of())); // a cycle in bad data is walked once
        }
        return List.copyOf(seen);
    }

    /** Every unit, in code order, or those of {@code visibleUnits}: the choices of a page's unit list. */
    public List<Unit> visible(Optional<Set<String>> visibleUnits) {
        return all().values().stream().filter(u -> visibleUnits.isEmpty() || visibleUnits.get().contains(u.code())).toList();
    }

    /** Code → name of these units. */
    public static Map<String, String> namesOf(Collection<Unit> units) {
        Map<String, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    /** The top of what a user sees: the first unit whose parent is not among {@code units} (the demo department). */
    public static Optional<String> top(Collection<Unit> units) {
        Set<String> codes = new HashSet<>();
        units.forEach(u -> codes.add(u.code()));
        return units.stream().filter(u -> u.parentCode() == null || !codes.contains(u.parentCode())).map(Unit::code).findFirst();
    }

    /** The names of stored subjects (people and units) among {@code ids}, by id; ids that name none are left out. */
    public Map<String, String> names(Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        List<String> list = List.copyOf(new LinkedHashSet<>(ids));
        try (Connection c = dataSource.getConnection()) {
            for (int from = 0; from < list.size(); from += 1000) {
                List<String> chunk = list.subList(from, Math.min(list.size(), from + 1000));
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                for (Map<String, Object> r : SubjectRows.list(c, "SELECT id, name FROM subject WHERE id IN (" + marks + ")", chunk.toArray())) {
                    out.put((String) r.get("id"), (String) r.get("name"));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read names", e);
        }
    }
}
