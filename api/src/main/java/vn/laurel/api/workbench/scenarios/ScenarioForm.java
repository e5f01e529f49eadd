package vn.laurel.api.workbench.scenarios;

import vn.laurel.engine.model.*;

import java.time.LocalDate;
import java.util.*;
import java.util.function.Function;

/**
 * A scenario as the form holds it: every value as the user typed it (so a refused form comes back
 * with the input kept), the facts as rows per kind, the expectation per award. Field names are the
 * case document's JSON paths ({@code subject.ratings[0].year}), so that the engine's own validation
 * errors land on the input they name.
 */
public final class ScenarioForm {
    /** A column of a fact row: its name in the case format and how its value is written. */
    public record Column(String name, Type type, List<String> choices) {
        static Column of(String name, Type type) { return new Column(name, type, List.of()); }
        static Column of(String name, Enum<?>[] values) { return new Column(name, Type.ENUM, Arrays.stream(values).map(Enum::name).toList()); }
    }

    public enum Type { INT, LONG, DATE, BOOL, ENUM, CODE, TEXT }

    /** A kind of fact the form models, its columns in the examples' order. */
    public record Kind(String name, List<Column> columns) {
        public Column column(String n) { return columns.stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow(); }
    }

    public static final List<Kind> KINDS = List.of(
            new Kind("ratings", List.of(Column.of("year", Type.INT), Column.of("rating", Rating.values()))),
            new Kind("titles", List.of(Column.of("year", Type.INT), Column.of("code", Type.CODE), Column.of("decisionNo", Type.TEXT),
                    Column.of("decidedOn", Type.DATE))),
            new Kind("commendations", List.of(Column.of("year", Type.INT), Column.of("code", Type.CODE), Column.of("kind", CommendationKind.values()),
                    Column.of("decisionNo", Type.TEXT), Column.of("decidedOn", Type.DATE))),
            new Kind("initiatives", List.of(Column.of("year", Type.INT), Column.of("level", InitiativeLevel.values()),
                    Column.of("kind", InitiativeKind.values()), Column.of("benefitVnd", Type.LONG), Column.of("title", Type.TEXT))),
            new Kind("disciplines", List.of(Column.of("form", DisciplineForm.values()), Column.of("status", DisciplineStatus.values()),
                    Column.of("decidedOn", Type.DATE), Column.of("until", Type.DATE), Column.of("since", Type.DATE))),
            new Kind("absences", List.of(Column.of("year", Type.INT), Column.of("days", Type.INT))),
            new Kind("attestations", List.of(Column.of("year", Type.INT), Column.of("criterion", Type.CODE), Column.of("value", Type.BOOL),
                    Column.of("attestedBy", Type.TEXT), Column.of("attestedOn", Type.DATE))));

    /** The subject's own fields the form models (besides its facts), in the examples' order. */
    public static final List<Column> SUBJECT = List.of(Column.of("id", Type.TEXT), Column.of("kind", SubjectKind.values()),
            Column.of("name", Type.TEXT), Column.of("unit", Type.TEXT), Column.of("hiredOn", Type.DATE), Column.of("contractSince", Type.DATE),
            Column.of("manager", Type.BOOL), Column.of("education", Education.values()), Column.of("unionMember", Type.BOOL),
            Column.of("armedForces", Type.BOOL), Column.of("deceasedOn", Type.DATE));

    public static Kind kind(String name) {
        return KINDS.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }

    /** One award's expectation as typed: the outcome (blank: none) and the deciding criteria. */
    public static final class Expect {
        public String outcome = "";
        public List<String> because = new ArrayList<>();

        public String getOutcome() { return outcome; }
        public List<String> getBecause() { return because; }
    }

    public String name = "";
    public String asOf = "";
    public String submittedOn = "";
    public String year = "";
    public List<String> awards = new ArrayList<>();
    /** Subject fields by column name. */
    public Map<String, String> subject = new LinkedHashMap<>();
    /** Fact rows by kind name; each row by column name. */
    public Map<String, List<Map<String, String>>> facts = new LinkedHashMap<>();
    public LinkedHashMap<String, Expect> expect = new LinkedHashMap<>();

