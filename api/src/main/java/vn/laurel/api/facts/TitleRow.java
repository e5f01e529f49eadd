package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("title")
public record TitleRow(@Id @GeneratedValue @Nullable Long id, String subjectId, int achievementYear, String code,
                       @Nullable String decisionNo, @Nullable LocalDate decidedOn, boolean revoked,
                       String source, Instant recordedAt) {}
