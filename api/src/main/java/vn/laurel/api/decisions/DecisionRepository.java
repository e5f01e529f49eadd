package vn.laurel.api.decisions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/**
 * Decisions. SQL for the JSON column differs between PostgreSQL and H2 and is generated at compile
 * time, so each database has its own repository, chosen by the configured dialect.
 */
public interface DecisionRepository extends CrudRepository<DecisionRecord, Long> {
    List<DecisionRecord> findBySubjectIdOrderByIdDesc(String subjectId);

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = "datasources.default.dialect", value = "POSTGRES")
    interface Postgres extends DecisionRepository {}

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = "datasources.default.dialect", value = "H2")
    interface H2 extends DecisionRepository {}
}
