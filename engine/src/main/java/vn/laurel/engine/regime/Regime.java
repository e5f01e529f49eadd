package vn.laurel.engine.regime;

import vn.laurel.engine.policy.Localized;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A legal regime: the set of rules in force for files received between two dates.
 *
 * @param folder      the folder under the rules directory that holds its DRL files
 * @param provisional true when its text is unconfirmed; every answer under it says so
 * @param decrees     the implementing decrees of the regime, in date order: the one that applies to a
 *                    file is the latest in force on the appraisal date, or — for a decree whose
 *                    transition clause follows the submission — on the day the file was submitted
 * @param notes       sentences every answer under the regime carries (what an amending law changes, say)
 */
public record Regime(String code, LocalDate from, LocalDate to, String folder, Localized legalBasis,
                     boolean provisional, List<Decree> decrees, List<Localized> notes) {
    public Regime {
        decrees = decrees == null ? List.of() : List.copyOf(decrees);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Regime(String code, LocalDate from, LocalDate to, String folder, Localized legalBasis, boolean provisional) {
        this(code, from, to, folder, legalBasis, provisional, List.of(), List.of());
    }

    public boolean covers(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }

    /**
     * An implementing decree and the day it takes over.
     *
     * @param bySubmission true when files submitted before {@code from} keep the previous decree even if
     *                     appraised later (Decree 152/2025/ND-CP art. 60.3)
     */
    public record Decree(LocalDate from, Localized name, boolean bySubmission) {}

    /** The decree that governs a file appraised on {@code asOf} and submitted on {@code submittedOn} (null: asOf). */
    public Optional<Decree> decreeFor(LocalDate asOf, LocalDate submittedOn) {
        Decree applies = null;
        for (Decree d : decrees) {
            if (d.from() == null || d.from().isAfter(asOf)) continue;
            if (d.bySubmission() && submittedOn != null && d.from().isAfter(submittedOn)) continue;
            if (applies == null || applies.from() == null || !d.from().isBefore(applies.from())) applies = d;
        }
        return Optional.ofNullable(applies);
    }
}
