package vn.laurel.engine.policy;

import vn.laurel.engine.model.Organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
        return resolve(asOf, null, organisation);
    }

    /**
     * As above for a file submitted on {@code submittedOn} (null: on the appraisal date). A value marked
     * {@code appliesBy: SUBMISSION} is in force only for files submitted on or after its date.
     */
    public Optional<ParameterUse> resolve(LocalDate asOf, LocalDate submittedOn, Organisation organisation) {
        String org = organisation == null ? null : organisation.code();
        String sector = organisation == null ? null : organisation.sector();
        // Plain loops: every criterion of every subject resolves its parameters, a million times in a batch.
        ParameterValue byOrg = null, bySector = null, national = null;
        for (ParameterValue v : values) {
            if (!v.inForce(asOf, submittedOn)) continue;
            if (org != null && org.equals(v.organisation())) byOrg = later(byOrg, v);
            else if (v.organisation() == null && sector != null && sector.equals(v.sector())) bySector = later(bySector, v);
            if (v.isNational()) national = later(national, v);
        }
        if (byOrg != null) return Optional.of(use(byOrg, "organisation " + org));
        if (bySector != null) return Optional.of(use(bySector, "sector " + sector));
        return national == null ? Optional.empty() : Optional.of(use(national, "national"));
    }

    /** The later of two values by start date; the first listed wins a tie. */
    private static ParameterValue later(ParameterValue best, ParameterValue v) {
        return best == null || v.from().isAfter(best.from()) ? v : best;
    }

    private ParameterUse use(ParameterValue v, String scopeName) {
        // A value's own confidence, when it has one, is what the answer can say of the value it used.
        return new ParameterUse(name, v.value(), v.from(), scopeName, v.reference(),
                v.confidence() != null ? v.confidence() : confidence, file);
    }
}
