package vn.laurel.engine.model;

/**
 * Discipline forms (hình thức kỷ luật), ordered by the severity that award rules use
 * (award-catalogue §1.2, RECALLED): SALARY_DOWNGRADE and DEMOTION rank equal.
 */
public enum DisciplineForm {
    REPRIMAND(1), WARNING(2), SALARY_DOWNGRADE(3), DEMOTION(3), DISMISSAL(4), FORCED_TERMINATION(5);

    private final int severity;

    DisciplineForm(int severity) { this.severity = severity; }

    public boolean isAtLeast(DisciplineForm other) { return severity >= other.severity; }
}
