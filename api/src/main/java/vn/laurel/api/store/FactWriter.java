package vn.laurel.api.store;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.FactRefusedException.Reason;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one fact through the API, with the same checks and provenance rules as an import: create
 * (or replace the current value of the same key), correct (the old row is kept, superseded) and
 * retract. Each write is one transaction; a refused write writes nothing and throws
 * {@link FactRefusedException}. Codes are checked against the rule set the caller passes: the
 * rules in service, taken once per request (the store does not follow the rules itself).
 */
@Singleton
public class FactWriter {
    private final DataSource dataSource;

    public FactWriter(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** The outcome of a write: the fact now current, and whether anything changed. */
    public record Written(StoredFact fact, boolean changed, long decisionsFlagged) {}

    public Written create(FactKind kind, String subjectId, Map<String, Object> body, RuleSet rules, String client) {
        String subjectField = kind.column("subject_id").json();
        body.forEach((k, v) -> {
            if (kind.columns().stream().noneMatch(col -> col.json().equals(k))) {
                throw FactRefusedException.badField(k, "unknown field; expected one of " + kind.columns().stream().map(Column::json).toList());
            }
        });
        // The subject is the one in the path; a body naming another is a mistake, not a choice.
        if (body.get(subjectField) != null && !subjectId.equals(String.valueOf(body.get(subjectField)))) {
            throw FactRefusedException.badField(subjectField, "is " + subjectId + " in the path; the body names " + body.get(subjectField));
        }
        Map<String, Object> json = new HashMap<>(body);
        json.put(subjectField, subjectId);
        return inTransaction(c -> write(c, kind, json, rules, "api POST by " + client, client, null));
    }

    /** Replaces a current fact with corrected values; the fields not sent keep their current value. */
    public Written correct(FactKind kind, long id, Map<String, Object> body, RuleSet rules, String client) {
        return inTransaction(c -> {
            StoredFact old = current(c, kind, id);
            Map<String, Object> json = new HashMap<>();
            kind.columns().forEach(col -> json.put(col.json(), old.values().get(col.db())));
            body.forEach((k, v) -> {
                if (kind.columns().stream().noneMatch(col -> col.json().equals(k))) {
                    throw FactRefusedException.badField(k, "unknown field; expected one of "
                            + kind.columns().stream().map(Column::json).toList());
                }
                json.put(k, v);
            });
            return write(c, kind, json, rules, "api PUT correcting " + kind.prefix() + ":" + id + " by " + client, client, old);
        });
    }

    public Written retract(FactKind kind, long id, String client) {
        return inTransaction(c -> {
            StoredFact old = current(c, kind, id);
            if (kind == FactKinds.UNIT_EVENTS && UnitEvents.TREE_EVENTS.contains((String) old.values().get("event_kind"))) {
                throw appliedEvent(old, List.of(new FieldError("id", "an event that changed the organisation tree")));
            }
            Instant now = Now.instant();
            FactTables.retract(c, kind, id, now);
            long flagged = Flags.flagDecisionsOnSuperseded(c, kind, now);
            return new Written(FactTables.byId(c, kind, id).orElse(old), true, flagged);
        });
    }

    /**
     * Writes one fact on the caller's connection, inside the caller's transaction, with the same checks as
     * {@link #create}: for a feature whose own record and the facts it writes commit together (a cluster
     * review's ranks). The fact's source is {@code source} followed by {@code line}, which says which of
     * the record's lines it came from.
     */
    public Written write(Connection c, FactKind kind, Map<String, Object> json, RuleSet rules, String source, long line,
                         String client) throws SQLException {
        return write(c, kind, json, rules, source, client, null, line);
    }

    /**
     * One fact of {@code subjectId} created on the caller's connection, inside the caller's transaction (a
     * conferment: the authority's decision and the titles it confers are written together or not at all):
     * {@link #write(Connection, FactKind, Map, RuleSet, String, long, String)} with the subject set as
     * {@link #create} sets it.
     */
    public Written createIn(Connection c, FactKind kind, String subjectId, Map<String, Object> body, RuleSet rules, String source,
                            int row, String client) throws SQLException {
        Map<String, Object> json = new HashMap<>(body);
        json.put(kind.column("subject_id").json(), subjectId);
        return write(c, kind, json, rules, source + " row ", client, null, row);
    }

    private Written write(Connection c, FactKind kind, Map<String, Object> json, RuleSet rules, String source, String client, StoredFact old)
            throws SQLException {
        return write(c, kind, json, rules, source + " row ", client, old, 1);
    }

    private Written write(Connection c, FactKind kind, Map<String, Object> json, RuleSet rules, String source, String client, StoredFact old,
                          long line) throws SQLException {
        List<RowError> errors = new ArrayList<>();
        Map<String, Object> values = RowParser.parse(kind, col -> json.get(col.json()), "request", line, errors);
        if (!errors.isEmpty()) throw invalid(kind, errors);
        if (kind == FactKinds.UNIT_EVENTS) {
            if (old != null && UnitEvents.TREE_EVENTS.contains((String) old.values().get("event_kind"))) {
                // members and continues only say how the unit is read as a predecessor: they may be corrected
                List<FieldError> changed = kind.columns().stream()
                        .filter(col -> List.of("subject_id", "event_kind", "on_date", "other_code", "new_name").contains(col.db()))
                        .filter(col -> !Objects.equals(old.values().get(col.db()), values.get(col.db())))
                        .map(col -> new FieldError(col.json(), "cannot be corrected")).toList();
                if (!changed.isEmpty()) throw appliedEvent(old, changed);
            }
            String future = UnitEvents.future((String) values.get("event_kind"), (java.time.LocalDate) values.get("on_date"), UnitEvents.today());
            if (future != null) {
                throw new FactRefusedException(Reason.REFUSED, "The " + kind.prefix() + " cannot be recorded yet: on: " + future,
                        List.of(new FieldError("on", future)));
            }
        }
        List<RowError> unknown = new ArrayList<>(CodeColumns.check(rules, kind, values, "request", 1));
        if (unknown.isEmpty()) {
            Optional<Map<String, Object>> subject = SubjectRows.find(c, (String) values.get("subject_id"));
            if (subject.isPresent()) unknown.addAll(CodeColumns.checkOfKind(rules, kind, values,
                    vn.laurel.engine.model.SubjectKind.valueOf((String) subject.get().get("kind")), "request", 1));
        }
        if (!unknown.isEmpty()) throw unknownCodes(kind, unknown);
        long stageId = ThreadLocalRandom.current().nextLong(Long.MIN_VALUE, 0);
        try (FactTables.Stager stager = new FactTables.Stager(c, kind, stageId)) {
            stager.add(line, values);
        }
        Instant now = Now.instant();
        boolean keyChanged = old != null && kind.keyColumns().stream()
                .anyMatch(k -> !Objects.equals(old.values().get(k.db()), values.get(k.db())));
        // Retracted before the checks, so that they do not count the row being replaced (a split's corrected day is
        // not a second link to the same predecessor); a refused write rolls the retraction back with the rest.
        if (keyChanged) FactTables.retract(c, kind, old.id(), now);
        List<RowError> found = FactTables.check(c, kind, stageId, "request", 100);
        if (!found.isEmpty()) {
            boolean unknownSubject = found.stream().anyMatch(e -> e.message().startsWith("unknown subject"));
            if (unknownSubject) throw FactRefusedException.notFound(found.get(0).message());
            throw invalid(kind, found);
        }
        FactTables.Merge m = FactTables.merge(c, kind, stageId, now, source, client, null);
        FactTables.clearStage(c, kind, stageId);
        StoredFact current = FactTables.currentByKey(c, kind, values).orElseThrow();
        if (keyChanged) FactTables.linkReplacement(c, kind, old.id(), current.id());
        long moved = kind == FactKinds.UNIT_EVENTS && m.inserted() > 0 ? UnitEvents.applyWritten(c, current.id(), now, client) : 0;
        long flagged = m.superseded() > 0 || keyChanged ? Flags.flagDecisionsOnSuperseded(c, kind, now) : 0;
        // The memberships a merger (or a dissolution) superseded: the decisions that relied on them are flagged as for any fact.
        if (moved > 0) flagged += Flags.flagDecisionsOnSuperseded(c, FactKinds.MEMBERSHIPS, now);
        return new Written(current, m.inserted() > 0, flagged);
    }

    private static StoredFact current(Connection c, FactKind kind, long id) throws SQLException {
        StoredFact old = FactTables.byId(c, kind, id)
                .orElseThrow(() -> FactRefusedException.notFound("No " + kind.prefix() + " with id " + id));
        if (!old.isCurrent()) {
            throw new FactRefusedException(Reason.CONFLICT, kind.prefix() + ":" + id + " was already superseded"
                    + (old.supersededBy() == null ? "" : " by " + kind.prefix() + ":" + old.supersededBy())
                    + "; correct the current fact instead", List.of(new FieldError("id", "not the current fact")));
        }
        return old;
    }

    /** A recorded event of the tree corrected or retracted: refused, since its effect would stay (409). */
    private static FactRefusedException appliedEvent(StoredFact old, List<FieldError> fields) {
        String ref = FactKinds.UNIT_EVENTS.prefix() + ":" + old.id();
        return new FactRefusedException(Reason.CONFLICT, ref + " cannot be corrected or retracted: "
                + UnitEvents.applied((String) old.values().get("event_kind"), old.values().get("on_date"), ref), fields);
    }

    private static FactRefusedException invalid(FactKind kind, List<RowError> errors) {
        List<FieldError> fields = errors.stream().map(e -> new FieldError(jsonName(kind, e.field()), e.message())).toList();
        return new FactRefusedException(Reason.INVALID, "The " + kind.prefix() + " is not valid: "
                + fields.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""), fields);
    }

    /** Well formed, but a code the rules in service do not know (answered like a reload the rules refuse). */
    private static FactRefusedException unknownCodes(FactKind kind, List<RowError> errors) {
        List<FieldError> fields = errors.stream().map(e -> new FieldError(jsonName(kind, e.field()), e.message())).toList();
        return new FactRefusedException(Reason.UNKNOWN_CODE, "The " + kind.prefix() + " names a code the rules do not know: "
                + fields.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""), fields);
    }

    private static String jsonName(FactKind kind, String csv) {
        return kind.columns().stream().filter(c -> c.csv().equals(csv)).map(Column::json).findFirst().orElse(csv);
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        try {
            return Transactions.run(dataSource, work);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || "23503".equals(e.getSQLState())) {
                throw new FactRefusedException(Reason.CONFLICT, "the store refused the write: " + e.getMessage(), List.of());
            }
            throw new IllegalStateException("cannot write the fact", e);
        }
    }
}
