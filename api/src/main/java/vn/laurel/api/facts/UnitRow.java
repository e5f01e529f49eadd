package vn.laurel.api.facts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A node of the organisation tree: a ministry or province, a department, a unit. */
@MappedEntity("org_unit")
public record UnitRow(@Id String code, String name, @Nullable String parentCode, @Nullable String sector,
                      String source, Instant recordedAt) {}
