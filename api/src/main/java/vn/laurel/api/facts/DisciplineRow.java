package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("discipline")
public record DisciplineRow(@Id @GeneratedValue @Nullable Long id, String subjectId, @Nullable String disciplineForm,
                            String status, @Nullable LocalDate decidedOn, @Nullable LocalDate untilDate,
                            @Nullable LocalDate sinceDate, String source, Instant recordedAt) {}
