package vn.laurel.api.batch;

import java.time.LocalDate;
import java.util.List;

/**
 * What a batch evaluates: every person whose membership covers 31 December of {@code year} in the
 * unit (and, with {@code includeSubunits}, every unit below it), and those units themselves; the
 * whole organisation when {@code unit} is null. Empty {@code awards} means every award.
 */
public record BatchRequest(int year, LocalDate asOf, String unit, boolean includeSubunits, List<String> awards,
                           boolean saveDecisions) {
    public BatchRequest {
        awards = awards == null ? List.of() : List.copyOf(awards);
    }
}
