package vn.laurel.engine.policy;

import java.time.LocalDate;

/** The value of a parameter that a decision used, and why that value: its date, scope and source. */
public record ParameterUse(String name, Object value, LocalDate effectiveFrom, String scope, String reference,
                           String confidence, String file) {}
