package vn.laurel.api.decisions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A saved decision: the parts auditors search by as columns, and either its compact record (issue 20 on,
 * {@link CompactRecord}; the answer is rendered from it) or, saved before, its whole answer as JSON.
 */
@Serdeable
@MappedEntity("decision")
public record DecisionRecord(@Id @GeneratedValue @Nullable Long id, String subjectId, int evaluationYear, LocalDate asOf,
                             String regime, String rulesetVersion, String engineVersion, String outcomes,
                             @Nullable @TypeDef(type = DataType.JSON) Map<String, Object> result, String requestedBy,
                             Instant createdAt, String basis, @Nullable String recordText) {}
