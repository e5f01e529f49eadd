package vn.laurel.api.store;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.engine.model.*;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.*;
import java.util.function.Function;

/**
 * Reads a subject's history from the store into the engine's model — as it is now, or as it was
 * known at a moment (for replaying a past decision). Every fact keeps its store id
 * ({@code rating:812}) and its source, so a decision names exactly what it relied on.
 */
@Singleton
public class FactStore {
    private final DataSource dataSource;

    public FactStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public Optional<Subject> subject(String id) {
        return subject(id, null);
    }

    /**
     * The subject with its facts as known at {@code knownAt}; the current facts when it is null. A unit comes with
     * its events and its predecessors (UnitEvents), each with its facts as known at the same moment: then every
     * kind of fact is read once for the unit and all its predecessors together.
     */
    public Optional<Subject> subject(String id, Instant knownAt) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Map<String, Object>> row = SubjectRows.find(c, id);
            if (row.isEmpty()) return Optional.empty();
            Map<String, List<UnitEvents.Link>> lineage = "COLLECTIVE".equals(row.get().get("kind"))
                    ? UnitEvents.lineage(c, List.of(id), knownAt) : Map.of();
            String subjectKind = (String) row.get().get("kind");
            if (lineage.isEmpty()) {
                return Optional.of(build(row.get(), kind -> canHave(subjectKind, kind) ? FactTables.forSubject(c, kind, id, knownAt) : List.of(), null));
            }
            Map<String, Map<String, Object>> rows = new HashMap<>();
            rows.put(id, row.get());
            rows.putAll(rowsOf(c, List.copyOf(predecessorsIn(lineage))));
            Bulk bulk = Bulk.read(c, List.copyOf(rows.keySet()), rows, knownAt);
            return Optional.of(assemble(id, rows, bulk, lineage, new ArrayDeque<>()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subject " + id, e);
        }
    }

