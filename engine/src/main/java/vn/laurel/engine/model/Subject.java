package vn.laurel.engine.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A person, a collective, an enterprise or a household with its history: the subject of a case document.
 *
 * @param memberAggregates a collective's yearly member figures, used when its members are not listed
 * @param clusterRankings  a collective's place in its emulation cluster, by year
 * @param deceasedOn       set when the person has died (some awards are not given posthumously)
 * @param contractSince    a person's start of work under contract at the same agency before being recruited
 *                         ({@code hiredOn}); from 2024 it counts toward a new hire's months (Circular
 *                         01/2024/TT-BNV, award-catalogue §1.4)
 * @param establishedOn    a collective's, enterprise's or household's founding day (a unit younger than a year
 *                         may be left out, except after a merger: TT 64/2026/TT-BXD art. 9)
 * @param contributions    a household's contributions of work, land or assets
 * @param campaignResults  results in emulation campaigns, by campaign, year and indicator
 * @param predecessors     a unit's predecessors: merged into it, split off from, renamed into it
 * @param events           the unit's own dated events (renamed, moved, merged into another, dissolved)
 */
public record Subject(String id, SubjectKind kind, String name, String unit, LocalDate hiredOn, Boolean manager,
                      Education education, Boolean unionMember, Boolean armedForces,
                      List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                      List<InitiativeFact> initiatives, List<DisciplineFact> disciplines,
                      List<AbsenceFact> absences, List<AttestationFact> attestations,
                      List<MemberAggregateFact> memberAggregates, List<ClusterRankingFact> clusterRankings,
                      LocalDate deceasedOn, LocalDate contractSince, LocalDate establishedOn,
                      List<ContributionFact> contributions, List<CampaignResultFact> campaignResults,
                      List<Predecessor> predecessors, List<UnitEventFact> events) {
    /** A subject without founding day, contributions, campaign results, predecessors or events. */
    public Subject(String id, SubjectKind kind, String name, String unit, LocalDate hiredOn, Boolean manager,
                   Education education, Boolean unionMember, Boolean armedForces,
                   List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                   List<InitiativeFact> initiatives, List<DisciplineFact> disciplines,
                   List<AbsenceFact> absences, List<AttestationFact> attestations,
                   List<MemberAggregateFact> memberAggregates, List<ClusterRankingFact> clusterRankings,
                   LocalDate deceasedOn, LocalDate contractSince) {
        this(id, kind, name, unit, hiredOn, manager, education, unionMember, armedForces, ratings, titles, commendations,
                initiatives, disciplines, absences, attestations, memberAggregates, clusterRankings, deceasedOn, contractSince,
                null, null, null, null, null);
    }

    /** A subject without a contract period before recruitment. */
    public Subject(String id, SubjectKind kind, String name, String unit, LocalDate hiredOn, Boolean manager,
                   Education education, Boolean unionMember, Boolean armedForces,
                   List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                   List<InitiativeFact> initiatives, List<DisciplineFact> disciplines,
                   List<AbsenceFact> absences, List<AttestationFact> attestations,
                   List<MemberAggregateFact> memberAggregates, List<ClusterRankingFact> clusterRankings,
                   LocalDate deceasedOn) {
        this(id, kind, name, unit, hiredOn, manager, education, unionMember, armedForces, ratings, titles, commendations,
                initiatives, disciplines, absences, attestations, memberAggregates, clusterRankings, deceasedOn, null);
    }

    /** The same subject with other attestations (a what-if of a judgment: which criteria would it settle?). */
    public Subject withAttestations(List<AttestationFact> others) {
        return new Subject(id, kind, name, unit, hiredOn, manager, education, unionMember, armedForces, ratings, titles, commendations,
                initiatives, disciplines, absences, others, memberAggregates, clusterRankings, deceasedOn, contractSince,
                establishedOn, contributions, campaignResults, predecessors, events);
    }

    /** The same subject with other cluster rankings (a review not recorded yet, as it would be recorded). */
    public Subject withClusterRankings(List<ClusterRankingFact> others) {
        return new Subject(id, kind, name, unit, hiredOn, manager, education, unionMember, armedForces, ratings, titles, commendations,
                initiatives, disciplines, absences, attestations, memberAggregates, others, deceasedOn, contractSince,
                establishedOn, contributions, campaignResults, predecessors, events);
    }

    public Subject {
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
        titles = titles == null ? List.of() : List.copyOf(titles);
        commendations = commendations == null ? List.of() : List.copyOf(commendations);
        initiatives = initiatives == null ? List.of() : List.copyOf(initiatives);
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
        absences = absences == null ? List.of() : List.copyOf(absences);
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
        memberAggregates = memberAggregates == null ? List.of() : List.copyOf(memberAggregates);
        clusterRankings = clusterRankings == null ? List.of() : List.copyOf(clusterRankings);
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        campaignResults = campaignResults == null ? List.of() : List.copyOf(campaignResults);
        predecessors = predecessors == null ? List.of() : List.copyOf(predecessors);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * The same subject with other facts of its history kept by year: its own with those it inherits from its
     * predecessors (engine.lineage). Its predecessors and events stay as they are.
     */
    public Subject withYearFacts(List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                                 List<InitiativeFact> initiatives, List<AttestationFact> attestations,
                                 List<MemberAggregateFact> memberAggregates, List<ClusterRankingFact> clusterRankings,
                                 List<CampaignResultFact> campaignResults) {
        return new Subject(id, kind, name, unit, hiredOn, manager, education, unionMember, armedForces, ratings, titles, commendations,
                initiatives, disciplines, absences, attestations, memberAggregates, clusterRankings, deceasedOn, contractSince,
                establishedOn, contributions, campaignResults, predecessors, events);
    }

    /** The same subject with other facts of its history (a projected record, an inherited one). */
    public Subject withHistory(List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                               List<InitiativeFact> initiatives, List<AttestationFact> attestations) {
        return new Subject(id, kind, name, unit, hiredOn, manager, education, unionMember, armedForces, ratings, titles, commendations,
                initiatives, disciplines, absences, attestations, memberAggregates, clusterRankings, deceasedOn, contractSince,
                establishedOn, contributions, campaignResults, predecessors, events);
    }
}
