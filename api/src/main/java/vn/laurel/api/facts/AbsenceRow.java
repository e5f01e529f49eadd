package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("absence")
public record AbsenceRow(@Id @GeneratedValue @Nullable Long id, String subjectId, int absenceYear, int absenceDays,
                         String source, Instant recordedAt) {}