    /** Many subjects with their current facts, read in bulk (a unit's people for a candidates list; units with their predecessors). */
    public Map<String, Subject> subjects(List<String> ids) {
        Map<String, Subject> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        try (Connection c = dataSource.getConnection()) {
            Map<String, Map<String, Object>> rows = rowsOf(c, ids);
            List<String> units = rows.values().stream().filter(r -> "COLLECTIVE".equals(r.get("kind"))).map(r -> (String) r.get("id")).toList();
            Map<String, List<UnitEvents.Link>> lineage = units.isEmpty() ? Map.of() : UnitEvents.lineage(c, units, null);
            Set<String> predecessors = predecessorsIn(lineage);
            predecessors.removeAll(rows.keySet());
            rows.putAll(rowsOf(c, List.copyOf(predecessors)));
            List<String> all = new ArrayList<>(ids);
            all.addAll(predecessors);
            Bulk bulk = Bulk.read(c, all, rows, null);
            for (String id : ids) {
                if (rows.containsKey(id)) out.put(id, assemble(id, rows, bulk, lineage, new ArrayDeque<>()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subjects", e);
        }
    }

    /** The subject rows of these ids, by id, a thousand at a time. */
    private static Map<String, Map<String, Object>> rowsOf(Connection c, List<String> ids) throws SQLException {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            for (Map<String, Object> row : SubjectRows.list(c, "SELECT " + SubjectRows.SUBJECT_COLUMNS + " FROM subject WHERE id IN (" + marks + ")",
                    chunk.toArray())) {
                rows.put((String) row.get("id"), row);
            }
        }
        return rows;
    }

    private static Set<String> predecessorsIn(Map<String, List<UnitEvents.Link>> lineage) {
        Set<String> out = new LinkedHashSet<>();
        lineage.values().forEach(links -> links.forEach(l -> out.add(l.predecessor())));
        return out;
    }

    /**
     * Whether a subject of this kind can have facts of that kind, as the store admits them (and the case format's
     * kind rules, CaseValidator.kindFields, say): unit events only for units, contributions only for households and
     * persons. Their tables are not read for the other kinds: a person's read asks nothing of unit_event.
     */
    static boolean canHave(String subjectKind, vn.laurel.api.store.FactKind kind) {
        if (kind == FactKinds.UNIT_EVENTS) return "COLLECTIVE".equals(subjectKind);
        if (kind == FactKinds.CONTRIBUTIONS) return "HOUSEHOLD".equals(subjectKind) || "PERSON".equals(subjectKind);
        return true;
    }

    /**
     * Every kind of fact of many subjects, one query per kind (a thousand subjects at a time); a kind only for the
     * subjects that can have it ({@link #canHave}), and not at all when none can.
     */
    private record Bulk(Map<vn.laurel.api.store.FactKind, Map<String, List<StoredFact>>> facts) {
        static Bulk read(Connection c, List<String> ids, Map<String, Map<String, Object>> rows, Instant knownAt) throws SQLException {
            Map<vn.laurel.api.store.FactKind, Map<String, List<StoredFact>>> facts = new HashMap<>();
            for (vn.laurel.api.store.FactKind kind : FactKinds.ALL) {
                List<String> of = ids.stream().filter(id -> rows.containsKey(id) && canHave((String) rows.get(id).get("kind"), kind)).toList();
                facts.put(kind, of.isEmpty() ? Map.of() : FactTables.forSubjects(c, kind, of, knownAt));
            }
            return new Bulk(facts);
        }

        Facts of(String id) {
            return kind -> facts.get(kind).getOrDefault(id, List.of());
        }
    }

    /**
     * A subject of the bulk read with its predecessors, theirs in turn, to {@link UnitEvents#MAX_DEPTH} levels; a
     * predecessor that is already one of the units on the way down (a loop in bad data) is left out.
     */
    private static Subject assemble(String id, Map<String, Map<String, Object>> rows, Bulk bulk, Map<String, List<UnitEvents.Link>> lineage,
                                    Deque<String> path) throws SQLException {
        path.push(id);
        try {
            List<Predecessor> predecessors = new ArrayList<>();
            if (path.size() <= UnitEvents.MAX_DEPTH) {
                for (UnitEvents.Link l : lineage.getOrDefault(id, List.of())) {
                    Map<String, Object> row = rows.get(l.predecessor());
                    if (row == null || path.contains(l.predecessor())) continue;
                    Map<String, Object> v = l.event().values();
                    predecessors.add(new Predecessor(l.relation(), (LocalDate) v.get("on_date"), (Integer) v.get("members"),
                            (Boolean) v.get("continues"), assemble(l.predecessor(), rows, bulk, lineage, path), ref(l.event()), l.event().source()));
                }
            }
            return build(rows.get(id), bulk.of(id), predecessors);
        } finally {
            path.pop();
        }
    }

    private interface Facts { List<StoredFact> of(vn.laurel.api.store.FactKind kind) throws SQLException; }

    /** A subject from its row and facts; a unit's predecessors as given (null: none). */
    private static Subject build(Map<String, Object> s, Facts facts, List<Predecessor> predecessors) throws SQLException {
        String id = (String) s.get("id");
        List<UnitEventFact> events = load(facts, FactKinds.UNIT_EVENTS, f -> new UnitEventFact(d(f, "on_date"),
                UnitEventKind.valueOf(t(f, "event_kind")), t(f, "other_code"), t(f, "new_name"), ref(f), f.source())).stream()
                .sorted(Comparator.comparing(UnitEventFact::on)).toList();
        // A unit's founding day: as units.csv gives it, else the day of its latest ESTABLISHED event.
        LocalDate established = (LocalDate) s.get("established_on");
        if (established == null) {
            established = events.stream().filter(e -> e.event() == UnitEventKind.ESTABLISHED).map(UnitEventFact::on)
                    .reduce((a, b) -> b).orElse(null);
        }
        return new Subject(id, SubjectKind.valueOf((String) s.get("kind")), (String) s.get("name"),
                    (String) s.get("unit_code"), (LocalDate) s.get("hired_on"), (Boolean) s.get("manager"),
                    s.get("education") == null ? null : Education.valueOf((String) s.get("education")),
                    (Boolean) s.get("union_member"), (Boolean) s.get("armed_forces"),
                    load(facts, FactKinds.RATINGS, f -> new RatingFact(i(f, "rating_year"), Rating.valueOf(t(f, "rating")), ref(f), f.source())),
                    load(facts, FactKinds.TITLES, f -> new TitleFact(i(f, "achievement_year"), t(f, "code"), t(f, "decision_no"),
                            d(f, "decided_on"), (Boolean) f.values().get("revoked"), ref(f), f.source())),
                    load(facts, FactKinds.COMMENDATIONS, f -> new CommendationFact(i(f, "achievement_year"), t(f, "code"),
                            CommendationKind.valueOf(t(f, "kind")), t(f, "decision_no"), d(f, "decided_on"),
                            (Boolean) f.values().get("revoked"), ref(f), f.source())),
                    load(facts, FactKinds.INITIATIVES, f -> new InitiativeFact(i(f, "recognised_year"),
                            InitiativeLevel.valueOf(t(f, "initiative_level")), InitiativeKind.valueOf(t(f, "kind")),
                            (Long) f.values().get("benefit_vnd"), t(f, "title"), ref(f), f.source())),
                    load(facts, FactKinds.DISCIPLINES, f -> new DisciplineFact(
                            t(f, "discipline_form") == null ? null : DisciplineForm.valueOf(t(f, "discipline_form")),
                            DisciplineStatus.valueOf(t(f, "status")), d(f, "decided_on"), d(f, "until_date"), d(f, "since_date"),
                            ref(f), f.source())),
                    load(facts, FactKinds.ABSENCES, f -> new AbsenceFact(i(f, "absence_year"), i(f, "absence_days"), ref(f), f.source())),
                    load(facts, FactKinds.ATTESTATIONS, f -> new AttestationFact(i(f, "attested_year"), t(f, "criterion"),
                            (Boolean) f.values().get("attested_value"), t(f, "attested_by"), d(f, "attested_on"), ref(f), f.source())),
                    load(facts, FactKinds.MEMBER_AGGREGATES, f -> new MemberAggregateFact(i(f, "aggregate_year"), i(f, "members"),
                            i(f, "advanced_laborers"), i(f, "advanced_soldiers"), i(f, "grassroots_soldiers"), i(f, "completed_or_better"),
                            i(f, "disciplined_warning_or_above"), ref(f), f.source())),
                    load(facts, FactKinds.CLUSTER_MEMBERS, f -> new ClusterRankingFact(i(f, "member_year"), t(f, "cluster_code"),
                            i(f, "ranking"), (Boolean) f.values().get("leads"), ref(f), f.source())).stream()
                            .filter(r -> r.rank() != null).toList(),
                    (LocalDate) s.get("deceased_on"), (LocalDate) s.get("contract_since"), established,
                    load(facts, FactKinds.CONTRIBUTIONS, f -> new ContributionFact(i(f, "contribution_year"),
                            ContributionKind.valueOf(t(f, "kind")), (Long) f.values().get("value_vnd"),
                            t(f, "description") == null || t(f, "description").isEmpty() ? null : t(f, "description"), ref(f), f.source())),
                    load(facts, FactKinds.CAMPAIGN_RESULTS, f -> new CampaignResultFact(t(f, "campaign"), i(f, "result_year"),
                            t(f, "participant_group"), t(f, "indicator"), (BigDecimal) f.values().get("result_value"), ref(f), f.source())),
                    predecessors, events);
    }

    /**
     * The earlier versions of the subject's corrected facts, oldest first, by the id of the version
     * that replaced them last ({@code rating:812}): one query per kind of fact, however many facts
     * the subject has, so that a page can mark every corrected fact without asking fact by fact.
     */
    public Map<String, List<StoredFact>> corrections(String subjectId) {
        Map<String, List<StoredFact>> out = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (vn.laurel.api.store.FactKind kind : FactKinds.ALL) {
                Map<Long, StoredFact> bySuccessor = new java.util.HashMap<>();
                java.util.Set<Long> replaced = new java.util.HashSet<>();
                for (StoredFact f : FactTables.correctedForSubject(c, kind, subjectId)) {
                    bySuccessor.put(f.supersededBy(), f);
                    replaced.add(f.id());
                }
                for (Long latest : bySuccessor.keySet()) {
                    if (replaced.contains(latest)) continue; // not the last version: its chain is read from the last one
                    java.util.LinkedList<StoredFact> earlier = new java.util.LinkedList<>();
                    java.util.Set<Long> seen = new java.util.HashSet<>();
                    for (StoredFact f = bySuccessor.get(latest); f != null && seen.add(f.id()); f = bySuccessor.get(f.id())) {
                        earlier.addFirst(f);
                    }
                    out.put(kind.prefix() + ":" + latest, List.copyOf(earlier));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the corrections of " + subjectId, e);
        }
    }

    /**
     * The members of a unit for an evaluation year: the persons whose membership covers the year's last
     * day (a person who moved during the year counts where they ended it; one who left does not count).
     */
    public List<String> membersOf(String unitCode, int year) {
        return membersOf(unitCode, year, null);
    }

    /** As above, from the memberships as known at {@code knownAt} (current ones when null). */
    public List<String> membersOf(String unitCode, int year, Instant knownAt) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        String when = knownAt == null ? "m.current_flag = TRUE"
                : "m.recorded_at <= ? AND (m.superseded_at IS NULL OR m.superseded_at > ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.subject_id FROM membership m JOIN subject s ON s.id = m.subject_id "
                     + "WHERE " + when + " AND m.unit_code = ? AND s.kind = 'PERSON' AND m.from_date <= ? "
                     + "AND (m.to_date IS NULL OR m.to_date >= ?) ORDER BY m.subject_id")) {
            int i = 1;
            if (knownAt != null) {
                java.time.OffsetDateTime at = java.time.OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC);
                ps.setObject(i++, at);
                ps.setObject(i++, at);
            }
            ps.setString(i++, unitCode);
            ps.setObject(i++, yearEnd);
            ps.setObject(i, yearEnd);
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the members of " + unitCode, e);
        }
    }

    /** The organisation that selects parameters: the root of the subject's unit tree, with the nearest sector. */
    public Organisation organisationOf(Subject subject) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT code, parent_code, sector FROM org_unit WHERE code = ?")) {
            String code = subject.unit(), root = null, sector = null;
            for (int depth = 0; code != null && depth < 32; depth++) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) break;
                    root = rs.getString("code");
                    if (sector == null) sector = rs.getString("sector");
                    code = rs.getString("parent_code");
                }
            }
            return root == null ? null : new Organisation(root, sector);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the organisation of " + subject.id(), e);
        }
    }

    private static <T> List<T> load(Facts facts, vn.laurel.api.store.FactKind kind, Function<StoredFact, T> map) throws SQLException {
        return facts.of(kind).stream().map(map).toList();
    }

    private static String ref(StoredFact f) {
        return FactKinds.byName(f.kind()).orElseThrow().prefix() + ":" + f.id();
    }

    private static Integer i(StoredFact f, String col) { return (Integer) f.values().get(col); }

    private static String t(StoredFact f, String col) { return (String) f.values().get(col); }

    private static LocalDate d(StoredFact f, String col) { return (LocalDate) f.values().get(col); }
}
