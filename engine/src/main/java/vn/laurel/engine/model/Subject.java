package vn.laurel.engine.model;

import java.time.LocalDate;
import java.util.List;

/** A person or a collective with its history: the subject of a case document. */
public record Subject(String id, SubjectKind kind, String name, String unit, LocalDate hiredOn, Boolean manager,
                      Education education, Boolean unionMember, Boolean armedForces,
                      List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                      List<InitiativeFact> initiatives, List<DisciplineFact> disciplines,
                      List<AbsenceFact> absences, List<AttestationFact> attestations) {
    public Subject {
        ratings = ratings == null ? List.of() : List.copyOf(ratings);
        titles = titles == null ? List.of() : List.copyOf(titles);
        commendations = commendations == null ? List.of() : List.copyOf(commendations);
        initiatives = initiatives == null ? List.of() : List.copyOf(initiatives);
        disciplines = disciplines == null ? List.of() : List.copyOf(disciplines);
        absences = absences == null ? List.of() : List.copyOf(absences);
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
    }
}
