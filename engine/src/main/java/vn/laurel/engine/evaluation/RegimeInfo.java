package vn.laurel.engine.evaluation;

import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.regime.Regime;

import java.time.LocalDate;
import java.util.List;

/**
 * The regime an answer was decided under.
 *
 * @param decree the implementing decree that governs this file (by appraisal date, or by submission
 *               date where the decree's transition clause says so); null when the regime names none
 * @param notes  what the answer's reader must know about the regime (an amending law's changes, say)
 */
public record RegimeInfo(String code, LocalDate from, LocalDate to, Localized legalBasis, boolean provisional,
                         Localized decree, List<Localized> notes) {
    static RegimeInfo of(Regime r, LocalDate asOf, LocalDate submittedOn) {
        return new RegimeInfo(r.code(), r.from(), r.to(), r.legalBasis(), r.provisional(),
                r.decreeFor(asOf, submittedOn).map(Regime.Decree::name).orElse(null), r.notes());
    }

    /** No regime is modelled for the date: the answer says why. */
    static RegimeInfo none(LocalDate before, Localized why) {
        return new RegimeInfo(NONE, null, before == null ? null : before.minusDays(1), why, false, null, List.of(why));
    }

    /** The regime code of an answer for a date no modelled regime covers. */
    public static final String NONE = "NONE";
}
