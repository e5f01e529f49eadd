package vn.laurel.engine.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A person or a collective with its history: the subject of a case document.
 *
 * @param memberAggregates a collective's yearly member figures, used when its members are not listed
 * @param clusterRankings  a collective's place in its emulation cluster, by year
 * @param deceasedOn       set when the person has died (some awards are not given posthumously)
 */
public record Subject(String id, SubjectKind kind, String name, String unit, LocalDate hiredOn, Boolean manager,
                      Education education, Boolean unionMember, Boolean armedForces,
                      List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                      List<InitiativeFact> initiatives, List<DisciplineFact> disciplines,
                      List<AbsenceFact> absences, List<AttestationFact> attestations,
                      List<MemberAggregateFact> memberAggregates, List<ClusterRankingFact> clusterRankings,
                      LocalDate deceasedOn) {
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
    }
}
