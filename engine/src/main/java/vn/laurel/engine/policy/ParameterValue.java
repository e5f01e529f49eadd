package vn.laurel.engine.policy;

import java.time.LocalDate;

/**
 * One dated value of a parameter. An override names the organisation or the sector it applies to;
 * a value with neither is the national default.
 */
public record ParameterValue(LocalDate from, Object value, String reference, String organisation, String sector) {
    public boolean isNational() { return organisation == null && sector == null; }
}
