package vn.laurel.engine.caseformat;

import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks what the parser cannot: required fields, ranges, duplicates and impossible dates. */
final class CaseValidator {
    static final int MIN_YEAR = 1945;
    // The evaluation year may go back as far as the earliest appraisal date a case may carry: an
    // appraisal in 1900 is answered (NOT_MODELLED, before every modelled regime), not refused.
    static final int MIN_EVALUATION_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    /** Predecessors of predecessors: a chain of mergers longer than this is refused (engine.lineage follows as many). */
    static final int MAX_PREDECESSOR_DEPTH = 5;
    private static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);

    private final List<FieldError> errors = new ArrayList<>();

    private CaseValidator() {}

    static void validate(CaseDocument doc) {
        CaseValidator v = new CaseValidator();
        v.document(doc);
        if (!v.errors.isEmpty()) throw new CaseFormatException(v.errors);
    }

    private void document(CaseDocument doc) {
        date("asOf", doc.asOf(), true);
        if (doc.year() == null) errors.add(new FieldError("year", "is required"));
        else if (doc.year() < MIN_EVALUATION_YEAR || doc.year() > MAX_YEAR) {
            errors.add(new FieldError("year", "must be between " + MIN_EVALUATION_YEAR + " and " + MAX_YEAR));
        }
        date("submittedOn", doc.submittedOn(), false);
        if (doc.asOf() != null && doc.submittedOn() != null && doc.submittedOn().isAfter(doc.asOf())) {
            errors.add(new FieldError("submittedOn", "the file cannot be submitted (" + doc.submittedOn()
                    + ") after the appraisal date " + doc.asOf()));
        }
        if (doc.asOf() != null && doc.year() != null && doc.year() > doc.asOf().getYear()) {
            errors.add(new FieldError("year", "the evaluation year " + doc.year()
                    + " is after the appraisal date " + doc.asOf()));
        }
        for (int i = 0; i < doc.awards().size(); i++) {
            if (blank(doc.awards().get(i))) errors.add(new FieldError("awards[" + i + "]", "is empty"));
        }
        if (doc.subject() == null) {
            errors.add(new FieldError("subject", "is required"));
        } else {
            subject("subject", doc.subject());
        }
        for (int i = 0; i < doc.members().size(); i++) {
            String at = "members[" + i + "]";
            Subject m = doc.members().get(i);
            if (m == null) { errors.add(new FieldError(at, "is empty")); continue; }
            subject(at, m);
            if (m.kind() != null && m.kind() != SubjectKind.PERSON) {
                errors.add(new FieldError(at + ".kind", "members are persons"));
            }
        }
        if (!doc.members().isEmpty() && doc.subject() != null && doc.subject().kind() != null && !doc.subject().kind().isCollective()) {
            errors.add(new FieldError("members", "only a COLLECTIVE or ENTERPRISE subject has members"));
        }
        doc.expect().forEach(this::expectation);
    }

    /** A scenario's expectation: a known outcome; deciding criteria only where an outcome has them. */
    private void expectation(String award, Expectation e) {
        String f = "expect." + award;
        if (e == null || blank(e.outcome())) { errors.add(new FieldError(f, "needs an outcome")); return; }
        Set<String> outcomes = new LinkedHashSet<>();
        for (Outcome o : Outcome.values()) outcomes.add(o.name());
        if (!outcomes.contains(e.outcome())) {
            errors.add(new FieldError(f, "\"" + e.outcome() + "\" is not one of " + String.join(", ", outcomes)));
            return;
        }
        boolean decided = e.outcome().equals(Outcome.NOT_ELIGIBLE.name()) || e.outcome().equals(Outcome.NEEDS_REVIEW.name());
        if (!decided && !e.because().isEmpty()) {
            errors.add(new FieldError(f + ".because", "only a NOT_ELIGIBLE or NEEDS_REVIEW outcome has deciding criteria"));
        }
        for (int i = 0; i < e.because().size(); i++) {
            if (blank(e.because().get(i))) errors.add(new FieldError(f + ".because[" + i + "]", "is empty"));
        }
    }

    private void subject(String at, Subject s) {
        subject(at, s, new ArrayList<>());
    }

    /** A subject, or a predecessor unit ({@code ancestors}: the ids of the units it is a predecessor of, nearest last). */
    private void subject(String at, Subject s, List<String> ancestors) {
        if (blank(s.id())) errors.add(new FieldError(at + ".id", "is required"));
        else if (s.id().length() > 64) errors.add(new FieldError(at + ".id", "is longer than 64 characters"));
        if (s.kind() == null) errors.add(new FieldError(at + ".kind", "is required: PERSON, COLLECTIVE, ENTERPRISE or HOUSEHOLD"));
        kindFields(at, s);
        date(at + ".hiredOn", s.hiredOn(), false);
        date(at + ".contractSince", s.contractSince(), false);
        if (s.contractSince() != null && s.hiredOn() != null && s.contractSince().isAfter(s.hiredOn())) {
            errors.add(new FieldError(at + ".contractSince", "contract work before recruitment cannot start ("
                    + s.contractSince() + ") after hiredOn " + s.hiredOn()));
        }

        Set<Integer> ratingYears = new HashSet<>();
        for (int i = 0; i < s.ratings().size(); i++) {
            String f = at + ".ratings[" + i + "]";
            RatingFact r = s.ratings().get(i);
            if (r == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", r.year());
            if (r.rating() == null) errors.add(new FieldError(f + ".rating", "is required"));
            if (r.year() != null && !ratingYears.add(r.year())) {
                errors.add(new FieldError(f + ".year", "a second rating for " + r.year()));
            }
        }
        for (int i = 0; i < s.titles().size(); i++) {
            String f = at + ".titles[" + i + "]";
            TitleFact t = s.titles().get(i);
            if (t == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", t.year());
            if (blank(t.code())) errors.add(new FieldError(f + ".code", "is required"));
            decidedAfterAchievement(f + ".decidedOn", t.year(), t.decidedOn());
        }
        for (int i = 0; i < s.commendations().size(); i++) {
            String f = at + ".commendations[" + i + "]";
            CommendationFact c = s.commendations().get(i);
            if (c == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", c.year());
            if (blank(c.code())) errors.add(new FieldError(f + ".code", "is required"));
            decidedAfterAchievement(f + ".decidedOn", c.year(), c.decidedOn());
        }
        for (int i = 0; i < s.initiatives().size(); i++) {
            String f = at + ".initiatives[" + i + "]";
            InitiativeFact n = s.initiatives().get(i);
            if (n == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", n.year());
            if (n.level() == null) errors.add(new FieldError(f + ".level", "is required"));
            if (n.benefitVnd() != null && n.benefitVnd() < 0) errors.add(new FieldError(f + ".benefitVnd", "is negative"));
        }
        for (int i = 0; i < s.disciplines().size(); i++) {
            String f = at + ".disciplines[" + i + "]";
            DisciplineFact d = s.disciplines().get(i);
            if (d == null) { errors.add(new FieldError(f, "is empty")); continue; }
            date(f + ".decidedOn", d.decidedOn(), false);
            date(f + ".until", d.until(), false);
            date(f + ".since", d.since(), false);
            if (!d.isPending()) {
                if (d.form() == null) errors.add(new FieldError(f + ".form", "is required for a decided discipline"));
                if (d.decidedOn() == null) errors.add(new FieldError(f + ".decidedOn", "is required for a decided discipline"));
                if (d.decidedOn() != null && d.until() != null && d.until().isBefore(d.decidedOn())) {
                    errors.add(new FieldError(f + ".until", "is before decidedOn"));
                }
            }
        }
        for (int i = 0; i < s.absences().size(); i++) {
            String f = at + ".absences[" + i + "]";
            AbsenceFact a = s.absences().get(i);
            if (a == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", a.year());
            if (a.days() == null) errors.add(new FieldError(f + ".days", "is required"));
            else if (a.days() < 0 || a.days() > 366) errors.add(new FieldError(f + ".days", "must be between 0 and 366"));
        }
        collectiveFacts(at, s);
        newFacts(at, s);
        predecessors(at, s, ancestors);
        for (int i = 0; i < s.attestations().size(); i++) {
            String f = at + ".attestations[" + i + "]";
            AttestationFact a = s.attestations().get(i);
            if (a == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", a.year());
            if (blank(a.criterion())) errors.add(new FieldError(f + ".criterion", "is required"));
            if (a.value() == null) errors.add(new FieldError(f + ".value", "is required: true or false"));
        }
    }

    private void collectiveFacts(String at, Subject s) {
        date(at + ".deceasedOn", s.deceasedOn(), false);
        Set<Integer> aggregateYears = new HashSet<>();
        for (int i = 0; i < s.memberAggregates().size(); i++) {
            String f = at + ".memberAggregates[" + i + "]";
            MemberAggregateFact a = s.memberAggregates().get(i);
            if (a == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", a.year());
            if (a.year() != null && !aggregateYears.add(a.year())) errors.add(new FieldError(f + ".year", "a second set of figures for " + a.year()));
            if (a.members() == null) { errors.add(new FieldError(f + ".members", "is required")); continue; }
            if (a.members() < 0 || a.members() > 1_000_000) errors.add(new FieldError(f + ".members", "must be between 0 and 1000000"));
            part(f + ".advancedLaborers", a.advancedLaborers(), a.members());
            part(f + ".advancedSoldiers", a.advancedSoldiers(), a.members());
            part(f + ".grassrootsSoldiers", a.grassrootsSoldiers(), a.members());
            part(f + ".completedOrBetter", a.completedOrBetter(), a.members());
            part(f + ".disciplinedWarningOrAbove", a.disciplinedWarningOrAbove(), a.members());
        }
        java.util.Set<String> rankedIn = new java.util.HashSet<>();
        for (int i = 0; i < s.clusterRankings().size(); i++) {
            String f = at + ".clusterRankings[" + i + "]";
            ClusterRankingFact r = s.clusterRankings().get(i);
            if (r == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", r.year());
            if (r.rank() == null || r.rank() < 1) errors.add(new FieldError(f + ".rank", "must be 1 or more"));
            // A unit has one place in a cluster a year; two would let leads say both true and false.
            if (r.year() != null && !rankedIn.add(r.year() + "\u0000" + r.cluster())) {
                errors.add(new FieldError(f, "a second ranking in " + r.cluster() + " for " + r.year()));
            }
        }
    }

    /** Fields one kind of subject has and the others have not, each refused at its path on the others. */
    private void kindFields(String at, Subject s) {
        SubjectKind kind = s.kind();
        if (kind == null) return;
        if (kind != SubjectKind.PERSON) {
            String only = "is for PERSON subjects";
            // A COLLECTIVE with these fields was accepted (and they were ignored) before issue 21: what-ifs kept as
            // decisions carry them and must still replay. The new kinds are held to the stricter reading.
            if (kind != SubjectKind.COLLECTIVE) {
                if (s.hiredOn() != null) errors.add(new FieldError(at + ".hiredOn", only));
                if (s.manager() != null) errors.add(new FieldError(at + ".manager", only));
                if (s.education() != null) errors.add(new FieldError(at + ".education", only));
                if (s.unionMember() != null) errors.add(new FieldError(at + ".unionMember", only));
            }
            if (s.contractSince() != null) errors.add(new FieldError(at + ".contractSince", only));
        }
        if (!kind.isCollective()) {
            String only = "is for COLLECTIVE and ENTERPRISE subjects";
            if (!s.memberAggregates().isEmpty()) errors.add(new FieldError(at + ".memberAggregates", only));
            if (!s.clusterRankings().isEmpty()) errors.add(new FieldError(at + ".clusterRankings", only));
        }
        if (kind != SubjectKind.COLLECTIVE) {
            String only = "is for COLLECTIVE subjects (units of the organisation tree)";
            if (!s.predecessors().isEmpty()) errors.add(new FieldError(at + ".predecessors", only));
            if (!s.events().isEmpty()) errors.add(new FieldError(at + ".events", only));
        }
        if (kind != SubjectKind.HOUSEHOLD && kind != SubjectKind.PERSON && !s.contributions().isEmpty()) {
            errors.add(new FieldError(at + ".contributions", "is for HOUSEHOLD and PERSON subjects"));
        }
        if (kind == SubjectKind.PERSON && s.establishedOn() != null) {
            errors.add(new FieldError(at + ".establishedOn", "is for COLLECTIVE, ENTERPRISE and HOUSEHOLD subjects"));
        }
    }

    /** Contributions, campaign results and a unit's own events. Campaign, group and indicator codes: {@link FactCodes}. */
    private void newFacts(String at, Subject s) {
        date(at + ".establishedOn", s.establishedOn(), false);
        for (int i = 0; i < s.contributions().size(); i++) {
            String f = at + ".contributions[" + i + "]";
            ContributionFact c = s.contributions().get(i);
            if (c == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", c.year());
            if (c.kind() == null) errors.add(new FieldError(f + ".kind", "is required: WORK, LAND or ASSETS"));
            if (c.valueVnd() != null && c.valueVnd() < 0) errors.add(new FieldError(f + ".valueVnd", "is negative"));
        }
        for (int i = 0; i < s.campaignResults().size(); i++) {
            String f = at + ".campaignResults[" + i + "]";
            CampaignResultFact r = s.campaignResults().get(i);
            if (r == null) { errors.add(new FieldError(f, "is empty")); continue; }
            year(f + ".year", r.year());
            if (blank(r.campaign())) errors.add(new FieldError(f + ".campaign", "is required"));
            if (blank(r.group())) errors.add(new FieldError(f + ".group", "is required"));
            if (blank(r.indicator())) errors.add(new FieldError(f + ".indicator", "is required"));
            if (r.value() == null) errors.add(new FieldError(f + ".value", "is required (1 and 0 for yes and no)"));
            else campaignValue(f + ".value", r.value());
        }
        for (int i = 0; i < s.events().size(); i++) {
            String f = at + ".events[" + i + "]";
            UnitEventFact e = s.events().get(i);
            if (e == null) { errors.add(new FieldError(f, "is empty")); continue; }
            date(f + ".on", e.on(), true);
            if (e.event() == null) errors.add(new FieldError(f + ".event", "is required"));
        }
    }

    /** The largest campaign-result value, either way (the store keeps NUMERIC(19, 4): campaign_result.result_value). */
    public static final BigDecimal MAX_CAMPAIGN_VALUE = BigDecimal.valueOf(1_000_000_000_000L);
    /** The decimal places a campaign-result value may have (as the store keeps them). */
    public static final int CAMPAIGN_VALUE_PLACES = 4;

    /**
     * A campaign result's value: between -10^12 and 10^12, with at most 4 decimal places. Checked by comparison and
     * scale only, never by writing the number out: {@code 1e999999999} written in full is a billion characters.
     */
    private void campaignValue(String field, BigDecimal v) {
        if (!campaignValueInRange(v)) {
            errors.add(new FieldError(field, "must be between -1000000000000 and 1000000000000"));
        } else if (v.stripTrailingZeros().scale() > CAMPAIGN_VALUE_PLACES) {
            errors.add(new FieldError(field, "has more than " + CAMPAIGN_VALUE_PLACES + " decimal places"));
        }
    }

    /** Whether a campaign-result value is within ±10^12 (compared by magnitude: cheap whatever the exponent). */
    public static boolean campaignValueInRange(BigDecimal v) {
        return v.abs().compareTo(MAX_CAMPAIGN_VALUE) <= 0;
    }

    private static final Set<UnitEventKind> PREDECESSOR_RELATIONS =
            java.util.EnumSet.of(UnitEventKind.MERGED_INTO, UnitEventKind.SPLIT_FROM, UnitEventKind.RENAMED);

    /**
     * A unit's predecessors, each a COLLECTIVE with its own facts (and predecessors, at most {@value #MAX_PREDECESSOR_DEPTH}
     * levels deep), none the unit itself or one it descends from.
     */
    private void predecessors(String at, Subject s, List<String> ancestors) {
        unambiguous(at, s);
        for (int i = 0; i < s.predecessors().size(); i++) {
            String f = at + ".predecessors[" + i + "]";
            Predecessor p = s.predecessors().get(i);
            if (p == null) { errors.add(new FieldError(f, "is empty")); continue; }
            if (p.relation() == null) errors.add(new FieldError(f + ".relation", "is required: MERGED_INTO, SPLIT_FROM or RENAMED"));
            else if (!PREDECESSOR_RELATIONS.contains(p.relation())) {
                errors.add(new FieldError(f + ".relation", "a predecessor is MERGED_INTO, SPLIT_FROM or RENAMED, not " + p.relation()));
            }
            date(f + ".on", p.on(), true);
            if (p.members() != null && p.members() < 0) errors.add(new FieldError(f + ".members", "must be 0 or more"));
            Subject unit = p.unit();
            if (unit == null) { errors.add(new FieldError(f + ".unit", "is required: the predecessor with its facts")); continue; }
            if (unit.kind() != null && unit.kind() != SubjectKind.COLLECTIVE) {
                errors.add(new FieldError(f + ".unit.kind", "a predecessor is a COLLECTIVE, not " + unit.kind()));
            }
            List<String> line = new ArrayList<>(ancestors);
            if (s.id() != null) line.add(s.id());
            if (unit.id() != null && line.contains(unit.id())) {
                errors.add(new FieldError(f + ".unit.id", "\"" + unit.id() + "\" cannot be its own predecessor (the predecessors form a cycle)"));
                continue;
            }
            if (line.size() > MAX_PREDECESSOR_DEPTH) {
                errors.add(new FieldError(f, "predecessors nest at most " + MAX_PREDECESSOR_DEPTH + " levels deep"));
                continue;
            }
            subject(f + ".unit", unit, line);
        }
    }

    /**
     * What would make a unit's history depend on the order its predecessors are listed in: two predecessors it
     * continues ({@code continues: true}) on one day — whose rating of a year would count? — and one unit listed twice
     * (its facts counted twice). Each is named at the later entry.
     */
    private void unambiguous(String at, Subject s) {
        java.util.Map<LocalDate, Integer> continuedOn = new java.util.HashMap<>();
        java.util.Map<String, Integer> listedAt = new java.util.HashMap<>();
        for (int i = 0; i < s.predecessors().size(); i++) {
            String f = at + ".predecessors[" + i + "]";
            Predecessor p = s.predecessors().get(i);
            if (p == null) continue;
            if (Boolean.TRUE.equals(p.continues()) && p.on() != null) {
                Integer first = continuedOn.putIfAbsent(p.on(), i);
                if (first != null) {
                    errors.add(new FieldError(f + ".continues", "predecessors[" + first + "] already continues on " + p.on()
                            + ": a unit continues at most one predecessor on one day"));
                }
            }
            if (p.unit() != null && p.unit().id() != null) {
                Integer first = listedAt.putIfAbsent(p.unit().id(), i);
                if (first != null) {
                    errors.add(new FieldError(f + ".unit.id", "\"" + p.unit().id() + "\" is already listed at predecessors["
                            + first + "]: a predecessor is listed once"));
                }
            }
        }
    }

    private void part(String field, Integer value, int of) {
        if (value != null && (value < 0 || value > of)) errors.add(new FieldError(field, "must be between 0 and members (" + of + ")"));
    }

    private void year(String field, Integer year) {
        if (year == null) errors.add(new FieldError(field, "is required"));
        else if (year < MIN_YEAR || year > MAX_YEAR) {
            errors.add(new FieldError(field, "must be between " + MIN_YEAR + " and " + MAX_YEAR));
        }
    }

    private void date(String field, LocalDate date, boolean required) {
        if (date == null) {
            if (required) errors.add(new FieldError(field, "is required (YYYY-MM-DD)"));
        } else if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            errors.add(new FieldError(field, "must be between " + MIN_DATE + " and " + MAX_DATE));
        }
    }

    private void decidedAfterAchievement(String field, Integer year, LocalDate decidedOn) {
        if (year != null && decidedOn != null && decidedOn.getYear() < year) {
            errors.add(new FieldError(field, "a decision dated " + decidedOn + " cannot reward achievements of " + year));
        }
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }
}
