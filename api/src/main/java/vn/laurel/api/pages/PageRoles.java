package vn.laurel.api.pages;

import vn.laurel.api.security.Roles;

import java.util.Set;

/**
 * Which roles open which page: the same as the API endpoints the page stands for, so that a page
 * never shows what its user could not ask the API for.
 */
public final class PageRoles {
    /** Any signed-in user, whatever the role: the home page, search and the unit tree. */
    public static final Set<String> SIGNED_IN = Set.of(Roles.CLIENT, Roles.CLERK, Roles.POLICY, Roles.BOARD, Roles.AUDITOR, Roles.ADMIN);
    /** Eligibility of a person or unit (GET /api/v1/subjects/{id}/eligibility). */
    public static final Set<String> ELIGIBILITY = Set.of(Roles.CLIENT, Roles.BOARD, Roles.ADMIN);
    /** The candidates of an award (GET /api/v1/awards/{code}/candidates). */
    public static final Set<String> CANDIDATES = Set.of(Roles.CLIENT, Roles.BOARD, Roles.ADMIN);
    /**
     * What-if on a copy of a stored person's facts (the copy: GET /api/v1/subjects/{id}/eligibility;
     * the evaluation: POST /api/v1/evaluations). POLICY may evaluate documents it sends through the API,
     * but the page starts from a stored person, whom the API never shows POLICY.
     */
    public static final Set<String> WHAT_IF = Set.of(Roles.CLIENT, Roles.ADMIN);
    /** Batches (/api/v1/batches). */
    public static final Set<String> BATCHES = Set.of(Roles.CLIENT, Roles.ADMIN);
    /** Decisions, replay, the audit chain, checkpoints, the rule-set change log (/api/v1/decisions, /api/v1/audit). */
    public static final Set<String> AUDIT = Set.of(Roles.AUDITOR, Roles.ADMIN);
    /**
     * The rules workbench: reading the catalogue, the rules, drafts, their diffs, previews, scenarios and
     * the history (GET /api/v1/ruleset/**, /api/v1/ruleset/drafts/**: POLICY, AUDITOR, ADMIN).
     */
    public static final Set<String> WORKBENCH = Set.of(Roles.POLICY, Roles.AUDITOR, Roles.ADMIN);
    /**
     * Changing the rules in the workbench: opening and editing drafts, proposing, approving, rejecting,
     * publishing, rolling back (the writing endpoints of /api/v1/ruleset/**: POLICY, ADMIN).
     */
    public static final Set<String> WORKBENCH_EDIT = Set.of(Roles.POLICY, Roles.ADMIN);
    /**
     * The emulation year, read: clusters and their reviews, council sessions, ballots and agendas, the
     * competent authorities and the proposal lists (GET /api/v1/clusters/**, /api/v1/councils/**,
     * /api/v1/proposals/**: BOARD, AUDITOR, ADMIN).
     */
    public static final Set<String> YEAR = Set.of(Roles.BOARD, Roles.AUDITOR, Roles.ADMIN);
    /** The emulation year, written: scores, reviews recorded, sessions and ballots, lists prepared, conferments (BOARD, ADMIN). */
    public static final Set<String> YEAR_EDIT = Set.of(Roles.BOARD, Roles.ADMIN);
    /** Stored facts with their versions (GET /api/v1/subjects/{id}, /api/v1/facts/...). */
    public static final Set<String> FACTS = Set.of(Roles.CLERK, Roles.AUDITOR, Roles.ADMIN);

    private PageRoles() {}
}
