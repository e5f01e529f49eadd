package vn.laurel.api.store;

import vn.laurel.engine.model.UnitEventKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dated events of the organisation tree (unit_event, {@link FactKinds#UNIT_EVENTS}): what a row needs from the
 * store to be accepted, what recording it changes in the tree, and the predecessors of units read from them.
 *
 * <p>Recording an event changes the tree as it happened, once, when the row is first recorded (re-importing it
 * changes nothing): MOVED sets the unit's parent, RENAMED its name (the unit named by {@code other} when the code
 * changed too) — each only when it is the unit's latest event of that kind, so that units.csv and its events agree
 * whatever order they arrive in — with the previous values kept in entity_revision; MERGED_INTO (and RENAMED to a
 * new code) moves the unit's people to the other unit from that day: their memberships there end the day before and
 * continue at the other unit, their unit follows, their {@code hired_on} is never touched (people's service
 * continues across their unit's merger); DISSOLVED ends the unit's memberships the day before. ESTABLISHED and
 * SPLIT_FROM change nothing in the tree (who went where after a split is recorded as memberships). Since the change
 * happens when the row is recorded, an event of the tree ({@link #TREE_EVENTS}) dated after today is refused, and one
 * recorded is not corrected (another unit, name or day) or retracted: that would not undo its change; a later event does.
 * The memberships a merger or a dissolution supersedes flag the decisions that relied on them, as any superseded fact.
 *
 * <p>A unit's predecessors: the units MERGED_INTO it, RENAMED into it (other = its code), and the unit it was
 * SPLIT_FROM; theirs in turn, at most {@link #MAX_DEPTH} levels, read level by level in one query per level.
 */
final class UnitEvents {
    /** The levels of predecessors read (the case format's nesting limit). */
    static final int MAX_DEPTH = 5;
    private static final Pattern ROW = Pattern.compile("^(.*\\D)(\\d{1,18})$");

    private UnitEvents() {}

    // ------------------------------------------------------------------ checks

    /**
     * The events that change the tree when recorded (a unit's parent, name or people). They are refused when dated
     * after today, and once recorded they cannot be corrected or retracted: a later event undoes their effect.
     */
    static final Set<String> TREE_EVENTS = Set.of("MERGED_INTO", "MOVED", "RENAMED", "DISSOLVED");
    private static final String TREE_EVENTS_SQL = "('DISSOLVED', 'MERGED_INTO', 'MOVED', 'RENAMED')";

    /** Today, by the store's clock ({@link Now}) in the server's zone: events of the tree dated after it are refused. */
    static LocalDate today() {
        return LocalDate.ofInstant(Now.instant(), ZoneId.systemDefault());
    }

    /** Why a tree event dated {@code on} cannot be recorded today, or null when it can. */
    static String future(String event, LocalDate on, LocalDate today) {
        if (event == null || on == null || !TREE_EVENTS.contains(event) || !on.isAfter(today)) return null;
        return "a " + event + " dated " + on + " is after today (" + today + "): recording it would change the organisation tree "
                + "before it happens; record it on or after that day";
    }

    /** Why a recorded tree event cannot be corrected or retracted (the fact API answers it as a conflict). */
    static String applied(String event, Object on, String ref) {
        return "the " + event + " of " + on + " (" + ref + ") has changed the organisation tree (" + switch (event) {
            case "MOVED" -> "the unit's parent";
            case "RENAMED" -> "the unit's name, and its people when the code changed";
            case "MERGED_INTO" -> "the unit's people, enterprises and households moved to the other unit";
            default -> "the unit's memberships ended";
        } + "); correcting or retracting it would not undo that: record a later event that undoes it (a MOVED back, a RENAMED to "
                + "the old name, memberships.csv for the people)";
    }

    /**
     * The staged events the store refuses: not a unit's, another unit unknown, an event of the tree dated after today or
     * correcting one already recorded, a loop in the tree or among predecessors, a unit linked twice as the predecessor of
     * one unit, a unit continuing two predecessors on one day.
     */
    static List<RowError> check(Connection c, long stageId, String file, int limit) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        errors.addAll(FactTables.query(c, "SELECT s.row_no, s.subject_id, x.kind FROM stage_unit_event s JOIN subject x ON x.id = s.subject_id "
                        + "WHERE s.import_id = ? AND x.kind <> 'COLLECTIVE' ORDER BY s.row_no", stageId, limit,
                rs -> new RowError(file, rs.getLong(1), "unit", "\"" + rs.getString(2) + "\" is " + rs.getString(3)
                        + ": events are recorded for units of the organisation tree")));
        errors.addAll(FactTables.query(c, "SELECT s.row_no, s.other_code FROM stage_unit_event s WHERE s.import_id = ? "
                        + "AND s.other_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.code = s.other_code) ORDER BY s.row_no",
                stageId, limit, rs -> new RowError(file, rs.getLong(1), "other", "unknown unit \"" + rs.getString(2) + "\"")));
        if (!errors.isEmpty()) return errors;

        record Staged(long row, String unit, String event, LocalDate on, String other, Boolean continues) {}
        List<Staged> staged = FactTables.query(c, "SELECT row_no, subject_id, event_kind, on_date, other_code, continues FROM stage_unit_event "
                + "WHERE import_id = ? ORDER BY row_no", stageId, Integer.MAX_VALUE, rs -> new Staged(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), (Boolean) rs.getObject(6)));

        // An event of the tree takes effect when recorded: not before its day.
        LocalDate today = today();
        for (Staged s : staged) {
            String future = future(s.event(), s.on(), today);
            if (future != null) errors.add(new RowError(file, s.row(), "on", future));
        }
        // Nor can one recorded be corrected (another unit, another name): its effect stays.
        errors.addAll(FactTables.query(c, "SELECT s.row_no, s.event_kind, s.on_date, u.id, CASE WHEN s.other_code IS DISTINCT FROM u.other_code "
                        + "THEN 'other' ELSE 'name' END FROM stage_unit_event s JOIN unit_event u ON u.subject_id = s.subject_id "
                        + "AND u.event_kind = s.event_kind AND u.on_date = s.on_date AND u.current_flag = TRUE WHERE s.import_id = ? "
                        + "AND s.event_kind IN " + TREE_EVENTS_SQL + " AND (s.other_code IS DISTINCT FROM u.other_code "
                        + "OR s.new_name IS DISTINCT FROM u.new_name) ORDER BY s.row_no", stageId, limit,
                rs -> new RowError(file, rs.getLong(1), rs.getString(5), "corrects a recorded event: "
                        + applied(rs.getString(2), rs.getObject(3, LocalDate.class), "unitEvent:" + rs.getLong(4)))));

        // A unit moved under one of its own descendants would make the tree a loop.
        Map<String, Staged> latestMove = new HashMap<>();
        for (Staged s : staged) {
            if (!s.event().equals("MOVED")) continue;
            Staged before = latestMove.get(s.unit());
            if (before == null || !s.on().isBefore(before.on())) latestMove.put(s.unit(), s);
        }
        if (!latestMove.isEmpty()) {
            Map<String, String> parent = new HashMap<>();
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT code, parent_code FROM org_unit")) {
                parent.put((String) r.get("code"), (String) r.get("parent_code"));
            }
            latestMove.values().forEach(s -> parent.put(s.unit(), s.other()));
            for (Staged s : latestMove.values().stream().sorted(Comparator.comparingLong(Staged::row)).toList()) {
                Set<String> seen = new HashSet<>();
                for (String u = s.other(); u != null && seen.add(u); u = parent.get(u)) {
                    if (u.equals(s.unit())) {
                        errors.add(new RowError(file, s.row(), "other", "\"" + s.other() + "\" lies below \"" + s.unit()
                                + "\": moving the unit under it would make the organisation tree a loop"));
                        break;
                    }
                }
            }
        }

        // A unit that would be its own predecessor (merged into a unit that merged into it…).
        List<Staged> links = staged.stream().filter(s -> s.other() != null && isLink(s.event())).toList();
        if (!links.isEmpty()) {
            Set<String> stagedKeys = staged.stream().map(s -> s.unit() + "|" + s.event() + "|" + s.on()).collect(Collectors.toSet());
            Map<String, Set<String>> next = new HashMap<>(); // predecessor → successors
            // Each link into a unit (successor): the recorded ones first, then the staged in row order.
            record Into(String successor, String predecessor, LocalDate on, boolean continues, String where, Staged staged) {}
            List<Into> into = new ArrayList<>();
            for (Map<String, Object> r : SubjectRows.list(c, "SELECT id, subject_id, event_kind, on_date, other_code, continues FROM unit_event "
                    + "WHERE current_flag = TRUE AND other_code IS NOT NULL AND event_kind IN ('MERGED_INTO', 'SPLIT_FROM', 'RENAMED') ORDER BY id")) {
                String unit = (String) r.get("subject_id"), event = (String) r.get("event_kind"), other = (String) r.get("other_code");
                if (stagedKeys.contains(unit + "|" + event + "|" + r.get("on_date"))) continue; // replaced by the staged row
                link(next, unit, event, other);
                boolean split = event.equals("SPLIT_FROM");
                into.add(new Into(split ? unit : other, split ? other : unit, (LocalDate) r.get("on_date"), Boolean.TRUE.equals(r.get("continues")),
                        "unitEvent:" + r.get("id"), null));
            }
            links.forEach(s -> link(next, s.unit(), s.event(), s.other()));
            for (Staged s : links) {
                boolean split = s.event().equals("SPLIT_FROM");
                into.add(new Into(split ? s.unit() : s.other(), split ? s.other() : s.unit(), s.on(), Boolean.TRUE.equals(s.continues()),
                        "row " + s.row(), s));
            }
            // One unit linked twice as a predecessor of another, or two predecessors continued on one day: the answer
            // would depend on the order the links are read in (a year's rating taken from whichever comes last).
            Map<String, Into> firstLink = new HashMap<>(), firstContinued = new HashMap<>();
            for (Into i : into) {
                Into before = firstLink.putIfAbsent(i.successor() + "|" + i.predecessor(), i);
                if (before != null && i.staged() != null) {
                    errors.add(new RowError(file, i.staged().row(), "other", "\"" + i.predecessor() + "\" is already linked as a predecessor of \""
                            + i.successor() + "\" (" + before.where() + "): a unit is linked to its successor once"));
                    continue;
                }
                if (!i.continues()) continue;
                before = firstContinued.putIfAbsent(i.successor() + "|" + i.on(), i);
                if (before != null && i.staged() != null) {
                    errors.add(new RowError(file, i.staged().row(), "continues", "\"" + i.successor() + "\" already continues \""
                            + before.predecessor() + "\" from " + i.on() + " (" + before.where() + "): a unit continues at most one "
                            + "predecessor on one day"));
                }
            }
            for (Staged s : links) {
                String predecessor = s.event().equals("SPLIT_FROM") ? s.other() : s.unit();
                String successor = s.event().equals("SPLIT_FROM") ? s.unit() : s.other();
                if (reaches(next, successor, predecessor)) {
                    errors.add(new RowError(file, s.row(), "other", "would make \"" + predecessor + "\" a predecessor of itself "
                            + "(a loop of mergers, splits or renames through \"" + successor + "\")"));
                }
            }
        }
        return errors.size() > limit ? errors.subList(0, limit) : errors;
    }

    private static boolean isLink(String event) {
        return event.equals("MERGED_INTO") || event.equals("SPLIT_FROM") || event.equals("RENAMED");
    }

    private static void link(Map<String, Set<String>> next, String unit, String event, String other) {
        if (event.equals("SPLIT_FROM")) next.computeIfAbsent(other, k -> new HashSet<>()).add(unit);
        else next.computeIfAbsent(unit, k -> new HashSet<>()).add(other);
    }

    private static boolean reaches(Map<String, Set<String>> next, String from, String to) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String u = todo.poll();
            if (u.equals(to)) return true;
            if (seen.add(u)) todo.addAll(next.getOrDefault(u, Set.of()));
        }
        return false;
    }

    // ------------------------------------------------------------------ effects

    /**
     * Applies the events an import has just recorded (new rows, or rows replacing others), in the order of their days;
     * returns how many memberships they superseded (their decisions are flagged as for any superseded fact).
     */
    static long applyImported(Connection c, long importId, Instant now, String recordedBy) throws SQLException {
        return apply(c, "import_id = ? AND recorded_at = ?", now, recordedBy, importId, importId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    /** Applies one event just written through the API; returns how many memberships it superseded. */
    static long applyWritten(Connection c, long eventId, Instant now, String recordedBy) throws SQLException {
        return apply(c, "id = ?", now, recordedBy, null, eventId);
    }

    private static long apply(Connection c, String where, Instant now, String recordedBy, Long importId, Object... params)
            throws SQLException {
        FactKind kind = FactKinds.UNIT_EVENTS;
        List<StoredFact> events;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FactTables.columns(kind) + FactTables.PROVENANCE + " FROM unit_event "
                + "WHERE current_flag = TRUE AND " + where + " ORDER BY on_date, id")) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            events = FactTables.read(kind, ps);
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long superseded = 0;
        for (StoredFact e : events) {
            Map<String, Object> v = e.values();
            String unit = (String) v.get("subject_id"), other = (String) v.get("other_code"), name = (String) v.get("new_name");
            LocalDate on = (LocalDate) v.get("on_date");
            Effect effect = new Effect(c, e.source(), at, now, recordedBy, importId);
            switch (UnitEventKind.valueOf((String) v.get("event_kind"))) {
                case RENAMED -> {
                    String target = other != null ? other : unit;
                    if (on.equals(latest(c, "RENAMED", "COALESCE(other_code, subject_id) = ?", target))) effect.rename(target, name);
                    if (other != null) superseded += effect.movePeople(unit, other, on);
                }
                case MOVED -> {
                    if (on.equals(latest(c, "MOVED", "subject_id = ?", unit))) effect.moveUnder(unit, other);
                }
                case MERGED_INTO -> superseded += effect.movePeople(unit, other, on);
                case DISSOLVED -> superseded += effect.endMemberships(unit, on);
                case ESTABLISHED, SPLIT_FROM -> { }
            }
        }
        return superseded;
    }

    /** The day of the latest current event of a kind that {@code where} selects. */
    private static LocalDate latest(Connection c, String event, String where, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(on_date) FROM unit_event WHERE current_flag = TRUE AND event_kind = ? AND " + where)) {
            ps.setString(1, event);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, LocalDate.class) : null;
            }
        }
    }

    /** What one event changes, written with the event's own source. */
    private record Effect(Connection c, String source, OffsetDateTime at, Instant now, String recordedBy, Long importId) {
        void rename(String code, String name) throws SQLException {
            EntityTables.keepRevisions(c, EntityKinds.UNITS, "x.code = ? AND x.name <> ?", at, source, code, name);
            long changed = EntityTables.update(c, "UPDATE org_unit SET name = ?, source = ?, recorded_at = ?, recorded_by = ? "
                    + "WHERE code = ? AND name <> ?", name, source, at, recordedBy, code, name);
            if (changed > 0) EntityTables.update(c, "UPDATE subject SET name = ? WHERE id = ? AND kind = 'COLLECTIVE'", name, code);
        }

        void moveUnder(String code, String parent) throws SQLException {
            String differs = "x.code = ? AND (x.parent_code IS NULL OR x.parent_code <> ?)";
            EntityTables.keepRevisions(c, EntityKinds.UNITS, differs, at, source, code, parent);
            EntityTables.update(c, "UPDATE org_unit SET parent_code = ?, source = ?, recorded_at = ?, recorded_by = ? WHERE code = ? "
                    + "AND (parent_code IS NULL OR parent_code <> ?)", parent, source, at, recordedBy, code, parent);
        }

        /**
         * The unit's people from {@code on}: each membership still running ends the day before and continues at
         * {@code to} (one starting later moves whole); each person's unit follows, hired_on stays; enterprises and
         * households of the unit follow it too. Returns how many memberships were superseded.
         */
        long movePeople(String from, String to, LocalDate on) throws SQLException {
            String stays = "EXISTS (SELECT 1 FROM membership m WHERE m.subject_id = x.id AND m.current_flag = TRUE AND m.unit_code = ? "
                    + "AND (m.to_date IS NULL OR m.to_date >= ?))";
            EntityTables.keepRevisions(c, EntityKinds.PEOPLE, "x.kind = 'PERSON' AND x.unit_code = ? AND " + stays, at, source, from, from, on);
            EntityTables.update(c, "UPDATE subject SET unit_code = ?, source = ?, recorded_at = ?, recorded_by = ? WHERE kind = 'PERSON' "
                    + "AND unit_code = ? AND " + stays.replace("x.id", "subject.id"), to, source, at, recordedBy, from, from, on);
            EntityTables.keepRevisions(c, EntityKinds.SUBJECTS, "x.kind IN ('ENTERPRISE', 'HOUSEHOLD') AND x.unit_code = ?", at, source, from);
            EntityTables.update(c, "UPDATE subject SET unit_code = ?, source = ?, recorded_at = ?, recorded_by = ? "
                    + "WHERE kind IN ('ENTERPRISE', 'HOUSEHOLD') AND unit_code = ?", to, source, at, recordedBy, from);
            return memberships(from, to, on);
        }

        long endMemberships(String unit, LocalDate on) throws SQLException {
            return memberships(unit, null, on);
        }

        /**
         * Memberships of {@code unit} running on {@code on} end the day before; with {@code to}, they continue there.
         * Returns how many memberships were superseded.
         */
        private long memberships(String unit, String to, LocalDate on) throws SQLException {
            long stage = ThreadLocalRandom.current().nextLong(Long.MIN_VALUE, 0);
            Matcher m = ROW.matcher(source);
            String prefix = m.matches() ? m.group(1) : source + " #";
            long row = m.matches() ? Long.parseLong(m.group(2)) : 0;
            EntityTables.update(c, "INSERT INTO stage_membership (import_id, row_no, subject_id, unit_code, from_date, to_date) "
                    + "SELECT ?, ?, subject_id, unit_code, from_date, CAST(? AS DATE) FROM membership WHERE current_flag = TRUE AND unit_code = ? "
                    + "AND from_date < CAST(? AS DATE) AND (to_date IS NULL OR to_date >= CAST(? AS DATE))", stage, row, on.minusDays(1), unit, on, on);
            long moved = 0;
            if (to != null) {
                EntityTables.update(c, "INSERT INTO stage_membership (import_id, row_no, subject_id, unit_code, from_date, to_date) "
                        + "SELECT ?, ?, subject_id, ?, CASE WHEN from_date < CAST(? AS DATE) THEN CAST(? AS DATE) ELSE from_date END, to_date "
                        + "FROM membership WHERE current_flag = TRUE AND unit_code = ? AND (to_date IS NULL OR to_date >= CAST(? AS DATE))",
                        stage, row, to, on, on, unit, on);
                moved = EntityTables.update(c, "UPDATE membership SET superseded_at = ?, current_flag = NULL WHERE current_flag = TRUE "
                        + "AND unit_code = ? AND from_date >= CAST(? AS DATE)", at, unit, on);
            }
            FactTables.Merge merged = FactTables.merge(c, FactKinds.MEMBERSHIPS, stage, now, prefix, recordedBy, importId);
            FactTables.clearStage(c, FactKinds.MEMBERSHIPS, stage);
            return moved + merged.superseded();
        }
    }

    // ------------------------------------------------------------------ predecessors

    /**
     * One unit's predecessor, from the event that says so.
     *
     * @param relation MERGED_INTO (the predecessor merged into the successor), SPLIT_FROM (the successor split off
     *                 from it) or RENAMED (the predecessor took the successor's code)
     */
    record Link(String successor, String predecessor, UnitEventKind relation, StoredFact event) {}

    /**
     * The predecessors of {@code units} and theirs, {@link #MAX_DEPTH} levels down, by successor, each list in the
     * order of the events' days; as known at {@code knownAt} (the current events when null). One query per level.
     */
    static Map<String, List<Link>> lineage(Connection c, Collection<String> units, Instant knownAt) throws SQLException {
        Map<String, List<Link>> bySuccessor = new HashMap<>();
        Set<String> asked = new HashSet<>(units);
        List<String> level = List.copyOf(new LinkedHashSet<>(units));
        for (int depth = 1; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (Link l : linksInto(c, level, knownAt)) {
                bySuccessor.computeIfAbsent(l.successor(), k -> new ArrayList<>()).add(l);
                if (asked.add(l.predecessor())) next.add(l.predecessor());
            }
            level = next;
        }
        return bySuccessor;
    }

    private static List<Link> linksInto(Connection c, List<String> units, Instant knownAt) throws SQLException {
        FactKind kind = FactKinds.UNIT_EVENTS;
        String when = knownAt == null ? "current_flag = TRUE" : "recorded_at <= ? AND (superseded_at IS NULL OR superseded_at > ?)";
        List<Link> out = new ArrayList<>();
        for (int from = 0; from < units.size(); from += 500) {
            List<String> chunk = units.subList(from, Math.min(units.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FactTables.columns(kind) + FactTables.PROVENANCE + " FROM unit_event WHERE "
                    + when + " AND ((event_kind IN ('MERGED_INTO', 'RENAMED') AND other_code IN (" + marks + ")) "
                    + "OR (event_kind = 'SPLIT_FROM' AND subject_id IN (" + marks + "))) ORDER BY on_date, id")) {
                int p = 1;
                if (knownAt != null) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC);
                    ps.setObject(p++, at);
                    ps.setObject(p++, at);
                }
                for (String u : chunk) ps.setString(p++, u);
                for (String u : chunk) ps.setString(p++, u);
                for (StoredFact f : FactTables.read(kind, ps)) {
                    UnitEventKind relation = UnitEventKind.valueOf((String) f.values().get("event_kind"));
                    String unit = (String) f.values().get("subject_id"), other = (String) f.values().get("other_code");
                    out.add(relation == UnitEventKind.SPLIT_FROM ? new Link(unit, other, relation, f) : new Link(other, unit, relation, f));
                }
            }
        }
        return out;
    }
}
