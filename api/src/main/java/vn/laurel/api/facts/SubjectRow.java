package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A person, or a collective (whose id is its unit code). */
@MappedEntity("subject")
public record SubjectRow(@Id String id, String kind, String name, @Nullable String unitCode, @Nullable LocalDate hiredOn,
                         @Nullable Boolean manager, @Nullable String education, @Nullable Boolean unionMember,
                         @Nullable Boolean armedForces, String source, Instant recordedAt) {}
