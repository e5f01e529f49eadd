package vn.laurel.engine.regime;

import vn.laurel.engine.policy.Localized;

import java.time.LocalDate;

/**
 * A legal regime: the set of rules in force for files received between two dates.
 *
 * @param folder      the folder under the rules directory that holds its DRL files
 * @param provisional true when its text is unconfirmed; every answer under it says so
 */
public record Regime(String code, LocalDate from, LocalDate to, String folder, Localized legalBasis,
                     boolean provisional) {
    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
