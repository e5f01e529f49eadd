package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.i18n.Messages;
import jakarta.inject.Singleton;
import vn.laurel.api.checkpoint.Checkpoint;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.DecisionRecord;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.rules.changes.RuleChangeLog;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.json.Json;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the audit pages show, built from what the services answer: decisions as rows and as a report,
 * a replay's differences, a verification's result, the change log and the checkpoints. Times are
 * shown in Vietnam's time (the zone of every official reading them), with the zone said on the page.
 */
@Singleton
public class AuditViews {
    /** Where the pages' days begin and their times are read: the period of a search is days in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A stored or replayed value longer than this is cut in the differences table (the whole is in the API's answer). */
    static final int VALUE_CHARS = 300;
    private static final DateTimeFormatter VI_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZONE);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
    /** A flag's reason as imports/Flags writes it: "absences corrected: absence:12 superseded by absence:40". */
    private static final Pattern FLAG_REASON = Pattern.compile("^(\\w+) (corrected|revoked): (\\S+) superseded by (\\S+)$");
    /** A parameter's scope as the engine names it (vn.laurel.engine.policy.Parameter): national, organisation X, sector Y. */
    private static final Pattern SCOPE = Pattern.compile("^(organisation|sector) (.+)$");

    public record OutcomeCell(String award, String awardName, String outcome, String outcomeText) {}

    public record OutcomeCount(String outcome, String outcomeText, int count) {}

    public record DecisionRow(long id, String subjectId, Object year, String time, List<OutcomeCount> counts, List<OutcomeCell> outcomes,
                              String version, String versionShort, boolean submitted) {}

    /** A fact the decision used, said as the person page's timeline says it (kind, year and content, source); evidence links to its anchor. */
    public record FactRow(String id, String anchor, String type, String summary, String source) {}

    public record ParameterRow(String name, String value, String effectiveFrom, String scope, String reference) {}

    public record FlagRow(String factId, String reason, String flaggedAt) {}

    /**
     * @param regime     the regime's name in the page's language
     * @param regimeCode the regime's code, as stored (for the tooltip)
     * @param awards     the awards as the person page shows them (the same fragment renders them)
     */
    public record Report(long id, String subjectId, String subjectName, int year, String asOf, String regime, String regimeCode,
                         String regimeBasis, boolean provisional, String rulesetVersion, String engineVersion, String requestedBy,
                         String createdAt, String basis, String basisNote, boolean submitted, List<FlagRow> flags,
                         List<AnswerViews.AwardView> awards, List<FactRow> facts, List<ParameterRow> parameters,
                         String unrendered, String record) {}

    public record CriterionChange(String criterion, String before, String after) {}

    public record OutcomeChange(String award, String awardName, String before, String after, boolean changed,
                                List<CriterionChange> criteria) {}

    public record DiffRow(String path, String stored, String replayed) {}

    public record Replay(boolean identical, boolean current, String versionBefore, String versionAfter, List<OutcomeChange> outcomes,
                         List<String> factsGone, List<String> factsAdded, List<DiffRow> differences, boolean cut) {}

    public record Problem(String chain, String kind, String kindText, Object sequence, Object decisionId, String detail) {}

    public record Verified(String what, boolean intact, long records, long flags, Problem problem, String at, long millis,
                           Map<String, Object> checkpoint) {}

    public record ChangeRow(long sequence, String time, String actor, String action, String actionText, String version,
                            String versionShort, Long draftId, Long revisionId, String detail) {}

    public record CheckpointRow(long id, String time, String createdBy, long chainLength, long flagChainLength, String headShort,
                                String keyId, boolean ephemeral) {}

    private final Messages messages;
    private final AnswerViews answers;
    private final ValueTexts values;
    private final FactTexts factTexts;
    private final RuleSetHolder rules;

    public AuditViews(Messages messages, AnswerViews answers, ValueTexts values, FactTexts factTexts, RuleSetHolder rules) {
        this.messages = messages;
        this.answers = answers;
        this.values = values;
        this.factTexts = factTexts;
        this.rules = rules;
    }

    /** An instant as the page's language writes it, in {@link #ZONE}. */
    public static String time(Instant at, String lang) {
        if (at == null) return "";
        return ("vi".equals(lang) ? VI_TIME : EN_TIME).format(at);
    }

    /** "sha256:" and the first 12 hexadecimal digits: enough to tell versions apart on a page; the whole on hover and in the report. */
    public static String shortVersion(String version) {
        if (version == null) return "";
        String v = version.startsWith("sha256:") ? version.substring(7) : version;
        return v.length() <= 12 ? v : v.substring(0, 12);
    }

    /** The awards of the rules in service, code → name in the page's language, for the search form. */
    public Map<String, String> awardNames(String lang) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (AwardDefinition a : rules.current().awards().values()) out.put(a.code(), a.name() == null ? a.code() : a.name().in(lang));
        return out;
    }

    private String awardName(String code, String lang) {
        return Optional.ofNullable(code).flatMap(c -> rules.current().award(c)).map(a -> a.name().in(lang)).orElse(code);
    }

    /** The rows of GET /api/v1/decisions' items (the store's columns). */
    public List<DecisionRow> rows(List<Map<String, Object>> items, String lang) {
        List<DecisionRow> out = new ArrayList<>();
        for (Map<String, Object> i : items) {
            String version = (String) i.get("ruleset_version");
            List<OutcomeCell> outcomes = outcomes((String) i.get("outcomes"), lang);
            out.add(new DecisionRow(((Number) i.get("id")).longValue(), (String) i.get("subject_id"), i.get("evaluation_year"),
                    time((Instant) i.get("created_at"), lang), counts(outcomes), outcomes, version, shortVersion(version),
                    DecisionBasis.parse((String) i.get("basis")) == DecisionBasis.SUBMITTED_CASE));
        }
        return out;
    }

    /** How many awards came out each way, in the order of the outcomes' list: a decision's answer at a glance. */
    static List<OutcomeCount> counts(List<OutcomeCell> outcomes) {
        List<OutcomeCount> out = new ArrayList<>();
        for (String o : AuditSearchForm.OUTCOMES) {
            List<OutcomeCell> these = outcomes.stream().filter(c -> c.outcome().equals(o)).toList();
            if (!these.isEmpty()) out.add(new OutcomeCount(o, these.get(0).outcomeText(), these.size()));
        }
        return out;
    }

    /** The stored summary "AWARD=OUTCOME,…" as cells with the award's name and the outcome in words. */
    List<OutcomeCell> outcomes(String summary, String lang) {
        List<OutcomeCell> out = new ArrayList<>();
        if (summary == null || summary.isBlank()) return out;
        for (String part : summary.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String award = part.substring(0, eq), outcome = part.substring(eq + 1);
            out.add(new OutcomeCell(award, awardName(award, lang), outcome, messages.of(lang).getOrDefault("outcome." + outcome, outcome)));
        }
        return out;
    }

    /**
     * A saved decision as its report: the question, who asked and when, each award's criteria, the facts and
     * parameters used. {@code answer}: as saved, or rendered from its compact record and found equal to it;
     * null when it could not be, and then {@code rendering} says why and the record is shown as stored.
     */
    @SuppressWarnings("unchecked")
    public Report report(DecisionRecord d, Map<String, Object> answer, Map<String, Object> rendering, Map<String, Object> record,
                         String subjectName, List<Map<String, Object>> flags, String lang) {
        String unrendered = null, recordText = null;
        if (answer == null) {
            // The renderer's code, in the page's language (the API carries the code and an English detail).
            Object code = rendering == null ? null : rendering.get("code");
            unrendered = code == null ? "" : messages.of(lang).getOrDefault("audit.decision.problem." + code,
                    messages.of(lang).getOrDefault("audit.decision.problem.DIFFERS", String.valueOf(code)));
            recordText = record == null ? "" : Json.writePretty(record);
            answer = Map.of();
        }
        List<FactRow> facts = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        for (Object o : list(answer.get("facts"))) {
            if (!(o instanceof Map<?, ?> f)) continue;
            String id = answers.text(f.get("factId"), lang), type = answers.text(f.get("type"), lang);
            String anchor = id.isEmpty() ? null : Timeline.anchor(id);
            if (anchor != null && !anchors.add(anchor)) anchor = null; // the same fact twice: an id names one row of the page
            FactTexts.FactText text = factTexts.of(type, f.get("summary") == null ? null : answers.text(f.get("summary"), lang), lang);
            facts.add(new FactRow(id, anchor, messages.of(lang).getOrDefault("values.fact." + type, type), text.withYear(),
                    values.source(f.get("source") == null ? null : answers.text(f.get("source"), lang), lang)));
        }
        // No year: an auditor's roles need not open members' own pages, so member evidence links nowhere.
        List<AnswerViews.AwardView> awards = answers.awards(answer.get("results"), lang, anchors, null);
        List<ParameterRow> parameters = new ArrayList<>();
        for (Object o : list(answer.get("parameters"))) {
            if (!(o instanceof Map<?, ?> p)) continue;
            parameters.add(new ParameterRow(answers.text(p.get("name"), lang), parameterValue(p.get("value"), lang), date(p.get("effectiveFrom"), lang),
                    scope(answers.text(p.get("scope"), lang), lang), values.humanise(answers.text(p.get("reference"), lang), lang)));
        }
        List<FlagRow> flagRows = flags.stream().map(f -> new FlagRow(answers.text(f.get("fact_id"), lang), flagReason(answers.text(f.get("reason"), lang), lang),
                f.get("flagged_at") instanceof Instant at ? time(at, lang) : answers.text(f.get("flagged_at"), lang))).toList();
        Map<String, Object> regime = answer.get("regimeDetails") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        DecisionBasis basis = DecisionBasis.parse(d.basis());
        return new Report(d.id(), d.subjectId(), subjectName, d.evaluationYear(), ValueTexts.date(d.asOf(), lang), values.regime(d.regime(), lang),
                d.regime(), answers.text(regime.get("legalBasis"), lang), Boolean.TRUE.equals(regime.get("provisional")), d.rulesetVersion(),
                d.engineVersion(), d.requestedBy(), time(d.createdAt(), lang), basis.name(), basis.sentence().get("en".equals(lang) ? "en" : "vi"),
                basis == DecisionBasis.SUBMITTED_CASE, flagRows, awards, facts, parameters, unrendered, recordText);
    }

    /** A parameter's value as the page says values; NONE is the rules' word for "no limit" (see engine.evaluation.Evaluation). */
    String parameterValue(Object value, String lang) {
        return "NONE".equals(value) ? messages.text(lang, "audit.decision.noLimit") : values.value(value, lang);
    }

    /** A parameter's scope in words ("toàn quốc", "riêng cho tổ chức HN-SKHCN-DEMO"); one of another form as it is. */
    String scope(String scope, String lang) {
        if (scope == null || scope.isEmpty()) return "";
        if (scope.equals("national")) return messages.text(lang, "audit.decision.scope.national");
        Matcher m = SCOPE.matcher(scope);
        return m.matches() ? values.text(lang, "audit.decision.scope." + m.group(1), m.group(2)) : scope;
    }

    /**
     * Why a decision was flagged, in words: the kind of fact corrected (or the title revoked), the fact and
     * what replaced it ("(removed)": nothing did). A reason of another form is shown as it is.
     */
    String flagReason(String reason, String lang) {
        Matcher m = reason == null ? null : FLAG_REASON.matcher(reason);
        if (m == null || !m.matches()) return reason;
        String replacedBy = m.group(4).endsWith(":(removed)") ? messages.text(lang, "audit.flag.removed") : m.group(4);
        if (m.group(2).equals("revoked")) return values.text(lang, "audit.flag.revoked", m.group(3), replacedBy);
        String kind = FactTexts.type(m.group(1));
        return values.text(lang, "audit.flag.corrected", messages.of(lang).getOrDefault("values.fact." + kind, m.group(1)), m.group(3), replacedBy);
    }

    /** What ReplayService answered, as the page shows it: same or not, outcome by outcome, then every difference. */
    @SuppressWarnings("unchecked")
    public Replay replay(Map<String, Object> replayed, boolean current, String lang) {
        // Through JSON: the differences are the replay package's own records.
        Map<String, Object> r = Json.toMap(replayed);
        Map<String, Object> versions = r.get("rulesetVersion") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<OutcomeChange> outcomes = new ArrayList<>();
        for (Object o : list(r.get("outcomes"))) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<CriterionChange> criteria = list(c.get("criteriaChanged")).stream().map(x -> (Map<String, Object>) x)
                    .map(x -> new CriterionChange(String.valueOf(x.get("criterion")), statusText(x.get("before"), lang),
                            statusText(x.get("after"), lang))).toList();
            String before = answers.text(c.get("before"), lang), after = answers.text(c.get("after"), lang);
            outcomes.add(new OutcomeChange(String.valueOf(c.get("award")), awardName(String.valueOf(c.get("award")), lang),
                    outcomeText(before, lang), outcomeText(after, lang), !before.equals(after), criteria));
        }
        Map<String, Object> facts = r.get("factsChanged") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        List<DiffRow> differences = new ArrayList<>();
        for (Object o : list(r.get("differences"))) {
            Map<String, Object> d = (Map<String, Object>) o;
            differences.add(new DiffRow(String.valueOf(d.get("path")), value(d.get("before"), lang), value(d.get("after"), lang)));
        }
        return new Replay(Boolean.TRUE.equals(r.get("identical")), current, answers.text(versions.get("before"), lang),
                answers.text(versions.get("after"), lang), outcomes, strings(facts.get("gone")), strings(facts.get("added")), differences,
                // ReplayService stops at 200 differences.
                differences.size() >= 200);
    }

    /** A verification of the decision chain (with the flag chain), by itself or against a checkpoint. */
    @SuppressWarnings("unchecked")
    public Verified verified(String what, Map<String, Object> view, Instant at, long millis, String lang) {
        Problem problem = null;
        if (view.get("firstProblem") != null) {
            Map<String, Object> p = Json.toMap(view.get("firstProblem"));
            String kind = String.valueOf(p.get("kind"));
            problem = new Problem(String.valueOf(p.get("chain")), kind, messages.of(lang).getOrDefault("audit.problem." + kind, kind),
                    p.get("sequence"), p.get("decisionId"), answers.text(p.get("detail"), lang));
        }
        Map<String, Object> checkpoint = view.get("checkpoint") instanceof Map<?, ?> m ? new java.util.LinkedHashMap<>((Map<String, Object>) m) : null;
        if (checkpoint != null && checkpoint.get("createdAt") instanceof String s) {
            checkpoint.put("createdAt", time(Instant.parse(s), lang));
        }
        return new Verified(what, Boolean.TRUE.equals(view.get("intact")), number(view.get("checked")), number(view.get("flagsChecked")),
                problem, time(at, lang), millis, checkpoint);
    }

    /** A verification of the rule-set change log. */
    public Verified verified(RuleChangeLog.Verification v, Instant at, long millis, String lang) {
        Problem problem = v.intact() ? null : new Problem("ruleset_change", "BROKEN", messages.text(lang, "audit.problem.BROKEN"),
                v.firstBrokenSequence(), null, v.problem());
        return new Verified("changes", v.intact(), v.records(), 0, problem, time(at, lang), millis, null);
    }

    public List<ChangeRow> changes(List<RuleChangeLog.Entry> entries, String lang) {
        return entries.stream().map(e -> new ChangeRow(e.sequence(), time(e.changedAt(), lang), e.actor(), e.action(),
                messages.of(lang).getOrDefault("audit.action." + e.action(), e.action()), e.rulesVersion(), shortVersion(e.rulesVersion()),
                e.draftId(), e.revisionId(), e.detail())).toList();
    }

    public List<CheckpointRow> checkpoints(List<Checkpoint> list, String lang) {
        return list.stream().map(c -> new CheckpointRow(c.id(), time(c.createdAt(), lang), c.createdBy(), c.chainLength(),
                c.flagChainLength(), c.headHash() == null ? "" : c.headHash().substring(0, Math.min(12, c.headHash().length())),
                c.keyId(), c.ephemeralKey())).toList();
    }

    /** A value of the differences table: text as it is, anything else as JSON, long ones cut; absent said in words. */
    String value(Object v, String lang) {
        if (v == null) return messages.text(lang, "audit.replay.absent");
        String s = v instanceof String t ? t : Json.write(v);
        return s.length() <= VALUE_CHARS ? s : s.substring(0, VALUE_CHARS) + "…";
    }

    private String outcomeText(String outcome, String lang) {
        if (outcome.isEmpty()) return messages.text(lang, "audit.replay.absent");
        return messages.of(lang).getOrDefault("outcome." + outcome, outcome);
    }

    private String statusText(Object status, String lang) {
        String s = String.valueOf(status);
        if ("null".equals(s)) return messages.text(lang, "audit.replay.absent");
        return messages.of(lang).getOrDefault("status." + s, s);
    }

    private String date(Object v, String lang) {
        if (v == null) return "";
        try {
            return ValueTexts.date(java.time.LocalDate.parse(v.toString()), lang);
        } catch (java.time.format.DateTimeParseException e) {
            return v.toString();
        }
    }

    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) return new ArrayList<>(l);
        return List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }
}
