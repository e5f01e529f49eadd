package vn.laurel.api.facts;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/**
 * The fact repositories. Their SQL is generated at compile time for PostgreSQL and runs unchanged on
 * H2 in PostgreSQL mode (no JSON columns here; the decision store has per-dialect repositories).
 */
public final class Repositories {
    private Repositories() {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Units extends CrudRepository<UnitRow, String> {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Subjects extends CrudRepository<SubjectRow, String> {}

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Memberships extends CrudRepository<MembershipRow, Long> {
        List<MembershipRow> findBySubjectIdOrderByFromDate(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Ratings extends CrudRepository<RatingRow, Long> {
        List<RatingRow> findBySubjectIdOrderByRatingYear(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Titles extends CrudRepository<TitleRow, Long> {
        List<TitleRow> findBySubjectIdOrderByAchievementYear(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Commendations extends CrudRepository<CommendationRow, Long> {
        List<CommendationRow> findBySubjectIdOrderByAchievementYear(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Initiatives extends CrudRepository<InitiativeRow, Long> {
        List<InitiativeRow> findBySubjectIdOrderByRecognisedYear(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Disciplines extends CrudRepository<DisciplineRow, Long> {
        List<DisciplineRow> findBySubjectIdOrderById(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Absences extends CrudRepository<AbsenceRow, Long> {
        List<AbsenceRow> findBySubjectIdOrderByAbsenceYear(String subjectId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Attestations extends CrudRepository<AttestationRow, Long> {
        List<AttestationRow> findBySubjectIdOrderById(String subjectId);
    }
}
