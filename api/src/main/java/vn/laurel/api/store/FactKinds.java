package vn.laurel.api.store;

import vn.laurel.engine.model.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static vn.laurel.api.store.Column.Type.*;
import static vn.laurel.api.store.Column.of;

/**
 * Every kind of fact Laurel stores, with its CSV file (documented in examples/demo/README.md) and its
 * natural key: re-importing a row with the same key and values changes nothing; with other values it
 * supersedes the current row.
 */
public final class FactKinds {
    private FactKinds() {}

    static final Column SUBJECT = of("subject_id", "subject", TEXT).asKey().mandatory().json("subject");

    static Column year(String db) {
        return new Column(db, "year", "year", INT, true, true, List.of(), 1945, 2100, null);
    }

    public static final FactKind MEMBERSHIPS = new FactKind("memberships", "membership", "memberships.csv", "membership", List.of(
            SUBJECT, of("unit_code", "unit", TEXT).asKey().mandatory(), of("from_date", "from", DATE).asKey().mandatory(),
            of("to_date", "to", DATE)));

    public static final FactKind RATINGS = new FactKind("ratings", "rating", "ratings.csv", "rating", List.of(
            SUBJECT, year("rating_year"), of("rating", "rating", CODE).mandatory().codes(Rating.class)));

    public static final FactKind TITLES = new FactKind("titles", "title", "titles.csv", "title", List.of(
            SUBJECT, year("achievement_year"), of("code", "code", TEXT).asKey().mandatory(),
            of("decision_no", "decision_no", TEXT), of("decided_on", "decided_on", DATE),
            of("revoked", "revoked", BOOL).orElse(false), of("revoked_reason", "revoked_reason", TEXT),
            of("revoked_on", "revoked_on", DATE)));

    public static final FactKind COMMENDATIONS = new FactKind("commendations", "commendation", "commendations.csv", "commendation", List.of(
            SUBJECT, year("achievement_year"), of("code", "code", TEXT).asKey().mandatory(),
            of("kind", "kind", CODE).asKey().codes(CommendationKind.class).orElse("MERIT"),
            of("decision_no", "decision_no", TEXT), of("decided_on", "decided_on", DATE),
            of("revoked", "revoked", BOOL).orElse(false)));

    public static final FactKind INITIATIVES = new FactKind("initiatives", "initiative", "initiatives.csv", "initiative", List.of(
            SUBJECT, year("recognised_year"), of("initiative_level", "level", CODE).asKey().mandatory().codes(InitiativeLevel.class),
            of("kind", "kind", CODE).asKey().codes(InitiativeKind.class).orElse("INITIATIVE"),
            of("title", "title", TEXT).asKey().orElse(""),
            of("benefit_vnd", "benefit_vnd", LONG).range(0, 1_000_000_000_000_000L)));

    public static final FactKind DISCIPLINES = new FactKind("disciplines", "discipline", "disciplines.csv", "discipline", List.of(
            SUBJECT, of("status", "status", CODE).asKey().codes(DisciplineStatus.class),
            of("discipline_form", "form", CODE).asKey().codes(DisciplineForm.class),
            of("decided_on", "decided_on", DATE).asKey(), of("since_date", "since", DATE).asKey(),
            of("until_date", "until", DATE)));

    public static final FactKind ABSENCES = new FactKind("absences", "absence", "absences.csv", "absence", List.of(
            SUBJECT, year("absence_year"), of("absence_days", "days", INT).mandatory().range(0, 366)));

    public static final FactKind ATTESTATIONS = new FactKind("attestations", "attestation", "attestations.csv", "attestation", List.of(
            SUBJECT, year("attested_year"), of("criterion", "criterion", TEXT).asKey().mandatory(),
            of("attested_value", "value", BOOL).mandatory(), of("attested_by", "attested_by", TEXT),
            of("attested_on", "attested_on", DATE)));

