package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("attestation")
public record AttestationRow(@Id @GeneratedValue @Nullable Long id, String subjectId, int attestedYear, String criterion,
                             boolean attestedValue, @Nullable String attestedBy, @Nullable LocalDate attestedOn,
                             String source, Instant recordedAt) {}
