package vn.laurel.engine.model;

import java.time.LocalDate;

/**
 * A discipline decision (form, decided on, in force until), or a pending matter (status PENDING,
 * since): a discipline being considered, an investigation, a prosecution or a trial under way.
 */
public record DisciplineFact(DisciplineForm form, DisciplineStatus status, LocalDate decidedOn, LocalDate until,
                             LocalDate since, String id, String source) implements Fact {
    public DisciplineFact {
        if (status == null) status = form == null ? DisciplineStatus.PENDING : DisciplineStatus.DECIDED;
    }

    public boolean isPending() { return status == DisciplineStatus.PENDING; }

    public String factType() { return "discipline"; }

    public String summary() {
        return isPending() ? "PENDING since " + since
                : form + " " + decidedOn + (until == null ? "" : " until " + until);
    }
}
