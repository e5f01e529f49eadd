package vn.laurel.api.decisions;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.laurel.api.audit.Canonical;
import vn.laurel.engine.caseformat.CaseReader;
import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.MemberResult;
import vn.laurel.engine.evaluation.QuotaInfo;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.policy.ParameterUse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import java.util.regex.Pattern;

/**
 * The compact record of a decision (issue 20): what decided, not how it was phrased. The answer's
 * sentences, articles, fired rules and parameter sources follow from the rules of the stored version,
 * so the record keeps the question and the values, and the answer is rendered again on read and
 * checked against it (docs/architecture.md, "The decision record", describes the format for auditors).
 * Written once, canonical ({@link Canonical#write}), and stored and hashed as that exact text.
 */
public final class CompactRecord {
    /** The version of this format, written into every record. */
    public static final int VERSION = 1;
    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,18})(?:-([0-9]{1,18}))?");
    /** No range in a record is longer than a subject's facts; a forged "1-999999999" must not fill the memory. */
    private static final long MAX_RANGE = 100_000;
    private static final Pattern NUMBERED = Pattern.compile("([a-z_]+):([0-9]{1,18})");
    private static final Map<Requirement.Operator, String> SYMBOLS = Map.of(Requirement.Operator.AT_LEAST, ">=",
            Requirement.Operator.MORE_THAN, ">", Requirement.Operator.AT_MOST, "<=", Requirement.Operator.LESS_THAN, "<",
            Requirement.Operator.EQUALS, "=");
    /** Operators whose usual value goes without saying ("ATTESTED" rather than "ATTESTED true"). */
    private static final Map<Requirement.Operator, Object> USUAL = new EnumMap<>(Map.of(Requirement.Operator.ATTESTED, true,
            Requirement.Operator.NONE, 0, Requirement.Operator.NO_PENDING, 0));
    /** Case documents as the case format reads them: record components only (no isValid()), nothing empty. */
    private static final ObjectMapper CASES = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY).build();
    private static final ObjectMapper READER = new ObjectMapper();

    private CompactRecord() {}

    /**
     * What was asked. {@code memberAwards}: the awards a unit's members were decided for when their answers
     * were reused for the unit (a batch), else null; {@code submitted}: the case document a client sent
     * (a what-if kept as a decision), else null — the stored facts were read. {@code knownAt}: the instant taken
     * before the stored facts were read (they are read again as known then); null for a submitted document,
     * and in records written before it was kept (those are read as known at the decision's created_at).
     */
    public record Question(String subjectId, int year, LocalDate asOf, List<String> awards, Organisation organisation,
                           List<String> memberAwards, CaseDocument submitted, Instant knownAt) {
        public static Question stored(CaseDocument doc, Instant knownAt) {
            return new Question(doc.subject().id(), doc.year(), doc.asOf(), doc.awards(), doc.organisation(), null, null, knownAt);
        }

        public static Question submitted(CaseDocument doc) {
            return new Question(doc.subject().id(), doc.year(), doc.asOf(), doc.awards(), doc.organisation(), null, doc, null);
        }

        public Question reusingMembersOf(List<String> awards) {
            return new Question(subjectId, year, asOf, this.awards, organisation, awards == null ? null : List.copyOf(awards), submitted, knownAt);
        }
    }

    /** The record's text: canonical JSON, keys sorted. */
    public static String write(Question q, EvaluationResult result) {
        return Canonical.write(map(q, result));
    }

    static Map<String, Object> map(Question q, EvaluationResult result) {
        Map<String, Object> record = new TreeMap<>();
        record.put("record", VERSION);
        record.put("question", question(q));
        Facts facts = Facts.of(result.facts(), result.subjectId());
        record.put("facts", facts.written());
        Map<String, Object> awards = new TreeMap<>();
        Map<String, List<String>> linesByCriterion = new HashMap<>();
        Map<String, List<Object>> byAward = new LinkedHashMap<>();
        for (AwardResult a : result.results()) {
            List<Object> entry = new ArrayList<>();
            entry.add(a.outcome().name());
            for (CriterionOutcome c : a.criteria()) {
                String line = line(c, facts);
                entry.add(line);
                linesByCriterion.computeIfAbsent(c.criterion(), k -> new ArrayList<>()).add(line);
            }
            if (a.quota() != null) entry.add(quota(a.quota()));
            byAward.put(a.award(), entry);
        }
        // A criterion that reads the same in several awards (no pending matter, say) is written once.
        Map<String, String> shared = new TreeMap<>();
        linesByCriterion.forEach((name, lines) -> {
            if (lines.size() > 1 && new HashSet<>(lines).size() == 1) shared.put(name, lines.get(0).substring(name.length() + 1));
        });
        byAward.forEach((award, entry) -> {
            List<Object> out = new ArrayList<>();
            for (Object o : entry) {
                String name = o instanceof String s && s.indexOf(' ') > 0 ? s.substring(0, s.indexOf(' ')) : null;
                out.add(name != null && shared.containsKey(name) ? name : o);
            }
            awards.put(award, out);
        });
        record.put("awards", awards);
        if (!shared.isEmpty()) record.put("shared", shared);
        record.put("parameters", parameters(result.parameters()));
        if (!result.members().isEmpty()) record.put("members", members(result.members()));
        record.put("regime", result.regime());
        record.put("rules", result.rulesetVersion());
        record.put("engine", result.engineVersion());
        return record;
    }

    private static Map<String, Object> question(Question q) {
        Map<String, Object> m = new TreeMap<>();
        m.put("subject", q.subjectId());
        m.put("year", q.year());
        m.put("asOf", String.valueOf(q.asOf()));
        m.put("awards", q.awards());
        m.put("organisation", q.organisation() == null ? null : Arrays.asList(q.organisation().code(), q.organisation().sector()));
        if (q.memberAwards() != null) m.put("memberAwards", q.memberAwards());
        if (q.knownAt() != null) m.put("knownAt", q.knownAt().toString());
        if (q.submitted() != null) m.put("case", CASES.convertValue(q.submitted(), new TypeReference<Map<String, Object>>() {}));
        return m;
    }

    /** "NAME STATUS actual required evidence": evidence as positions in the record's facts, or the id itself when not among them. */
    private static String line(CriterionOutcome c, Facts facts) {
        StringBuilder b = new StringBuilder(c.criterion()).append(' ').append(c.status()).append(' ')
                .append(value(c.actual())).append(' ').append(requirement(c.required()));
        StringJoiner evidence = new StringJoiner(",");
        for (Evidence e : c.evidence()) {
            if (e.factId() == null) continue; // derived within this answer (another award's outcome): nothing stored to name
            Integer at = facts.position(e.factId());
            evidence.add(at == null ? e.factId() : String.valueOf(at));
        }
        if (evidence.length() > 0) b.append(' ').append(evidence);
        return b.toString();
    }

    static String requirement(Requirement r) {
        if (r == null) return "-";
        if (r.value() instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Requirement)) {
            StringJoiner j = new StringJoiner(",", r.operator() + "(", ")");
            l.forEach(x -> j.add(requirement((Requirement) x)));
            return j.toString();
        }
        if (r.operator() == Requirement.Operator.NO_LIMIT && r.value() == null) return "NO_LIMIT";
        if (USUAL.containsKey(r.operator()) && sameNumberOrValue(USUAL.get(r.operator()), r.value())) return r.operator().name();
        String symbol = SYMBOLS.get(r.operator());
        return symbol != null ? symbol + value(r.value()) : r.operator() + ":" + value(r.value());
    }

    private static boolean sameNumberOrValue(Object usual, Object value) {
        if (usual instanceof Number u && value instanceof Number v) return u.longValue() == v.longValue() && v.doubleValue() == u.doubleValue();
        return Objects.equals(usual, value);
    }

    /** A value as JSON, but codes (EXCELLENT) unquoted and nothing as "-". */
    static String value(Object v) {
        if (v == null) return "-";
        if (v instanceof String s && TOKEN.matcher(s).matches()) return s;
        if (v instanceof Enum<?> e && TOKEN.matcher(e.name()).matches()) return e.name();
        if (v instanceof Collection<?> l) {
            StringJoiner j = new StringJoiner(",", "[", "]");
            l.forEach(x -> j.add(value(x)));
            return j.toString();
        }
        if (v instanceof Requirement r) return requirement(r);
        return Canonical.write(v);
    }

    private static Map<String, Object> quota(QuotaInfo q) {
        Map<String, Object> m = new TreeMap<>();
        m.put("allowed", q.allowed());
        m.put("candidates", q.candidates());
        m.put("rank", q.rank());
        m.put("base", q.base());
        m.put("capPct", q.capPct());
        m.put("capCount", q.capCount());
        m.put("rounding", q.rounding());
        m.put("rankedBy", q.rankedBy());
        return Map.of("quota", m);
    }

    /** Parameter values by the prefix of their names: {"advanced_laborer": "min_service_months=6 …"}. */
    private static Map<String, String> parameters(List<ParameterUse> uses) {
        Map<String, List<String>> grouped = new TreeMap<>();
        for (ParameterUse p : uses) {
            int dot = p.name().indexOf('.');
            String prefix = dot < 0 ? "" : p.name().substring(0, dot), rest = p.name().substring(dot + 1);
            String entry = rest + "=" + value(p.value());
            List<String> group = grouped.computeIfAbsent(prefix, k -> new ArrayList<>());
            if (!group.contains(entry)) group.add(entry);
        }
        Map<String, String> out = new TreeMap<>();
        grouped.forEach((k, v) -> out.put(k, String.join(" ", new TreeSet<>(v))));
        return out;
    }

    /** A collective's members by award and outcome: {"ADVANCED_LABORER": {"ELIGIBLE": "P-0035 P-0057"}}. */
    private static Map<String, Object> members(List<MemberResult> members) {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        for (MemberResult m : members) {
            for (AwardResult a : m.results()) {
                out.computeIfAbsent(a.award(), k -> new TreeMap<>()).computeIfAbsent(a.outcome().name(), k -> new ArrayList<>()).add(m.subjectId());
            }
        }
        Map<String, Object> written = new TreeMap<>();
        out.forEach((award, outcomes) -> {
            Map<String, String> o = new TreeMap<>();
            outcomes.forEach((outcome, ids) -> o.put(outcome, String.join(" ", new TreeSet<>(ids))));
            written.put(award, o);
        });
        return written;
    }

    /**
     * The facts of the case by id: stored ids ({@code rating:10}) by kind, as ascending numbers and ranges
     * ("1-10 14"); any other id (a submitted document's own) in "other". Positions count through them in
     * that order from 0: kinds alphabetically, numbers ascending, then "other".
     */
    static final class Facts {
        private final Map<String, TreeSet<Long>> numbered = new TreeMap<>();
        private final List<String> other = new ArrayList<>();
        private final Map<String, Integer> positions = new HashMap<>();

        static Facts of(List<Evidence> facts, String subjectId) {
            Facts f = new Facts();
            for (Evidence e : facts) {
                String id = e.factId();
                if (id == null || id.equals(subjectId) && "subject".equals(e.type())) continue;
                var m = NUMBERED.matcher(id);
                if (m.matches()) f.numbered.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(Long.parseLong(m.group(2)));
                else if (!f.other.contains(id)) f.other.add(id);
            }
            int i = 0;
            for (var kind : f.numbered.entrySet()) for (Long n : kind.getValue()) f.positions.put(kind.getKey() + ":" + n, i++);
            for (String id : f.other) f.positions.put(id, i++);
            return f;
        }

        Integer position(String id) {
            return positions.get(id);
        }

        Map<String, Object> written() {
            Map<String, Object> out = new TreeMap<>();
            numbered.forEach((kind, ids) -> out.put(kind, ranges(ids)));
            if (!other.isEmpty()) out.put("other", other);
            return out;
        }

        private static String ranges(SortedSet<Long> ids) {
            StringJoiner j = new StringJoiner(" ");
            Long start = null, last = null;
            for (Long n : ids) {
                if (last != null && n == last + 1) {
                    last = n;
                    continue;
                }
                if (start != null) j.add(start.equals(last) ? String.valueOf(start) : start + "-" + last);
                start = n;
                last = n;
            }
            if (start != null) j.add(start.equals(last) ? String.valueOf(start) : start + "-" + last);
            return j.toString();
        }
    }

    /** The stored ids a record lists (rating:10 …), for what a replay says changed. */
    @SuppressWarnings("unchecked")
    public static Set<String> factIds(Map<String, Object> record) {
        Set<String> out = new TreeSet<>();
        Object facts = record.get("facts");
        if (!(facts instanceof Map<?, ?> m)) return out;
        ((Map<String, Object>) m).forEach((kind, ids) -> {
            if (kind.equals("other") || !(ids instanceof String s) || s.isBlank()) return;
            for (String part : s.split(" ")) {
                var range = RANGE.matcher(part);
                if (!range.matches()) continue; // not an id or a range: nothing a replay can name (the record does not render either)
                long from = Long.parseLong(range.group(1)), to = range.group(2) == null ? from : Long.parseLong(range.group(2));
                for (long n = from; n <= to && n - from < MAX_RANGE; n++) out.add(kind + ":" + n);
            }
        });
        return out;
    }

    /** A stored record read back as maps and lists (numbers as Jackson reads them). */
    public static Map<String, Object> read(String text) {
        try {
            return READER.readValue(text, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored record is not JSON", e);
        }
    }

    /** The question a record asks again; {@link IllegalArgumentException} when the record's question is not one. */
    public static Question question(Map<String, Object> record) {
        if (!(record.get("question") instanceof Map<?, ?> q)) throw new IllegalArgumentException("the record has no question");
        List<String> org = strings(q.get("organisation"), "question.organisation", true);
        if (org != null && org.size() != 2) throw new IllegalArgumentException("question.organisation is not [code, sector]");
        CaseDocument submitted = null;
        if (q.get("case") != null) {
            if (!(q.get("case") instanceof Map<?, ?>)) throw new IllegalArgumentException("question.case is not a case document");
            try {
                submitted = CaseReader.readJson(READER.writeValueAsString(q.get("case")));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the stored case document is not JSON", e);
            }
        }
        if (!(q.get("subject") instanceof String subject) || !(q.get("year") instanceof Integer year) || !(q.get("asOf") instanceof String asOf)) {
            throw new IllegalArgumentException("question.subject, year or asOf is missing or of the wrong type");
        }
        Instant knownAt = null;
        if (q.get("knownAt") != null) {
            if (!(q.get("knownAt") instanceof String k)) throw new IllegalArgumentException("question.knownAt is not an instant");
            knownAt = Instant.parse(k);
        }
        List<String> awards = strings(q.get("awards"), "question.awards", true);
        return new Question(subject, year, LocalDate.parse(asOf), awards == null ? List.of() : awards,
                org == null ? null : new Organisation(org.get(0), org.get(1)), strings(q.get("memberAwards"), "question.memberAwards", true),
                submitted, knownAt);
    }

    private static List<String> strings(Object value, String what, boolean nullable) {
        if (value == null && nullable) return null;
        if (!(value instanceof List<?> l)) throw new IllegalArgumentException(what + " is not a list");
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (o != null && !(o instanceof String)) throw new IllegalArgumentException(what + " holds a " + o.getClass().getSimpleName());
            out.add((String) o);
        }
        return out;
    }

    /**
     * Per award, the cap's place as recorded (it depended on the others decided together, which a re-reading has
     * not got). {@link IllegalArgumentException} when a quota entry is not one (a record altered in its structure).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, QuotaInfo> quotas(Map<String, Object> record) {
        Map<String, QuotaInfo> out = new HashMap<>();
        Object awards = record.get("awards");
        if (!(awards instanceof Map<?, ?> m)) return out;
        ((Map<String, Object>) m).forEach((award, entry) -> {
            if (!(entry instanceof List<?> l)) return;
            for (Object o : l) {
                if (o instanceof Map<?, ?> x) {
                    if (!(x.get("quota") instanceof Map<?, ?> qm)) throw new IllegalArgumentException("awards." + award + " holds an entry that is not a quota");
                    Map<String, Object> q = (Map<String, Object>) qm;
                    if (!(q.get("allowed") instanceof Integer allowed) || !(q.get("candidates") instanceof Integer candidates)
                            || !(q.get("rank") instanceof Integer rank) || !(q.get("capCount") == null || q.get("capCount") instanceof Integer)
                            || !(q.get("base") == null || q.get("base") instanceof String) || !(q.get("rounding") == null || q.get("rounding") instanceof String)) {
                        throw new IllegalArgumentException("awards." + award + ".quota is missing a number or holds a wrong type");
                    }
                    out.put(award, new QuotaInfo(allowed, candidates, rank, (String) q.get("base"), q.get("capPct"),
                            (Integer) q.get("capCount"), (String) q.get("rounding"), strings(q.get("rankedBy"), "quota.rankedBy", true), null));
                }
            }
        });
        return out;
    }

    /** Per award, its outcome; per criterion (award/criterion) its status — what a replay compares. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> outcomes(Map<String, Object> record) {
        Map<String, String> out = new TreeMap<>();
        if (record.get("awards") instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((award, entry) -> {
                if (entry instanceof List<?> l && !l.isEmpty()) out.put(award, String.valueOf(l.get(0)));
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> statuses(Map<String, Object> record, String award) {
        Map<String, String> out = new TreeMap<>();
        Map<String, Object> shared = record.get("shared") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        if (record.get("awards") instanceof Map<?, ?> m && m.get(award) instanceof List<?> l) {
            for (Object o : l.subList(Math.min(1, l.size()), l.size())) {
                if (!(o instanceof String line)) continue;
                String[] parts = line.split(" ", 3);
                if (parts.length >= 2) out.put(parts[0], parts[1]);
                else if (shared.get(line) instanceof String rest) out.put(line, rest.split(" ", 2)[0]);
            }
        }
        return out;
    }
}
