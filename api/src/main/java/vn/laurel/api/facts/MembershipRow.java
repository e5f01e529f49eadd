package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A person's membership of a unit over a period: a unit's evaluation for a year uses that year's members. */
@MappedEntity("membership")
public record MembershipRow(@Id @GeneratedValue @Nullable Long id, String subjectId, String unitCode, LocalDate fromDate,
                            @Nullable LocalDate toDate, String source, Instant recordedAt) {}
