package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("initiative")
public record InitiativeRow(@Id @GeneratedValue @Nullable Long id, String subjectId, int recognisedYear,
                            String initiativeLevel, String kind, @Nullable Long benefitVnd, @Nullable String title,
                            String source, Instant recordedAt) {}