    public ScenarioForm() {
        for (Column c : SUBJECT) subject.put(c.name(), "");
        for (Kind k : KINDS) facts.put(k.name(), new ArrayList<>());
    }

    // getters for the templates
    public String getName() { return name; }
    public String getAsOf() { return asOf; }
    public String getSubmittedOn() { return submittedOn; }
    public String getYear() { return year; }
    public List<String> getAwards() { return awards; }
    public Map<String, String> getSubject() { return subject; }
    public Map<String, List<Map<String, String>>> getFacts() { return facts; }
    public Map<String, Expect> getExpect() { return expect; }

    /** A new, empty row of a kind (every column blank). */
    public static Map<String, String> emptyRow(Kind k) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Column c : k.columns()) row.put(c.name(), "");
        return row;
    }

    // ------------------------------------------------------------------ from a case document

    /** The form of a document read from a file (what it does not model is lost here: {@link #represents} tells). */
    public static ScenarioForm of(CaseDocument doc) {
        ScenarioForm f = new ScenarioForm();
        f.name = text(doc.name());
        f.asOf = text(doc.asOf());
        f.submittedOn = text(doc.submittedOn());
        f.year = text(doc.year());
        f.awards = new ArrayList<>(doc.awards());
        Subject s = doc.subject();
        if (s != null) {
            put(f.subject, "id", s.id());
            put(f.subject, "kind", s.kind());
            put(f.subject, "name", s.name());
            put(f.subject, "unit", s.unit());
            put(f.subject, "hiredOn", s.hiredOn());
            put(f.subject, "contractSince", s.contractSince());
            put(f.subject, "manager", s.manager());
            put(f.subject, "education", s.education());
            put(f.subject, "unionMember", s.unionMember());
            put(f.subject, "armedForces", s.armedForces());
            put(f.subject, "deceasedOn", s.deceasedOn());
            rows(f, "ratings", s.ratings(), r -> row(r.year(), r.rating()));
            rows(f, "titles", s.titles(), t -> row(t.year(), t.code(), t.decisionNo(), t.decidedOn()));
            // the default kind (MERIT) is written only when the file wrote it: the reader fills it in
            rows(f, "commendations", s.commendations(), c -> row(c.year(), c.code(), c.kind(), c.decisionNo(), c.decidedOn()));
            rows(f, "initiatives", s.initiatives(), i -> row(i.year(), i.level(), i.kind(), i.benefitVnd(), i.title()));
            rows(f, "disciplines", s.disciplines(), d -> row(d.form(), d.status(), d.decidedOn(), d.until(), d.since()));
            rows(f, "absences", s.absences(), a -> row(a.year(), a.days()));
            rows(f, "attestations", s.attestations(), a -> row(a.year(), a.criterion(), a.value(), a.attestedBy(), a.attestedOn()));
        }
        doc.expect().forEach((award, e) -> {
            Expect x = new Expect();
            if (e != null) {
                x.outcome = text(e.outcome());
                x.because = new ArrayList<>(e.because());
            }
            f.expect.put(award, x);
        });
        return f;
    }

    private static <T> void rows(ScenarioForm f, String kind, List<T> facts, Function<T, Object[]> values) {
        Kind k = kind(kind);
        for (T fact : facts) {
            Object[] v = values.apply(fact);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < k.columns().size(); i++) row.put(k.columns().get(i).name(), text(v[i]));
            f.facts.get(kind).add(row);
        }
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static void put(Map<String, String> m, String k, Object v) {
        m.put(k, text(v));
    }

    static String text(Object v) {
        return v == null ? "" : v instanceof LocalDate d ? d.toString() : v.toString();
    }

    /**
     * Whether the form carries the whole document: written back and read again it is the same
     * document. Members, organisation, fact ids, revocations… are not in the form: such a file is
     * shown read-only rather than saved without them.
     */
    public static boolean represents(CaseDocument doc, CaseDocument writtenBack) {
        // The reader fills defaults (a commendation's kind MERIT, an initiative's kind, a discipline's
        // status): both documents went through it, so equal records mean nothing was lost.
        return doc.equals(writtenBack);
    }
}
