package vn.laurel.api.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.laurel.api.limits.ImportLimits;
import vn.laurel.api.problem.JsonProblems;
import vn.laurel.api.store.*;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.model.Predecessor;
import vn.laurel.engine.model.UnitEventKind;

import java.io.IOException;
import java.io.InputStream;
import java.util.*;

/**
 * The JSON form of an import: case documents (shared/reference/case-format.md), one object or an
 * array of them, read one document at a time (a row number in an error is the document's number). A PERSON subject becomes a person (in the unit named
 * by its {@code unit}), a COLLECTIVE subject a unit (its predecessors units too, linked by unit events), an
 * ENTERPRISE or HOUSEHOLD subject a row of subjects.csv, members persons of that unit; their facts become
 * rows of the same kinds as the CSV files, checked and merged the same way.
 */
final class CaseRows {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A case document nests five levels deep; 64 leaves room and stops a stack of brackets at once. */
    static final int MAX_DEPTH = 64;
    private static final String NOT_CASES = "expected a case document (a JSON object) or an array of case documents";

    private CaseRows() {}

    static void stage(ImportTransaction tx, ImportSource source, RuleSet rules, Map<FactKind, Long> staged, RowLimit read,
                      ImportLimits limits, List<RowError> errors, long[] errorCount) {
        Map<FactKind, ImportTransaction.Stager> stagers = new LinkedHashMap<>();
        long doc = 0;
        try (InputStream in = source.open(); JsonParser parser = parser(in, limits)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    ImportService.add(errors, errorCount, new RowError(source.name(), 0, "$", NOT_CASES + "; the file holds nothing"));
                    return;
                }
                boolean array = first == JsonToken.START_ARRAY;
                if (array) parser.nextToken();
                while (parser.currentToken() == JsonToken.START_OBJECT) {
                    final long docNo = ++doc;
                    read.count(source.name(), docNo);
                    String text = MAPPER.readTree(parser).toString();
                    try {
                        CaseDocument d = CaseReader.readJson(text);
                        rows(d, (kind, row, values) -> {
                            List<RowError> rowErrors = new ArrayList<>();
                            Map<String, Object> typed = RowParser.parse(kind, col -> values.get(col.json()), source.name(), docNo, rowErrors);
                            if (rowErrors.isEmpty()) rowErrors.addAll(CodeColumns.check(rules, kind, typed, source.name(), docNo));
                            // The field as the case document names it (valueVnd), not as the CSV file does (value_vnd).
                            rowErrors.forEach(e -> ImportService.add(errors, errorCount,
                                    new RowError(e.file(), e.row(), row + "." + jsonName(kind, e.field()), e.message())));
                            if (rowErrors.isEmpty() && errorCount[0] == 0) {
                                stagers.computeIfAbsent(kind, tx::stager).add(docNo, typed);
                            }
                        });
                    } catch (CaseFormatException e) {
                        e.getErrors().forEach(f -> ImportService.add(errors, errorCount, new RowError(source.name(), docNo, f.field(), f.message())));
                    }
                    if (!array) break;
                    parser.nextToken();
                }
                // Anything else where a case document or the end belongs (a nested array, a number, a second
                // top-level value) would otherwise end the reading early and pass as an import of fewer rows.
                JsonToken end = array ? parser.currentToken() : parser.nextToken();
                boolean closed = array ? end == JsonToken.END_ARRAY && parser.nextToken() == null : doc == 1 && end == null;
                if (!closed) {
                    String where = array ? "item " + (doc + 1) + " of the array" : doc == 0 ? "the file" : "what follows the case document";
                    ImportService.add(errors, errorCount, new RowError(source.name(), doc + 1, "$", NOT_CASES + "; " + where + " is not one"));
                }
            } catch (IOException e) {
                ImportService.add(errors, errorCount, new RowError(source.name(), doc, field(parser), "is not valid JSON: " + JsonProblems.describe(e)));
            }
        } catch (IOException e) {
            ImportService.add(errors, errorCount, new RowError(source.name(), doc, "$", "cannot be read"));
        } finally {
            for (Map.Entry<FactKind, ImportTransaction.Stager> e : stagers.entrySet()) {
                e.getValue().close();
                staged.merge(e.getKey(), e.getValue().staged(), Long::sum);
            }
        }
    }

    /**
     * A parser held to the limits: text values no longer than a field may be, nesting no deeper than
     * a case document goes (a depth of thousands only costs the server), and each case document no
     * larger than the limit, checked as its tokens are read rather than once it is held whole.
     */
    private static JsonParser parser(InputStream in, ImportLimits limits) throws IOException {
        JsonFactory factory = MAPPER.getFactory().copy().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(limits.fieldLength()).maxNameLength(Math.min(limits.fieldLength(), 50_000))
                .build());
        return new DocumentSizeLimit(factory.createParser(in), limits.caseDocumentBytes());
    }

    /** Where in its case document the parser stopped: subject.ratings[2].year, or $ for the document itself. */
    private static String field(JsonParser p) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            // The index of a document in the file's top-level array is its row, not a field.
            if (c.inArray() && c.getParent() != null && c.getParent().inRoot()) break;
            if (c.inObject() && c.getCurrentName() != null) parts.add(0, "." + c.getCurrentName());
            else if (c.inArray()) parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String jsonName(FactKind kind, String csv) {
        return kind.columns().stream().filter(c -> c.csv().equals(csv)).map(Column::json).findFirst().orElse(csv);
    }

    interface RowSink { void accept(FactKind kind, String path, Map<String, Object> values); }

    /** The rows a case document stands for, each with the JSON path it came from. */
    static void rows(CaseDocument d, RowSink sink) {
        Subject s = d.subject();
        subject(sink, "subject", s, 0);
        for (int i = 0; i < d.members().size(); i++) {
            Subject m = d.members().get(i);
            person(sink, "members[" + i + "]", m, m.unit() != null ? m.unit() : s.kind() == SubjectKind.COLLECTIVE ? s.id() : s.unit());
            facts(sink, "members[" + i + "]", m);
        }
    }

    /**
     * A subject and its facts: a unit (COLLECTIVE), an enterprise or household (subjects.csv's rows), or a person.
     * A unit's predecessors become units too, each linked by the unit event that makes it one (MERGED_INTO this
     * unit, this unit SPLIT_FROM it, RENAMED into this unit), with their facts, to the case format's depth.
     */
    private static void subject(RowSink sink, String path, Subject s, int depth) {
        switch (s.kind() == null ? SubjectKind.PERSON : s.kind()) {
            case COLLECTIVE -> sink.accept(EntityKinds.UNITS, path, map("code", s.id(), "name", s.name() == null ? s.id() : s.name(),
                    "establishedOn", s.establishedOn()));
            case ENTERPRISE, HOUSEHOLD -> sink.accept(EntityKinds.SUBJECTS, path, map("id", s.id(), "kind", s.kind(),
                    "name", s.name() == null ? s.id() : s.name(), "unit", s.unit(), "establishedOn", s.establishedOn()));
            case PERSON -> person(sink, path, s, s.unit());
        }
        facts(sink, path, s);
        if (depth >= MAX_PREDECESSOR_DEPTH) return;
        for (int i = 0; i < s.predecessors().size(); i++) {
            Predecessor p = s.predecessors().get(i);
            String at = path + ".predecessors[" + i + "]";
            if (p == null || p.unit() == null) continue; // the case format's validator has said so already
            subject(sink, at + ".unit", p.unit(), depth + 1);
            boolean split = p.relation() == UnitEventKind.SPLIT_FROM;
            sink.accept(FactKinds.UNIT_EVENTS, at, map("unit", split ? s.id() : p.unit().id(), "event", p.relation(), "on", p.on(),
                    "other", split ? p.unit().id() : s.id(), "name", p.relation() == UnitEventKind.RENAMED ? (s.name() == null ? s.id() : s.name()) : null,
                    "members", p.members(), "continues", p.continues()));
        }
    }

    /** As the case format nests them (CaseValidator): a unit and five levels of predecessors. */
    private static final int MAX_PREDECESSOR_DEPTH = 5;

    private static void person(RowSink sink, String path, Subject p, String unit) {
        sink.accept(EntityKinds.PEOPLE, path, map("id", p.id(), "name", p.name() == null ? p.id() : p.name(), "unit", unit,
                "hiredOn", p.hiredOn(), "manager", p.manager(), "education", p.education(), "unionMember", p.unionMember(),
                "armedForces", p.armedForces(), "deceasedOn", p.deceasedOn(), "contractSince", p.contractSince()));
    }

    private static void facts(RowSink sink, String path, Subject s) {
        each(sink, path + ".ratings", FactKinds.RATINGS, s.id(), s.ratings());
        each(sink, path + ".titles", FactKinds.TITLES, s.id(), s.titles());
        each(sink, path + ".commendations", FactKinds.COMMENDATIONS, s.id(), s.commendations());
        each(sink, path + ".initiatives", FactKinds.INITIATIVES, s.id(), s.initiatives());
        each(sink, path + ".disciplines", FactKinds.DISCIPLINES, s.id(), s.disciplines());
        each(sink, path + ".absences", FactKinds.ABSENCES, s.id(), s.absences());
        each(sink, path + ".attestations", FactKinds.ATTESTATIONS, s.id(), s.attestations());
        each(sink, path + ".memberAggregates", FactKinds.MEMBER_AGGREGATES, s.id(), s.memberAggregates());
        each(sink, path + ".contributions", FactKinds.CONTRIBUTIONS, s.id(), s.contributions());
        each(sink, path + ".campaignResults", FactKinds.CAMPAIGN_RESULTS, s.id(), s.campaignResults());
        each(sink, path + ".events", FactKinds.UNIT_EVENTS, s.id(), s.events());
    }

    private static void each(RowSink sink, String path, FactKind kind, String subjectId, List<?> facts) {
        String subjectField = kind.column("subject_id").json();
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) == null) continue;
            Map<String, Object> values = new HashMap<>(Json.toMap(facts.get(i)));
            values.put(subjectField, subjectId);
            sink.accept(kind, path + "[" + i + "]", values);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1] == null ? null : kv[i + 1] instanceof Enum<?> e ? e.name() : kv[i + 1]);
        return m;
    }
}
