package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("commendation")
public record CommendationRow(@Id @GeneratedValue @Nullable Long id, String subjectId, int achievementYear, String code,
                              String kind, @Nullable String decisionNo, @Nullable LocalDate decidedOn, boolean revoked,
                              String source, Instant recordedAt) {}
