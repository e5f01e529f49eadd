package vn.laurel.engine.model;

/**
 * Who an award is for: a person; a collective (a unit of the organisation tree, a department); an
 * enterprise (a business, a cooperative, a research institute); or a household (hộ gia đình), which
 * receives certificates of merit for its contribution (award-catalogue §4).
 */
public enum SubjectKind {
    PERSON, COLLECTIVE, ENTERPRISE, HOUSEHOLD;

    /**
     * Whether the subject is a collective in the law's sense ("tập thể"): a unit or an enterprise. It may
     * have members, and a rule written for {@code @subject("COLLECTIVE")} applies to it.
     */
    public boolean isCollective() {
        return this == COLLECTIVE || this == ENTERPRISE;
    }
}
