package vn.laurel.engine.evaluation;

import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.regime.Regime;

import java.time.LocalDate;

/** The regime an answer was decided under. */
public record RegimeInfo(String code, LocalDate from, LocalDate to, Localized legalBasis, boolean provisional) {
    static RegimeInfo of(Regime r) {
        return new RegimeInfo(r.code(), r.from(), r.to(), r.legalBasis(), r.provisional());
    }
}