    public static final FactKind MEMBER_AGGREGATES = new FactKind("memberAggregates", "member_aggregate", "member_aggregates.csv", "memberAggregate", List.of(
            SUBJECT, year("aggregate_year"), of("members", "members", INT).mandatory().range(0, 1_000_000),
            of("advanced_laborers", "advanced_laborers", INT).range(0, 1_000_000),
            of("advanced_soldiers", "advanced_soldiers", INT).range(0, 1_000_000),
            of("grassroots_soldiers", "grassroots_soldiers", INT).range(0, 1_000_000),
            of("completed_or_better", "completed_or_better", INT).range(0, 1_000_000),
            of("disciplined_warning_or_above", "disciplined_warning_or_above", INT).range(0, 1_000_000)));

    public static final FactKind CLUSTER_MEMBERS = new FactKind("clusterMembers", "cluster_member", "cluster_members.csv", "clusterMember", List.of(
            of("cluster_code", "cluster", TEXT).asKey().mandatory(), of("subject_id", "unit", TEXT).asKey().mandatory().json("unit"),
            year("member_year"), of("ranking", "rank", INT).range(1, 10_000),
            // whether the cluster designated the unit its leader (a recorded cluster review says it); empty: rank 1 leads
            of("leads", "leads", BOOL)));

    /** A household's (or a person's) contribution of work, land or assets in a year; several a year, told apart by description. */
    public static final FactKind CONTRIBUTIONS = new FactKind("contributions", "contribution", "contributions.csv", "contribution", List.of(
            SUBJECT, year("contribution_year"), of("kind", "kind", CODE).asKey().mandatory().codes(ContributionKind.class),
            of("description", "description", TEXT).asKey().orElse(""),
            of("value_vnd", "value_vnd", LONG).range(0, 1_000_000_000_000_000L)));

    /**
     * A subject's result in an emulation campaign (rules/campaigns/*.yaml): one indicator's value in a year, and the
     * participant group it takes part in. The group is a value, not part of the key: a subject is in one group.
     */
    public static final FactKind CAMPAIGN_RESULTS = new FactKind("campaignResults", "campaign_result", "campaign_results.csv", "campaignResult", List.of(
            SUBJECT, of("campaign", "campaign", TEXT).asKey().mandatory(), year("result_year"),
            of("indicator", "indicator", TEXT).asKey().mandatory(), of("participant_group", "group", TEXT).mandatory(),
            of("result_value", "value", DECIMAL).mandatory().range(-1_000_000_000_000L, 1_000_000_000_000L)));

    /**
     * A dated event of a unit (its collective subject): merged into, split from, renamed, moved under another parent,
     * dissolved, established. A unit's predecessors are read from these rows ({@link UnitEvents}); recording one also
     * changes the organisation tree (a MOVED unit's parent, a RENAMED unit's name, a MERGED_INTO unit's people).
     */
    public static final FactKind UNIT_EVENTS = new FactKind("unitEvents", "unit_event", "unit_events.csv", "unitEvent", List.of(
            of("subject_id", "unit", TEXT).asKey().mandatory().json("unit"),
            of("event_kind", "event", CODE).asKey().mandatory().codes(UnitEventKind.class),
            of("on_date", "on", DATE).asKey().mandatory(), of("other_code", "other", TEXT), of("new_name", "name", TEXT),
            of("members", "members", INT).range(0, 10_000_000), of("continues", "continues", BOOL)));

    /** In the order an import merges them: memberships first, facts after; unit events last, since they move memberships. */
    public static final List<FactKind> ALL = List.of(MEMBERSHIPS, RATINGS, TITLES, COMMENDATIONS, INITIATIVES, DISCIPLINES,
            ABSENCES, ATTESTATIONS, MEMBER_AGGREGATES, CLUSTER_MEMBERS, CONTRIBUTIONS, CAMPAIGN_RESULTS, UNIT_EVENTS);

    private static final Map<String, FactKind> BY_NAME = ALL.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(FactKind::name, k -> k));

    public static Optional<FactKind> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    public static Optional<FactKind> byFile(String file) {
        return ALL.stream().filter(k -> k.file().equals(file)).findFirst();
    }
}
