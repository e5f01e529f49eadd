package vn.laurel.api.facts;

import jakarta.inject.Singleton;
import vn.laurel.engine.model.*;

import java.util.List;
import java.util.Optional;

/**
 * Reads a subject's whole history from the store into the engine's model. Every fact keeps its
 * store id ({@code rating:812}) and its source, so a decision names exactly what it relied on.
 */
@Singleton
public class FactStore {
    private final Repositories.Units units;
    private final Repositories.Subjects subjects;
    private final Repositories.Ratings ratings;
    private final Repositories.Titles titles;
    private final Repositories.Commendations commendations;
    private final Repositories.Initiatives initiatives;
    private final Repositories.Disciplines disciplines;
    private final Repositories.Absences absences;
    private final Repositories.Attestations attestations;

    public FactStore(Repositories.Units units, Repositories.Subjects subjects, Repositories.Ratings ratings,
                     Repositories.Titles titles, Repositories.Commendations commendations,
                     Repositories.Initiatives initiatives, Repositories.Disciplines disciplines,
                     Repositories.Absences absences, Repositories.Attestations attestations) {
        this.units = units;
        this.subjects = subjects;
        this.ratings = ratings;
        this.titles = titles;
        this.commendations = commendations;
        this.initiatives = initiatives;
        this.disciplines = disciplines;
        this.absences = absences;
        this.attestations = attestations;
    }

    public Optional<Subject> subject(String id) {
        return subjects.findById(id).map(this::load);
    }

    /** The organisation that selects parameters: the root of the subject's unit tree, with the nearest sector. */
    public Organisation organisationOf(Subject subject) {
        String code = subject.unit();
        String root = null, sector = null;
        for (int depth = 0; code != null && depth < 32; depth++) {
            Optional<UnitRow> unit = units.findById(code);
            if (unit.isEmpty()) break;
            root = unit.get().code();
            if (sector == null) sector = unit.get().sector();
            code = unit.get().parentCode();
        }
        return root == null ? null : new Organisation(root, sector);
    }

    private Subject load(SubjectRow s) {
        String id = s.id();
        List<RatingFact> r = ratings.findBySubjectIdOrderByRatingYear(id).stream()
                .map(x -> new RatingFact(x.ratingYear(), Rating.valueOf(x.rating()), "rating:" + x.id(), x.source()))
                .toList();
        List<TitleFact> t = titles.findBySubjectIdOrderByAchievementYear(id).stream()
                .map(x -> new TitleFact(x.achievementYear(), x.code(), x.decisionNo(), x.decidedOn(), x.revoked(),
                        "title:" + x.id(), x.source()))
                .toList();
        List<CommendationFact> c = commendations.findBySubjectIdOrderByAchievementYear(id).stream()
                .map(x -> new CommendationFact(x.achievementYear(), x.code(), CommendationKind.valueOf(x.kind()),
                        x.decisionNo(), x.decidedOn(), x.revoked(), "commendation:" + x.id(), x.source()))
                .toList();
        List<InitiativeFact> i = initiatives.findBySubjectIdOrderByRecognisedYear(id).stream()
                .map(x -> new InitiativeFact(x.recognisedYear(), InitiativeLevel.valueOf(x.initiativeLevel()),
                        InitiativeKind.valueOf(x.kind()), x.benefitVnd(), x.title(), "initiative:" + x.id(), x.source()))
                .toList();
        List<DisciplineFact> d = disciplines.findBySubjectIdOrderById(id).stream()
                .map(x -> new DisciplineFact(x.disciplineForm() == null ? null : DisciplineForm.valueOf(x.disciplineForm()),
                        DisciplineStatus.valueOf(x.status()), x.decidedOn(), x.untilDate(), x.sinceDate(),
                        "discipline:" + x.id(), x.source()))
                .toList();
        List<AbsenceFact> a = absences.findBySubjectIdOrderByAbsenceYear(id).stream()
                .map(x -> new AbsenceFact(x.absenceYear(), x.absenceDays(), "absence:" + x.id(), x.source()))
                .toList();
        List<AttestationFact> at = attestations.findBySubjectIdOrderById(id).stream()
                .map(x -> new AttestationFact(x.attestedYear(), x.criterion(), x.attestedValue(), x.attestedBy(),
                        x.attestedOn(), "attestation:" + x.id(), x.source()))
                .toList();
        return new Subject(id, SubjectKind.valueOf(s.kind()), s.name(), s.unitCode(), s.hiredOn(), s.manager(),
                s.education() == null ? null : Education.valueOf(s.education()), s.unionMember(), s.armedForces(),
                r, t, c, i, d, a, at, List.of(), List.of(), null);
    }
}
