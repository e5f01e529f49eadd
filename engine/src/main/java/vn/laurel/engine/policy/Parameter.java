package vn.laurel.engine.policy;

import vn.laurel.engine.model.Organisation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A policy parameter: a threshold, share or switch that policy staff may change without touching
 * rules. Values are dated; an organisation override beats a sector override, which beats the
 * national value. Within each, the latest value in force on the appraisal date applies.
 *
 * @param confidence VERIFIED, RECALLED or UNCONFIRMED, as in the award catalogue
 * @param file       the parameter file it was read from, relative to the rules directory
 */
public record Parameter(String name, Localized description, String unit, String confidence, String file,
                        List<ParameterValue> values) {

    public Optional<ParameterUse> resolve(LocalDate asOf, Organisation organisation) {
        String org = organisation == null ? null : organisation.code();
        String sector = organisation == null ? null : organisation.sector();
        return latest(asOf, v -> org != null && org.equals(v.organisation()), "organisation " + org)
                .or(() -> latest(asOf, v -> v.organisation() == null && sector != null && sector.equals(v.sector()),
                        "sector " + sector))
                .or(() -> latest(asOf, ParameterValue::isNational, "national"));
    }

    private Optional<ParameterUse> latest(LocalDate asOf, Predicate<ParameterValue> scope, String scopeName) {
        return values.stream()
                .filter(scope)
                .filter(v -> !v.from().isAfter(asOf))
                .max(Comparator.comparing(ParameterValue::from))
                .map(v -> new ParameterUse(name, v.value(), v.from(), scopeName, v.reference(), confidence, file));
    }
}
